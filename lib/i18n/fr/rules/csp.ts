import type { SameKeys } from '../../catalogue';
import type { csp as en } from '../../en/rules/csp';

export const csp: SameKeys<typeof en> = {};
