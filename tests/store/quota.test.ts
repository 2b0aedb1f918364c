/** A full disk (QuotaExceededError) is reported with its own message and loses nothing already stored. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, encodeBackup } from '../../lib/store/backup/export';
import { restoreBackup } from '../../lib/store/backup/restore';
import { saveChecklist } from '../../lib/store/checklist';
import { saveAudit } from '../../lib/store/db';
import { StoreError } from '../../lib/store/errors';
import { freshDb, makeAudit, snapshot } from './helpers';

/** Makes the store's put throw a QuotaExceededError once `when` matches the value. */
function failPutsWhen(when: (value: unknown) => boolean) {
  const original = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (when(value)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.call(this, value, key);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('quota errors', () => {
  it('saveAudit throws a StoreError with the quota message and keeps the earlier audits', async () => {
    const { db } = await freshDb();
    const kept = makeAudit({ domain: 'a.example', startedAt: '2026-10-01T00:00:00.000Z' });
    await saveAudit(db, kept);
    const before = await snapshot(db);
    const next = makeAudit({ domain: 'a.example', startedAt: '2026-11-01T00:00:00.000Z' });
    // Fail on the summary, after the audit itself was put: the audit must not be left behind.
    failPutsWhen((v) => (v as { id?: string; findingIds?: unknown }).id === next.id && 'findingIds' in (v as object));
    const error = await saveAudit(db, next).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).messageKey).toBe('history.error.quota');
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('a restore in replace mode that hits the quota half-way leaves the old history intact', async () => {
    const { db: source } = await freshDb();
    const incoming = Array.from({ length: 8 }, (_, i) => makeAudit({ domain: `s${i}.example` }));
    for (const a of incoming) await saveAudit(source, a);
    const file = await encodeBackup(await createBackup(source, { now: new Date('2026-11-28T00:00:00.000Z') }), false);

    const { db } = await freshDb();
    await saveAudit(db, makeAudit({ domain: 'mine.example' }));
    await saveChecklist(db, { domain: 'mine.example', answers: { C1: { status: 'ok', origin: 'user' } }, updatedAt: '2026-10-01T00:00:00.000Z' });
    const before = await snapshot(db);
    failPutsWhen((v) => (v as { id?: string }).id === incoming[5]!.id);
    const result = await restoreBackup(db, file, 'replace');
    expect(result).toEqual({ ok: false, error: 'history.error.quota', params: {} });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('a checklist save that hits the quota keeps the stored answers', async () => {
    const { db } = await freshDb();
    await saveChecklist(db, { domain: 'a.example', answers: { C1: { status: 'ok', origin: 'user' } }, updatedAt: '2026-10-01T00:00:00.000Z' });
    const before = await snapshot(db);
    failPutsWhen((v) => (v as { domain?: string }).domain === 'a.example');
    await expect(saveChecklist(db, { domain: 'a.example', answers: { C2: { status: 'ko', origin: 'user' } }, updatedAt: '2026-11-01T00:00:00.000Z' })).rejects.toMatchObject({ messageKey: 'history.error.quota' });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('other write failures get the generic message', async () => {
    const { db } = await freshDb();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => { throw new DOMException('nope', 'DataError'); });
    await expect(saveAudit(db, makeAudit())).rejects.toMatchObject({ messageKey: 'history.error.write' });
  });
});
