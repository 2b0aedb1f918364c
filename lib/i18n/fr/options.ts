import type { SameKeys } from '../catalogue';
import type { options as en } from '../en/options';

export const options: SameKeys<typeof en> = {};
