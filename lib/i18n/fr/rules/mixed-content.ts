import type { SameKeys } from '../../catalogue';
import type { mixedContent as en } from '../../en/rules/mixed-content';

export const mixedContent: SameKeys<typeof en> = {};
