import type { SameKeys } from '../catalogue';
import type { exportMessages as en } from '../en/export-messages';

export const exportMessages: SameKeys<typeof en> = {};
