/**
 * Signature regexes run on page-controlled strings. Catastrophic backtracking shows as cost that
 * grows much faster than the input: we compare the CPU cost on an input 16 times longer, instead
 * of asserting absolute timings (machines and their load differ; tests/support/growth.ts).
 */
import { describe, expect, it } from 'vitest';
import { MONITORING_SIGNATURES } from '../../lib/kb/monitoring';
import { WAF_SIGNATURES } from '../../lib/kb/waf-signatures';
import { checkSecurityTxt, parseSecurityTxt } from '../../lib/securitytxt';
import { expectLinear, expectSuperLinear, fill, growthOn, literalCharacters } from '../support/growth';

const SMALL = 1_000;
const FACTOR = 16;

/** Inputs built from the regex's own characters, repeated, then a character that makes the match fail. */
function adversarialInputs(re: RegExp, n: number): string[] {
  const literal = literalCharacters(re.source) || 'a';
  const chars = [...new Set(literal)].join('');
  return [
    fill(literal, n) + '\u0000',
    fill(chars, n) + '!',
    fill('a', n) + '!',
    fill('0', n) + '_',
    fill('-', n) + ' ',
    fill(' ', n) + '(',
    fill('.', n) + '.',
  ];
}

/** Growth of one regex over its adversarial inputs, built before measuring. */
function regexGrowth(re: RegExp) {
  return growthOn((n) => adversarialInputs(re, n), (inputs) => {
    for (const input of inputs) {
      re.lastIndex = 0;
      re.test(input);
    }
  }, SMALL, FACTOR);
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
    expectLinear(regexGrowth(re), name);
  });

  it('the same measure flags a quadratic pattern (the test can fail)', () => {
    // Unanchored `a+$` retries from every position of a long run of "a": quadratic.
    expectSuperLinear(regexGrowth(/a+$/), '/a+$/');
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
  it.each(shapes)('%s', (name, make) => {
    expectLinear(growthOn(make, (body) => {
      parseSecurityTxt(body);
      checkSecurityTxt({ url: 'https://x.example/.well-known/security.txt', status: 200, contentType: `text/plain; charset=${'u'.repeat(200)}`, body }, new Date('2026-11-28T00:00:00Z'));
    }, SMALL, FACTOR), `security.txt ${name}`);
  });
});
