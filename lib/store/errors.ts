/** Store failures as values the pages can show: each carries an i18n key of the history catalogue. */
export type StoreErrorKey =
  | 'history.error.quota'
  | 'history.error.write'
  | 'history.error.open';

export class StoreError extends Error {
  constructor(readonly messageKey: StoreErrorKey, override readonly cause?: unknown) {
    super(messageKey);
    this.name = 'StoreError';
  }
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; inner?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  // Firefox used NS_ERROR_DOM_QUOTA_REACHED; legacy code 22 is QUOTA_EXCEEDED_ERR.
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22;
}

/** Maps any failure of a write transaction to a StoreError (quota errors get their own message). */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(isQuotaError(error) ? 'history.error.quota' : 'history.error.write', error);
}

/** Called for every record that fails validation on read; the record is skipped. */
export type CorruptRecordReporter = (store: string, key: string, error: unknown) => void;
export const defaultReporter: CorruptRecordReporter = (store, key, error) =>
  console.warn(`Vigie: skipped a corrupt ${store} record`, key, error);
