import type { SameKeys } from '../../catalogue';
import type { performance as en } from '../../en/rules/performance';

export const performance: SameKeys<typeof en> = {};
