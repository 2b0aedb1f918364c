import type { SameKeys } from '../../catalogue';
import type { cookies as en } from '../../en/rules/cookies';

export const cookies: SameKeys<typeof en> = {};
