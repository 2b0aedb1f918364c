/**
 * Vigie's design tokens, written once: the type scale, the spacing steps, the radii and the colours
 * of the light and dark schemes, severity and grade colours included. Every page reads them as CSS
 * custom properties from `assets/tokens.css`, which `npm run tokens` writes from this file (a unit
 * test fails when the two differ); the rich HTML export, whose styles are inline for mail and word
 * processors, reads the light values from here. Paper (print, questionnaire) is always light.
 *
 * Every colour pair a person reads meets WCAG AA (4.5:1 for text) in both schemes:
 * tests/unit/design-tokens.test.ts measures them.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type SeverityToken = (typeof SEVERITIES)[number];
export const GRADES = ['A', 'B', 'C', 'D', 'F', 'none'] as const;
export type GradeToken = (typeof GRADES)[number];

export interface SchemeColours {
  /** Page text, secondary text, page background, raised surfaces (cards, table heads, code). */
  fg: string;
  muted: string;
  bg: string;
  surface: string;
  /** Borders and rules. */
  line: string;
  /** Vigie's colour: headings, links, the primary button; `onAccent` is text on it. */
  accent: string;
  onAccent: string;
  link: string;
  /** The keyboard focus ring (3:1 against the page, WCAG 2.4.11). */
  focus: string;
  /** Each severity as text or a border on the page; `sevBg` is the chip, `onSev` its text. */
  sev: Record<SeverityToken, string>;
  sevBg: Record<SeverityToken, string>;
  onSev: string;
  /** Tinted backgrounds of callouts, with text in `fg`. */
  tint: { danger: string; warning: string; info: string; ok: string };
  /** Grade badges: background, and `onGrade` the letter on it. */
  grade: Record<GradeToken, string>;
  onGrade: string;
}

export const LIGHT: SchemeColours = {
  fg: '#1f2328',
  muted: '#57606a',
  bg: '#ffffff',
  surface: '#f6f8fa',
  line: '#d0d7de',
  accent: '#0b5f69',
  onAccent: '#ffffff',
  link: '#0a58a8',
  focus: '#1f6feb',
  sev: { critical: '#b42318', high: '#b93a0a', medium: '#955008', low: '#3f6b0c', info: '#2b5c99' },
  sevBg: { critical: '#b42318', high: '#b93a0a', medium: '#955008', low: '#3f6b0c', info: '#2b5c99' },
  onSev: '#ffffff',
  tint: { danger: '#fdeceb', warning: '#fdf3e4', info: '#eaf2fb', ok: '#edf7e8' },
  grade: { A: '#1a7f37', B: '#3f6b0c', C: '#955008', D: '#b93a0a', F: '#b42318', none: '#57606a' },
  onGrade: '#ffffff',
};

export const DARK: SchemeColours = {
  fg: '#e6edf3',
  muted: '#9da7b3',
  bg: '#0f1419',
  surface: '#171d24',
  line: '#343c46',
  accent: '#5cc2cc',
  onAccent: '#0f1419',
  link: '#7cb8ff',
  focus: '#58a6ff',
  sev: { critical: '#ff8a80', high: '#ffa261', medium: '#e8b84a', low: '#7fd36b', info: '#8cc4ff' },
  sevBg: { critical: '#ff8a80', high: '#ffa261', medium: '#e8b84a', low: '#7fd36b', info: '#8cc4ff' },
  onSev: '#0f1419',
  tint: { danger: '#3a1d1c', warning: '#35280f', info: '#14283d', ok: '#16301a' },
  grade: { A: '#56d364', B: '#7fd36b', C: '#e8b84a', D: '#ffa261', F: '#ff8a80', none: '#9da7b3' },
  onGrade: '#0f1419',
};

/** Font sizes, in px (paper reads them as the same sizes: 14px is 10.5pt). */
export const TYPE = { xs: 11, sm: 12, md: 14, lg: 16, xl: 19, xxl: 24 } as const;
export const LINE_HEIGHT = { tight: 1.3, base: 1.45 } as const;
/** Spacing steps, in px: 4, 8, 12, 16, 24, 32. */
export const SPACE = [0, 4, 8, 12, 16, 24, 32] as const;
export const RADIUS = { sm: 4, md: 6, lg: 10 } as const;
export const FONT = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  /** Paper and exported documents: a face every machine and word processor has, narrower than most system faces. */
  paper: 'Arial, Helvetica, "Liberation Sans", sans-serif',
} as const;

function colourVars(c: SchemeColours): string[] {
  const lines = [
    `--color-fg: ${c.fg};`,
    `--color-muted: ${c.muted};`,
    `--color-bg: ${c.bg};`,
    `--color-surface: ${c.surface};`,
    `--color-line: ${c.line};`,
    `--color-accent: ${c.accent};`,
    `--color-on-accent: ${c.onAccent};`,
    `--color-link: ${c.link};`,
    `--color-focus: ${c.focus};`,
    `--color-on-sev: ${c.onSev};`,
    `--color-on-grade: ${c.onGrade};`,
  ];
  for (const s of SEVERITIES) lines.push(`--sev-${s}: ${c.sev[s]};`, `--sev-${s}-bg: ${c.sevBg[s]};`);
  for (const [k, v] of Object.entries(c.tint)) lines.push(`--tint-${k}: ${v};`);
  for (const g of GRADES) lines.push(`--grade-${g}: ${c.grade[g]};`);
  return lines;
}

/** The CSS custom properties of every token; `assets/tokens.css` holds exactly this text. */
export function tokensCss(): string {
  const scale = [
    ...Object.entries(TYPE).map(([k, v]) => `--text-${k}: ${v}px;`),
    `--leading-tight: ${LINE_HEIGHT.tight};`,
    `--leading: ${LINE_HEIGHT.base};`,
    ...SPACE.slice(1).map((v, i) => `--space-${i + 1}: ${v}px;`),
    ...Object.entries(RADIUS).map(([k, v]) => `--radius-${k}: ${v}px;`),
    `--font-sans: ${FONT.sans};`,
    `--font-mono: ${FONT.mono};`,
    `--font-paper: ${FONT.paper};`,
  ];
  const indent = (lines: string[], n: number) => lines.map((l) => `${' '.repeat(n)}${l}`).join('\n');
  return [
    '/* Generated from lib/design/tokens.ts by `npm run tokens`: edit that file, not this one. */',
    ':root {',
    '  color-scheme: light dark;',
    indent(scale, 2),
    indent(colourVars(LIGHT), 2),
    '}',
    '/* Paper and pages that ask for it stay light: <html data-scheme="light">. */',
    ':root[data-scheme="light"] { color-scheme: light; }',
    '@media (prefers-color-scheme: dark) {',
    '  :root:not([data-scheme="light"]) {',
    indent(colourVars(DARK), 4),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const v = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2 contrast ratio between two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
