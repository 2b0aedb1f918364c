/**
 * Every rule is registered once, named after its family, documented in docs/rules.md and has
 * its FR and EN strings. `UPDATE_RULES_DOC=1 npx vitest run tests/unit/rules-meta.test.ts`
 * rewrites the generated table in docs/rules.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Family } from '../../lib/audit/schema';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';
import { RULES } from '../../lib/rules/registry';

const DOC = 'docs/rules.md';
const BEGIN = '<!-- rules:begin -->';
const END = '<!-- rules:end -->';

function rulesTable(): string {
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.priority} | ${r.dimension} | ${r.checklistPoint ?? '—'} | ${(en as Record<string, string>)[`rule.${r.id}.title`]?.replace(/\|/g, '\\|') ?? ''} |`);
  return [BEGIN, '| rule id | severity | priority | dimension | checklist | title (EN) |', '|---|---|---|---|---|---|', ...rows, END].join('\n');
}

describe('rule registry', () => {
  it('has unique ids of the form <family>.<check>, in a known family', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      expect(rule.id.split('.')[0]).toBe(rule.family);
      expect(Family.options).toContain(rule.family);
    }
  });

  it('gives every rule a title, an explanation and a fix in English and French', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      for (const part of ['title', 'explain', 'fix']) {
        const key = `rule.${rule.id}.${part}`;
        if (!(key in en)) missing.push(`en:${key}`);
        if (!(key in fr)) missing.push(`fr:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no rule strings left over from a removed rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const idsInCatalogue = Object.keys(en)
      .map((k) => /^rule\.([a-z-]+\.[a-z0-9-]+)\.(?:title|explain|fix)$/.exec(k)?.[1])
      .filter((id): id is string => id !== undefined);
    expect([...new Set(idsInCatalogue)].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('documents every rule in docs/rules.md', () => {
    const doc = readFileSync(DOC, 'utf8');
    const table = rulesTable();
    if (process.env.UPDATE_RULES_DOC === '1') {
      const start = doc.indexOf(BEGIN);
      const end = doc.indexOf(END);
      writeFileSync(DOC, start >= 0 && end > start ? doc.slice(0, start) + table + doc.slice(end + END.length) : `${doc}\n${table}\n`);
    }
    const current = readFileSync(DOC, 'utf8');
    for (const rule of RULES) expect(current, `docs/rules.md lacks ${rule.id}`).toContain(`\`${rule.id}\``);
  });
});
