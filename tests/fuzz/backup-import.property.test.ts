/**
 * A backup file is whatever the user was handed: it may be hand-made to crash the history page,
 * pollute prototypes or exhaust memory. Reading one never throws, never touches Object.prototype,
 * answers with one of the known error keys or a fully validated backup, and costs time linear in
 * its size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackup, type RestoreErrorKey } from '../../lib/store/backup/read';
import { jsonDepthExceeds, parseUntrustedJson } from '../../lib/store/backup/safe-json';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/store/backup/format';
import { Audit } from '../../lib/audit/schema';
import realistic from '../fixtures/audits/shop-example.json';
import { expectLinear, growthOn } from '../support/growth';

const KEYS: RestoreErrorKey[] = [
  'history.restore.error.tooLarge', 'history.restore.error.damaged', 'history.restore.error.tooDeep', 'history.restore.error.forbiddenKey',
  'history.restore.error.otherFormat', 'history.restore.error.newerVersion', 'history.restore.error.tooMany', 'history.restore.error.invalidRecord',
  'history.restore.error.settings',
];

const blob = (text: string | Uint8Array) => new Blob([typeof text === 'string' ? text : new Uint8Array(text)]);
const envelope = (audits: unknown[]) => ({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: '2026-11-28T10:00:00.000Z', audits, checklists: [], agencyFields: [], settings: null });

function expectKnownOutcome(result: Awaited<ReturnType<typeof readBackup>>) {
  if (result.ok) {
    for (const audit of result.backup.audits) expect(Audit.safeParse(audit).success).toBe(true);
  } else {
    expect(KEYS).toContain(result.error);
  }
}

function prototypeIsClean() {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'toString2', 'x']) expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
}

describe('readBackup on arbitrary files', () => {
  it('arbitrary bytes, text and JSON values: a known answer, never a throw (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => blob(b)),
      fc.string({ maxLength: 400 }).map(blob),
      fc.jsonValue({ maxDepth: 6 }).map((v) => blob(JSON.stringify(v))),
      fc.jsonValue({ maxDepth: 4 }).map((v) => blob(JSON.stringify(envelope([v])))),
    ), async (file) => {
      expectKnownOutcome(await readBackup(file));
      prototypeIsClean();
    }), { numRuns: 300 });
  });

  it('a real audit with one field replaced by anything: refused as an invalid record or accepted valid (property)', async () => {
    const paths = [['score'], ['findings'], ['url'], ['domain'], ['evidence'], ['technologies'], ['checklist'], ['startedAt'], ['schemaVersion'], ['notMeasured'], ['id']];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), async ([key], value) => {
      const audit = structuredClone(realistic) as Record<string, unknown>;
      audit[key!] = value;
      const result = await readBackup(blob(JSON.stringify(envelope([audit]))));
      expectKnownOutcome(result);
    }), { numRuns: 200 });
  });

  it('a prototype key anywhere, at any depth, refuses the whole file and pollutes nothing (property)', async () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
    await fc.assert(fc.asyncProperty(key, fc.array(fc.constantFrom('audits', 'findings', 'evidence', 'params', 'x'), { maxLength: 6 }), async (bad, path) => {
      let inner = `{"${bad}":{"polluted":true,"isAdmin":true}}`;
      for (const p of path.reverse()) inner = `{"${p}":${inner}}`;
      const text = `{"format":"${BACKUP_FORMAT}","version":1,"audits":[],"extra":${inner}}`;
      const result = await readBackup(blob(text));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toBe('history.restore.error.forbiddenKey');
      prototypeIsClean();
    }), { numRuns: 100 });
  });

  it('deep nesting is refused before parsing, whatever the brackets', async () => {
    for (const open of ['[', '{"a":']) {
      const text = open.repeat(5_000);
      const result = await readBackup(blob(text));
      expect(result).toMatchObject({ ok: false, error: 'history.restore.error.tooDeep' });
    }
  });

  it('hostile strings in a valid audit come back as the same inert strings (no evaluation, no markup processing)', async () => {
    const audit = structuredClone(realistic) as { url: string; findings: Array<{ title: string }> };
    const payload = '<img src=x onerror=alert(1)>=HYPERLINK("x")\u202E[x](javascript:alert(1))';
    audit.findings[0]!.title = payload;
    const result = await readBackup(blob(JSON.stringify(envelope([audit]))));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.backup.audits[0]!.findings[0]!.title).toBe(payload);
  });
});

describe('safe JSON cost', () => {
  it('the depth scan and the parser grow linearly, on flat, string-heavy and bracket-heavy text', () => {
    const shapes: Record<string, (n: number) => string> = {
      strings: (n) => JSON.stringify(Array.from({ length: n / 20 }, (_, i) => `s\\"{[${i}`)),
      brackets: (n) => `[${'[],'.repeat(n / 3)}[]]`,
      escapes: (n) => `"${'\\\\'.repeat(n / 2)}"`,
      objects: (n) => JSON.stringify(Array.from({ length: n / 30 }, (_, i) => ({ a: i, b: 'x', c: [1, 2] }))),
    };
    for (const [name, make] of Object.entries(shapes)) {
      expectLinear(growthOn(make, (text) => parseUntrustedJson(text, 40), 50_000), `parseUntrustedJson ${name}`);
      expectLinear(growthOn(make, (text) => jsonDepthExceeds(text, 40), 50_000), `jsonDepthExceeds ${name}`);
    }
  });

  it('the depth scan is not fooled by brackets inside strings or escaped quotes', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      const text = JSON.stringify(value);
      // Nesting of the value itself is at most 6 (maxDepth 5 plus the top level).
      expect(jsonDepthExceeds(text, 7)).toBe(false);
    }), { numRuns: 300 });
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[[[[[[[[["\\' }), 2)).toBe(false);
  });
});
