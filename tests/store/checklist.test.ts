import { describe, expect, it } from 'vitest';
import type { DomainChecklist } from '../../lib/diagnosis/answers';
import { getChecklist, saveChecklist, updateChecklistAnswers } from '../../lib/store/checklist';
import { mergeChecklists } from '../../lib/store/checklist-merge';
import { openVigieDB } from '../../lib/store/db';
import { freshDb, recorder } from './helpers';

const base: DomainChecklist = {
  domain: 'shop.example',
  answers: { C1: { status: 'ok', origin: 'user', confirmedAt: '2026-10-01T10:00:00.000Z' } },
  updatedAt: '2026-10-01T10:00:00.000Z',
};

describe('mergeChecklists', () => {
  it('keeps points answered on either side', () => {
    const incoming: DomainChecklist = { domain: 'shop.example', answers: { C3: { status: 'ko', origin: 'user' } }, updatedAt: '2026-10-02T00:00:00.000Z' };
    const merged = mergeChecklists(base, incoming);
    expect(Object.keys(merged.answers).sort()).toEqual(['C1', 'C3']);
    expect(merged.updatedAt).toBe('2026-10-02T00:00:00.000Z');
  });

  it('lets the later answer of a point win, even when it is the stored one', () => {
    const stale: DomainChecklist = { domain: 'shop.example', answers: { C1: { status: 'ko', origin: 'user', confirmedAt: '2026-09-01T00:00:00.000Z' } }, updatedAt: '2026-10-03T00:00:00.000Z' };
    expect(mergeChecklists(base, stale).answers.C1?.status).toBe('ok');
    const fresh: DomainChecklist = { domain: 'shop.example', answers: { C1: { status: 'partial', origin: 'user', confirmedAt: '2026-10-05T00:00:00.000Z' } }, updatedAt: '2026-10-05T00:00:00.000Z' };
    expect(mergeChecklists(base, fresh).answers.C1?.status).toBe('partial');
  });

  it('uses the record date for answers without their own date', () => {
    const incoming: DomainChecklist = { domain: 'shop.example', answers: { C1: { status: 'na', origin: 'accepted' } }, updatedAt: '2026-11-01T00:00:00.000Z' };
    expect(mergeChecklists(base, incoming).answers.C1?.status).toBe('na');
  });
});

describe('checklist store', () => {
  it('returns null before anything is saved, then the saved record', async () => {
    const { db } = await freshDb();
    expect(await getChecklist(db, 'shop.example')).toBeNull();
    await saveChecklist(db, base);
    expect(await getChecklist(db, 'shop.example')).toEqual(base);
  });

  it('refuses an invalid record', async () => {
    const { db } = await freshDb();
    await expect(saveChecklist(db, { ...base, answers: { Z9: { status: 'ok', origin: 'user' } } } as never)).rejects.toThrow();
    expect(await db.count('checklist')).toBe(0);
  });

  it('reports and skips a corrupt stored record', async () => {
    const { db } = await freshDb();
    await db.put('checklist', { domain: 'shop.example', answers: 'yes' });
    const { reports, report } = recorder();
    expect(await getChecklist(db, 'shop.example', report)).toBeNull();
    expect(reports).toEqual([{ store: 'checklist', key: 'shop.example' }]);
    // A later save replaces the corrupt record instead of failing on it.
    await saveChecklist(db, base);
    expect(await getChecklist(db, 'shop.example')).toEqual(base);
  });

  it('updateChecklistAnswers changes only the given points and stamps them', async () => {
    const { db } = await freshDb();
    await saveChecklist(db, base);
    const merged = await updateChecklistAnswers(db, 'shop.example', { C2: { status: 'ko', origin: 'user' } }, new Date('2026-11-01T12:00:00.000Z'));
    expect(merged.answers.C1).toEqual(base.answers.C1);
    expect(merged.answers.C2).toEqual({ status: 'ko', origin: 'user', confirmedAt: '2026-11-01T12:00:00.000Z' });
  });

  it('two pages (two connections) saving different points at once lose nothing', async () => {
    const { db: popup, name } = await freshDb();
    const report = await openVigieDB(name);
    const points = ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4'] as const;
    await Promise.all(points.map((point, i) =>
      updateChecklistAnswers(i % 2 ? popup : report, 'shop.example', { [point]: { status: 'ok', origin: 'user' } }, new Date(Date.UTC(2026, 10, 1, 0, i)))));
    const stored = await getChecklist(popup, 'shop.example');
    expect(Object.keys(stored!.answers).sort()).toEqual([...points].sort());
    report.close();
  });
});
