import type { SameKeys } from '../../catalogue';
import type { waf as en } from '../../en/rules/waf';

export const waf: SameKeys<typeof en> = {};
