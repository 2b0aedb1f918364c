/**
 * The design tokens: assets/tokens.css is what lib/design/tokens.ts says (run `npm run tokens`
 * after editing the tokens), every colour pair a person reads meets WCAG AA in both schemes, and
 * no page's stylesheet writes a colour of its own instead of a token.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, DARK, GRADES, LIGHT, SEVERITIES, tokensCss, type SchemeColours } from '../../lib/design/tokens';

const ROOT = join(__dirname, '..', '..');
const AA = 4.5;

describe('design tokens', () => {
  it('assets/tokens.css is generated from lib/design/tokens.ts', () => {
    expect(readFileSync(join(ROOT, 'assets', 'tokens.css'), 'utf8'), 'run `npm run tokens`').toBe(tokensCss());
  });

  it('measures contrast as WCAG 2 does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => contrast('red', '#fff')).toThrow(/rrggbb/);
  });

  for (const [name, c] of [['light', LIGHT], ['dark', DARK]] as Array<[string, SchemeColours]>) {
    it(`every text colour reads at ${AA}:1 or more on every background (${name})`, () => {
      const low: string[] = [];
      const check = (label: string, fg: string, bg: string) => {
        const ratio = contrast(fg, bg);
        if (ratio < AA) low.push(`${label} ${ratio.toFixed(2)}`);
      };
      const backgrounds = { bg: c.bg, surface: c.surface, ...Object.fromEntries(Object.entries(c.tint).map(([k, v]) => [`tint.${k}`, v])) };
      for (const [bgName, bg] of Object.entries(backgrounds)) {
        for (const k of ['fg', 'muted', 'accent', 'link'] as const) check(`${k} on ${bgName}`, c[k], bg);
        for (const s of SEVERITIES) check(`severity ${s} on ${bgName}`, c.sev[s], bg);
      }
      for (const s of SEVERITIES) check(`chip text on ${s}`, c.onSev, c.sevBg[s]);
      for (const g of GRADES) check(`grade letter on ${g}`, c.onGrade, c.grade[g]);
      check('primary button text', c.onAccent, c.accent);
      expect(low).toEqual([]);
    });

    it(`the focus ring stands out at 3:1 from the page (${name})`, () => {
      expect(contrast(c.focus, c.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(c.focus, c.surface)).toBeGreaterThanOrEqual(3);
    });

    it(`the five severities are five different colours (${name})`, () => {
      expect(new Set(SEVERITIES.map((s) => c.sev[s])).size).toBe(SEVERITIES.length);
    });
  }

  it('the pages\' stylesheets use the tokens, not colours of their own', () => {
    // Every stylesheet under components/ and entrypoints/, however deep.
    const sheets = ['components', 'entrypoints'].flatMap((dir) =>
      (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.css')).map((f) => `${dir}/${f}`));
    expect(sheets.length).toBeGreaterThanOrEqual(7);
    const offenders: string[] = [];
    for (const sheet of new Set(sheets)) {
      const css = readFileSync(join(ROOT, sheet), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const m of css.matchAll(/#[0-9a-fA-F]{3,8}\b|\brgba?\([^)]*\)/g)) offenders.push(`${sheet}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
