/**
 * The growth measure itself (tests/support/growth.ts), on work whose growth is known: it must pass
 * linear work and fail quadratic work, or every growth test built on it proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectLinear, expectSuperLinear, fill, growthOn, ratioOf } from '../support/growth';

/** Counts pairs of equal characters: n² steps. */
function quadratic(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) for (let j = i + 1; j < text.length; j++) if (text.charCodeAt(i) === text.charCodeAt(j)) pairs++;
  return pairs;
}

/** Counts each character once: n steps. */
function linear(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

describe('the growth measure', () => {
  it('passes linear work', () => {
    const g = growthOn((n) => fill('abc', n), linear, 20_000, 8);
    expectLinear(g, 'linear loop');
    expect(ratioOf(g)).toBeGreaterThan(2);
  });

  it('flags a quadratic loop', () => {
    expectSuperLinear(growthOn((n) => fill('ab', n), quadratic, 500, 8), 'quadratic loop');
  });

  it('flags a backtracking regex', () => {
    const trailing = /\s+$/;
    expectSuperLinear(growthOn((n) => `${' '.repeat(n)}x`, (input) => trailing.exec(input), 1_000, 8), String(trailing));
  });
});
