import type { SameKeys } from '../catalogue';
import type { cli as en } from '../en/cli';

export const cli: SameKeys<typeof en> = {};
