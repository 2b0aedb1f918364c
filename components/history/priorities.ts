import type { Priority } from '../../lib/audit/schema';

export const PRIORITIES_ORDER: readonly Priority[] = ['P0', 'P1', 'P2', 'P3'];
