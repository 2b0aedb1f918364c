import type { SameKeys } from '../catalogue';
import type { score as en } from '../en/score';

export const score: SameKeys<typeof en> = {};
