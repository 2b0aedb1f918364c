/**
 * Signature regexes run on page-controlled strings. Catastrophic backtracking shows as time that
 * grows much faster than the input: we compare the time on an input 16 times longer, instead of
 * asserting absolute timings (machines differ).
 */
import { describe, expect, it } from 'vitest';
import { MONITORING_SIGNATURES } from '../../lib/kb/monitoring';
import { WAF_SIGNATURES } from '../../lib/kb/waf-signatures';
import { checkSecurityTxt, parseSecurityTxt } from '../../lib/securitytxt';

const SMALL = 1_000;
const LARGE = 16_000;

/** Inputs built from the regex's own characters, repeated, then a character that makes the match fail. */
function adversarialInputs(re: RegExp, n: number): string[] {
  const literal = re.source.replace(/\\[dDwWsSbB]|\\.|[\^$()[\]{}|?*+]/g, (m) => (m.length === 2 && !/[dDwWsSbB]/.test(m[1]!) ? m[1]! : '')).slice(0, 40) || 'a';
  const chars = [...new Set(literal)].join('');
  const fill = (unit: string) => unit.repeat(Math.ceil(n / Math.max(unit.length, 1))).slice(0, n);
  return [
    fill(literal) + '\u0000',
    fill(chars) + '!',
    fill('a') + '!',
    fill('0') + '_',
    fill('-') + ' ',
    fill(' ') + '(',
    fill('.') + '.',
  ];
}

function cost(re: RegExp, n: number): number {
  const inputs = adversarialInputs(re, n);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (const input of inputs) {
      re.lastIndex = 0;
      re.test(input);
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function growth(fn: (n: number) => number): { small: number; large: number } {
  fn(SMALL); // warm-up (JIT)
  return { small: fn(SMALL), large: fn(LARGE) };
}

/** Linear work gives a ratio near 16, quadratic near 256; tiny absolute times are noise. */
function expectLinear(name: string, { small, large }: { small: number; large: number }) {
  if (large < 5) return;
  expect(large / Math.max(small, 0.05), `${name}: ${small.toFixed(2)} ms → ${large.toFixed(2)} ms`).toBeLessThan(80);
}

const regexes: Array<[string, RegExp]> = [
  ...WAF_SIGNATURES.flatMap((s): Array<[string, RegExp]> =>
    s.match.on === 'cookie' ? [[`${s.vendor} cookie ${s.match.cookie}`, s.match.cookie]] : s.match.value ? [[`${s.vendor} ${s.match.header} ${s.match.value}`, s.match.value]] : []),
  ...MONITORING_SIGNATURES.flatMap((s): Array<[string, RegExp]> => [
    ...(s.host ? [[`${s.tool} host ${s.host}`, s.host] as [string, RegExp]] : []),
    ...(s.path ? [[`${s.tool} path ${s.path}`, s.path] as [string, RegExp]] : []),
  ]),
];

describe('signature regexes and catastrophic backtracking', () => {
  it('has regexes to check', () => {
    expect(regexes.length).toBeGreaterThan(40);
  });

  it.each(regexes)('%s stays linear on adversarial input', (name, re) => {
    expectLinear(name, growth((n) => cost(re, n)));
  });

  it('the same measure flags a quadratic pattern (the test can fail)', () => {
    // Unanchored `a+$` retries from every position of a long run of "a": quadratic.
    const { small, large } = growth((n) => cost(/a+$/, n));
    expect(large).toBeGreaterThan(5);
    expect(large / Math.max(small, 0.05)).toBeGreaterThan(80);
  });
});

describe('security.txt parsing and checking stay linear', () => {
  const shapes: Array<[string, (n: number) => string]> = [
    ['long field names', (n) => 'A'.repeat(n) + ': x\n'],
    ['colons everywhere', (n) => ':'.repeat(n)],
    ['many short lines', (n) => 'Contact: mailto:a@b.c\n'.repeat(Math.ceil(n / 22))],
    ['dash-escaped signed lines', (n) => '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n' + '- - - x\n'.repeat(Math.ceil(n / 8))],
    ['expires lookalikes', (n) => 'Expires: ' + '2027-01-01T00:00:00'.repeat(Math.ceil(n / 19)) + '\n'],
    ['charset soup', (n) => 'x'.repeat(n)],
  ];
  it.each(shapes)('%s', (_name, make) => {
    const measure = (n: number) => {
      const body = make(n);
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const start = performance.now();
        parseSecurityTxt(body);
        checkSecurityTxt({ url: 'https://x.example/.well-known/security.txt', status: 200, contentType: `text/plain; charset=${'u'.repeat(200)}`, body }, new Date('2026-11-28T00:00:00Z'));
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    expectLinear('security.txt', growth(measure));
  });
});
