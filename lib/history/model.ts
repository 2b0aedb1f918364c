/**
 * The history's data shapes, as the pages and components read them. Components receive these
 * through props and never reach the store themselves (entrypoints/audits/data.ts does).
 */
export type { AgencyFields, AuditSummary, DomainRecord } from '../store/schema';
export { AgencyFields as AgencyFieldsSchema } from '../store/schema';
export type { RestoreMode, RestoreResult, SettingsWriter } from '../store/backup/restore';
export type { StorageUsage } from '../store/housekeeping';
