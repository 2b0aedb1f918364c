import type { SameKeys } from '../catalogue';
import type { diagnosis as en } from '../en/diagnosis';

export const diagnosis: SameKeys<typeof en> = {};
