import { describe, expect, it } from 'vitest';
import { PointId } from '../../lib/audit/schema';
import { BLOCKS, CHECKLIST, pointHelpKey, pointLabelKey } from '../../lib/diagnosis/checklist-model';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';

describe('checklist model', () => {
  it('has the 28 points of the specification, in order, in five blocks', () => {
    expect(CHECKLIST.map((p) => p.id)).toEqual(PointId.options);
    const perBlock = BLOCKS.map((b) => CHECKLIST.filter((p) => p.block === b).length);
    expect(perBlock).toEqual([5, 5, 4, 5, 9]);
    expect(CHECKLIST.every((p) => p.id.startsWith(p.block))).toBe(true);
  });

  it('marks exactly the eight Critique points of product.md', () => {
    const critique = CHECKLIST.filter((p) => p.level === 'critique').map((p) => p.id);
    expect(critique).toEqual(['A1', 'A2', 'A3', 'C1', 'C3', 'D1', 'D3', 'D4']);
  });

  it('gives every point a label and a help text in both languages, translated rather than copied', () => {
    for (const p of CHECKLIST) {
      for (const key of [pointLabelKey(p.id), pointHelpKey(p.id)]) {
        const e = (en as Record<string, string>)[key];
        const f = (fr as Record<string, string>)[key];
        expect(e, key).toBeTruthy();
        expect(f, key).toBeTruthy();
        expect(f).not.toBe(e);
      }
      expect((en as Record<string, string>)[pointHelpKey(p.id)]).toMatch(/^OK: /);
      expect((fr as Record<string, string>)[pointHelpKey(p.id)]).toMatch(/^OK : /);
    }
  });
});
