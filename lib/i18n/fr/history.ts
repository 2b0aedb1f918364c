import type { SameKeys } from '../catalogue';
import type { history as en } from '../en/history';

export const history: SameKeys<typeof en> = {};
