import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, inAnyRange, inRange } from '../../lib/version/compare';
import { coreVersion, normaliseVersion, parseVersion } from '../../lib/version/parse';

describe('parseVersion', () => {
  it.each([
    ['3.7.1', [3, 7, 1], [], '', false],
    ['v2.6.14', [2, 6, 14], [], '', false],
    ['1.9.0b1', [1, 9, 0], ['beta', 1], '', false],
    ['3.0.0-beta1', [3, 0, 0], ['beta', 1], '', false],
    ['3.0.0-rc.1', [3, 0, 0], ['rc', 1], '', false],
    ['11.1.0-next.3', [11, 1, 0], ['next', 3], '', false],
    ['20.0.0-next.0.0.0', [20, 0, 0], ['next', 0, 0, 0], '', false],
    ['1.0.0-alpha', [1, 0, 0], ['alpha'], '', false],
    ['3.4.1 -ajax,-effects', [3, 4, 1], [], '-ajax,-effects', false],
    ['1.12.4-aem', [1, 12, 4], [], 'aem', false],
    ['1.12.4-wp', [1, 12, 4], [], 'wp', false],
    ['7.4', [7, 4], [], '', true],
    ['10', [10], [], '', true],
    ['4.0.30319', [4, 0, 30319], [], '', false],
    ['1.2.3.4', [1, 2, 3, 4], [], '', false],
    ['2.4.7-p3', [2, 4, 7], [], 'p3', false],
  ])('%s', (text, nums, pre, suffix, partial) => {
    const v = parseVersion(text)!;
    expect(v.nums).toEqual(nums);
    expect(v.pre).toEqual(pre);
    expect(v.suffix).toBe(suffix);
    expect(v.partial).toBe(partial);
  });

  it('rejects text that is not a version', () => {
    for (const text of ['', 'abc', 'v', '.1.2', 'latest', '-1.0', ' x1.2']) expect(parseVersion(text)).toBeNull();
  });

  it('normalises for display and lookups', () => {
    expect(normaliseVersion(' v3.4.1 ')).toBe('3.4.1');
    expect(normaliseVersion('3.4.1 -ajax,-effects')).toBe('3.4.1 -ajax,-effects');
    expect(normaliseVersion('1.12.4-aem')).toBe('1.12.4-aem');
    expect(coreVersion('3.4.1 -ajax,-effects')).toBe('3.4.1');
    expect(coreVersion('1.12.4-aem')).toBe('1.12.4');
    expect(coreVersion('1.9.0b1')).toBe('1.9.0-beta.1');
  });

  it('treats Object.prototype names as plain suffixes, not prerelease tags', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'valueOf']) {
      const v = parseVersion(`1.2.3-${word}`)!;
      expect(v.pre).toEqual([]);
      expect(v.raw).toBe(`1.2.3-${word}`);
    }
    expect(compareVersions('1.2.3-alpha.constructor', '1.2.3-alpha.tostring')).toBeLessThan(0);
  });

  it('bounds its input', () => {
    expect(parseVersion(`1.2.3${'x'.repeat(100_000)}`)!.raw.length).toBeLessThanOrEqual(64);
  });
});

describe('compareVersions', () => {
  const ordered = [
    '0.9', '1.0.0-dev', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0',
    '1.0.1', '1.2', '1.9.0b1', '1.9.0', '1.10.0', '1.12.4', '2.0.0', '3.0.0-beta1', '3.0.0-rc.1', '3.0.0', '3.4.1', '3.10.0', '10.0.0',
  ];
  it('orders a ladder of versions', () => {
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareVersions(ordered[i]!, ordered[j]!)), `${ordered[i]} vs ${ordered[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('treats missing parts as zero and vendor or slim suffixes as the release', () => {
    expect(compareVersions('7.4', '7.4.0')).toBe(0);
    expect(compareVersions('1.12.4-aem', '1.12.4')).toBe(0);
    expect(compareVersions('3.4.1 -ajax,-effects', '3.4.1')).toBe(0);
    expect(compareVersions('v2.0', '2.0.0')).toBe(0);
  });

  const version = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.option(fc.tuple(fc.constantFrom('alpha', 'beta', 'rc', 'next'), fc.nat(9)))).map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre[0]}.${pre[1]}` : ''}`);
  it('is antisymmetric and transitive', () => {
    fc.assert(fc.property(version, version, version, (a, b, c) => {
      expect(Math.sign(compareVersions(a, b))).toBe(-Math.sign(compareVersions(b, a)));
      if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
    }));
  });
});

describe('inRange', () => {
  const jqueryXss = [{ from: '1.4.0', below: '1.12.0' }, { from: '1.12.3', below: '3.0.0-beta1', excludes: ['1.12.4-aem'] }];
  it('applies bounds and excludes', () => {
    expect(inAnyRange('1.11.3', jqueryXss)).toBe(true);
    expect(inAnyRange('1.12.0', jqueryXss)).toBe(false);
    expect(inAnyRange('1.12.4', jqueryXss)).toBe(true);
    expect(inAnyRange('1.12.4-aem', jqueryXss)).toBe(false);
    expect(inAnyRange('2.2.4', jqueryXss)).toBe(true);
    expect(inAnyRange('3.0.0-alpha1', jqueryXss)).toBe(true);
    expect(inAnyRange('3.0.0-rc.1', jqueryXss)).toBe(false);
    expect(inAnyRange('3.0.0', jqueryXss)).toBe(false);
    expect(inAnyRange('1.3.2', jqueryXss)).toBe(false);
  });

  it('has an inclusive lower bound and an exclusive upper bound', () => {
    expect(inRange('1.0.0', { from: '1.0.0', below: '2.0.0' })).toBe(true);
    expect(inRange('2.0.0', { from: '1.0.0', below: '2.0.0' })).toBe(false);
    expect(inRange('0.0.1', { below: '2.0.0' })).toBe(true);
  });

  it('checks a slim build by its release number', () => {
    expect(inRange('3.4.1 -ajax,-effects', { from: '1.0.3', below: '3.5.0' })).toBe(true);
    expect(inRange('3.5.0 -ajax,-effects', { from: '1.0.3', below: '3.5.0' })).toBe(false);
  });

  it('reports a partial version only when every release it could be is in the range', () => {
    expect(inRange('7.4', { below: '8.0.0' })).toBe(true);
    expect(inRange('7', { below: '8.0.0' })).toBe(true);
    expect(inRange('7.4', { below: '7.4.3' })).toBe(false);
    expect(inRange('7.4', { from: '7.4.1', below: '8.0.0' })).toBe(false);
    expect(inRange('1.12', { from: '1.12.0', below: '3.0.0', excludes: ['1.12.4-aem'] })).toBe(false);
  });

  it('never matches an unparsable version', () => {
    expect(inRange('latest', { below: '999.0.0' })).toBe(false);
  });

  it('agrees with a direct comparison for full versions', () => {
    const v = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12)).map((p) => p.join('.'));
    fc.assert(fc.property(v, v, v, (x, from, below) => {
      const expected = compareVersions(x, from) >= 0 && compareVersions(x, below) < 0;
      expect(inRange(x, { from, below })).toBe(expected);
    }));
  });
});
