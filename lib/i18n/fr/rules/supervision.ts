import type { SameKeys } from '../../catalogue';
import type { supervision as en } from '../../en/rules/supervision';

export const supervision: SameKeys<typeof en> = {};
