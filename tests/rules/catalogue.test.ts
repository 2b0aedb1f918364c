/** Every rule of the header families has FR/EN strings whose placeholders its hits fill. */
import { describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';
import { RULES } from '../../lib/rules/registry';

const FAMILIES = ['transport', 'headers', 'csp', 'cookies', 'disclosure'];
const mine = RULES.filter((r) => FAMILIES.includes(r.family));

describe('header rules', () => {
  it('have kebab-case ids in their family, a checklist point and strings in both languages', () => {
    for (const rule of mine) {
      expect(rule.id).toMatch(new RegExp(`^${rule.family}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
      // Header rules inform block A; certificate expiry informs the expiry watch (B5).
      expect(rule.checklistPoint).toMatch(rule.id === 'transport.tls-expiring' ? /^B5$/ : /^A[1-5]$/);
      for (const part of ['title', 'explain', 'fix']) {
        const key = `rule.${rule.id}.${part}`;
        expect(en[key as keyof typeof en], key).toBeTruthy();
        expect(fr[key as keyof typeof fr], key).toBeTruthy();
      }
    }
  });
  it('have unique ids', () => {
    expect(new Set(mine.map((r) => r.id)).size).toBe(mine.length);
  });
});
