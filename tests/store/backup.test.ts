import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../lib/audit/schema';
import { createBackup, encodeBackup } from '../../lib/store/backup/export';
import { readBackup } from '../../lib/store/backup/read';
import { restoreBackup, type RestoreMode } from '../../lib/store/backup/restore';
import { getChecklist, saveChecklist } from '../../lib/store/checklist';
import { getAgencyFields, saveAgencyFields } from '../../lib/store/agency-fields';
import { domainSummaries, getAudit, saveAudit, type VigieDatabase } from '../../lib/store/db';
import { listDomains } from '../../lib/store/domains';
import { deleteEverything } from '../../lib/store/housekeeping';
import { freshDb, makeAudit, snapshot } from './helpers';

const NOW = new Date('2026-11-28T12:00:00.000Z');

async function seeded() {
  const { db } = await freshDb();
  const audits = [
    makeAudit({ domain: 'a.example', startedAt: '2026-09-01T00:00:00.000Z', score: 50 }),
    makeAudit({ domain: 'a.example', startedAt: '2026-10-01T00:00:00.000Z', score: 70 }),
    makeAudit({ domain: 'b.example', startedAt: '2026-10-02T00:00:00.000Z', score: 90 }),
  ];
  for (const a of audits) await saveAudit(db, a);
  await saveChecklist(db, { domain: 'a.example', answers: { C1: { status: 'ok', origin: 'user', confirmedAt: '2026-10-01T00:00:00.000Z' } }, updatedAt: '2026-10-01T00:00:00.000Z' });
  await saveAgencyFields(db, { domain: 'a.example', month: '2026-10', uptimePercent: 99.95, tickets: { P0: 0, P1: 1, P2: 2, P3: 4 }, timeSpentHours: 3, comment: 'Monthly updates', updatedAt: '2026-11-01T00:00:00.000Z' });
  return { db, audits };
}

const settingsIO = () => {
  let stored: Record<string, unknown> | null = null;
  return {
    read: async () => ({ agencyName: 'Atelier Web', language: 'fr' }),
    writer: { apply: async (s: Record<string, unknown>) => void (stored = s) },
    stored: () => stored,
  };
};

async function backupBlob(db: VigieDatabase, gzip: boolean, readSettings?: () => Promise<Record<string, unknown> | null>): Promise<Blob> {
  return encodeBackup(await createBackup(db, { now: NOW, readSettings }), gzip);
}

const text = (s: string) => new Blob([s], { type: 'application/json' });

async function gzipBytes(s: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([s]).stream().pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('backup round trip', () => {
  for (const gzip of [false, true]) {
    it(`export, clear, restore gives the same history (${gzip ? 'gzip' : 'plain JSON'})`, async () => {
      const { db } = await seeded();
      const io = settingsIO();
      const file = await backupBlob(db, gzip, io.read);
      if (gzip) expect([...new Uint8Array(await file.slice(0, 2).arrayBuffer())]).toEqual([0x1f, 0x8b]);
      const before = await snapshot(db);
      await deleteEverything(db);
      expect(await db.count('audits')).toBe(0);
      const result = await restoreBackup(db, file, 'replace', { settings: io.writer });
      expect(result).toEqual({ ok: true, report: { mode: 'replace', auditsAdded: 3, auditsSkipped: 0, checklists: 1, settings: 'applied' } });
      const sortById = (rows: unknown[]) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      const after = await snapshot(db);
      for (const store of Object.keys(before)) expect(sortById(after[store]!), store).toEqual(sortById(before[store]!));
      expect(io.stored()).toEqual({ agencyName: 'Atelier Web', language: 'fr' });
    });
  }

  it('the file is versioned JSON with every part', async () => {
    const { db } = await seeded();
    const parsed = JSON.parse(await (await backupBlob(db, false)).text());
    expect(parsed).toMatchObject({ format: 'vigie-backup', version: 1, createdAt: NOW.toISOString(), settings: null });
    expect(parsed.audits).toHaveLength(3);
    expect(parsed.checklists).toHaveLength(1);
    expect(parsed.agencyFields).toHaveLength(1);
  });

  it('leaves corrupt stored records out of the backup and reports them', async () => {
    const { db } = await seeded();
    await db.put('audits', { id: 'junk', domain: 'a.example', startedAt: '2026-01-01' });
    const reports: string[] = [];
    const backup = await createBackup(db, { now: NOW, report: (store, key) => reports.push(`${store}:${key}`) });
    expect(backup.audits).toHaveLength(3);
    expect(reports).toEqual(['audits:junk']);
  });
});

describe('merge and replace', () => {
  it('merge adds only audits not already stored (by id) and merges checklists', async () => {
    const { db: source, audits } = await seeded();
    const file = await backupBlob(source, false);
    const { db } = await freshDb();
    const mine = makeAudit({ domain: 'a.example', startedAt: '2026-11-01T00:00:00.000Z', score: 80 });
    await saveAudit(db, mine);
    await saveAudit(db, audits[0]!); // already here
    await saveChecklist(db, { domain: 'a.example', answers: { C3: { status: 'ko', origin: 'user', confirmedAt: '2026-11-01T00:00:00.000Z' } }, updatedAt: '2026-11-01T00:00:00.000Z' });
    const result = await restoreBackup(db, file, 'merge');
    expect(result).toMatchObject({ ok: true, report: { auditsAdded: 2, auditsSkipped: 1, settings: 'none' } });
    expect((await domainSummaries(db, 'a.example')).map((s) => s.id)).toEqual([mine.id, audits[1]!.id, audits[0]!.id]);
    expect(Object.keys((await getChecklist(db, 'a.example'))!.answers).sort()).toEqual(['C1', 'C3']);
    const rows = await listDomains(db);
    expect(rows.find((r) => r.domain === 'a.example')).toMatchObject({ auditCount: 3, lastAuditId: mine.id, previousScore: 70 });
    expect(rows.find((r) => r.domain === 'b.example')).toMatchObject({ auditCount: 1 });
    expect(await getAgencyFields(db, 'a.example', '2026-10')).not.toBeNull();
  });

  it('merge twice adds nothing the second time', async () => {
    const { db: source } = await seeded();
    const file = await backupBlob(source, true);
    const { db } = await freshDb();
    await restoreBackup(db, file, 'merge');
    const once = await snapshot(db);
    expect(await restoreBackup(db, file, 'merge')).toMatchObject({ ok: true, report: { auditsAdded: 0, auditsSkipped: 3 } });
    expect(await snapshot(db)).toEqual(once);
  });

  it('replace drops what was stored before', async () => {
    const { db: source } = await seeded();
    const file = await backupBlob(source, false);
    const { db } = await freshDb();
    const other = makeAudit({ domain: 'c.example' });
    await saveAudit(db, other);
    await restoreBackup(db, file, 'replace');
    expect(await getAudit(db, other.id)).toBeNull();
    expect((await listDomains(db)).map((r) => r.domain).sort()).toEqual(['a.example', 'b.example']);
  });

  it('an audit listed twice in the file is kept once', async () => {
    const a = makeAudit({ domain: 'a.example' });
    const file = text(JSON.stringify({ format: 'vigie-backup', version: 1, createdAt: NOW.toISOString(), audits: [a, a], checklists: [], agencyFields: [], settings: null }));
    const { db } = await freshDb();
    expect(await restoreBackup(db, file, 'merge')).toMatchObject({ ok: true, report: { auditsAdded: 1, auditsSkipped: 1 } });
  });

  it('accepts a single audit downloaded from the report page', async () => {
    const a = makeAudit({ domain: 'a.example' });
    const { db } = await freshDb();
    expect(await restoreBackup(db, text(JSON.stringify(a, null, 2)), 'merge')).toMatchObject({ ok: true, report: { auditsAdded: 1 } });
    expect(await getAudit(db, a.id)).toEqual(a);
  });
});

describe('refused files change nothing', () => {
  async function expectRefused(file: Blob, error: string, options: Parameters<typeof restoreBackup>[3] = {}, mode: RestoreMode = 'replace') {
    const { db } = await seeded();
    const before = await snapshot(db);
    const result = await restoreBackup(db, file, mode, options);
    expect(result).toMatchObject({ ok: false, error });
    expect(await snapshot(db)).toEqual(before);
  }

  async function validJson(): Promise<string> {
    const { db } = await seeded();
    return (await backupBlob(db, false)).text();
  }

  it('truncated JSON', async () => {
    const json = await validJson();
    await expectRefused(text(json.slice(0, Math.floor(json.length * 0.6))), 'history.restore.error.damaged');
  });

  it('truncated gzip', async () => {
    const bytes = await gzipBytes(await validJson());
    await expectRefused(new Blob([bytes.slice(0, Math.floor(bytes.length / 2))]), 'history.restore.error.damaged');
  });

  it('not UTF-8 text', async () => {
    await expectRefused(new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), 'history.restore.error.damaged');
  });

  it('another format', async () => {
    await expectRefused(text('{"name":"my-package","version":"1.0.0"}'), 'history.restore.error.otherFormat');
    await expectRefused(text('[1,2,3]'), 'history.restore.error.otherFormat');
    await expectRefused(text('"vigie-backup"'), 'history.restore.error.otherFormat');
    await expectRefused(text('{"format":"vigie-backup","version":1,"audits":"all"}'), 'history.restore.error.otherFormat');
  });

  it('a newer backup version', async () => {
    const json = JSON.parse(await validJson());
    await expectRefused(text(JSON.stringify({ ...json, version: 2 })), 'history.restore.error.newerVersion');
  });

  it('audits from a newer audit format', async () => {
    const json = JSON.parse(await validJson());
    json.audits[1].schemaVersion = SCHEMA_VERSION + 1;
    await expectRefused(text(JSON.stringify(json)), 'history.restore.error.newerVersion');
  });

  it('one invalid record among valid ones (names the record)', async () => {
    const json = JSON.parse(await validJson());
    json.audits[2].score.grade = 'Z';
    const { db } = await seeded();
    const result = await restoreBackup(db, text(JSON.stringify(json)), 'merge');
    expect(result).toEqual({ ok: false, error: 'history.restore.error.invalidRecord', params: { kind: 'audit', index: 3 } });
    json.audits[2].score.grade = 'A';
    json.checklists[0].answers = { C1: { status: 'maybe', origin: 'user' } };
    await expectRefused(text(JSON.stringify(json)), 'history.restore.error.invalidRecord', {}, 'merge');
  });

  it('a file larger than the limit, refused before reading', async () => {
    await expectRefused(text(await validJson()), 'history.restore.error.tooLarge', { limits: { maxFileBytes: 1000 } });
  });

  it('a small gzip that inflates past the limit (compression bomb)', async () => {
    const bomb = await gzipBytes(`{"format":"vigie-backup","pad":"${' '.repeat(5_000_000)}"}`);
    expect(bomb.length).toBeLessThan(20_000);
    await expectRefused(new Blob([bomb]), 'history.restore.error.tooLarge', { limits: { maxTextBytes: 1_000_000 } });
  });

  it('too many audits', async () => {
    await expectRefused(text(await validJson()), 'history.restore.error.tooMany', { limits: { maxAudits: 2 } });
  });

  it('deep nesting, refused before JSON.parse', async () => {
    const deep = `{"format":"vigie-backup","version":1,"settings":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    await expectRefused(text(deep), 'history.restore.error.tooDeep');
  });

  it('brackets inside strings do not count as nesting', async () => {
    const json = JSON.parse(await validJson());
    json.checklists[0].answers.C1.note = '['.repeat(500);
    const { db } = await freshDb();
    expect(await restoreBackup(db, text(JSON.stringify(json)), 'merge')).toMatchObject({ ok: true });
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`a "${key}" key anywhere`, async () => {
      const json = await validJson();
      const hostile = json.replace('"checklists":[', `"checklists":[{"domain":"a.example","answers":{"${key}":{"polluted":true}},"updatedAt":"x"},`);
      await expectRefused(text(hostile), 'history.restore.error.forbiddenKey');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('settings refused by their own validator', async () => {
    const { db } = await seeded();
    const json = (await backupBlob(db, false, async () => ({ language: 'klingon' }))).text();
    await expectRefused(text(await json), 'history.restore.error.settings', { validateSettings: (s) => s.language === 'fr' || s.language === 'en' });
  });

  it('readBackup reads a valid file without writing anything', async () => {
    const result = await readBackup(text(await validJson()));
    expect(result.ok && result.backup.audits.length).toBe(3);
  });
});
