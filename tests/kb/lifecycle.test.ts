import { describe, expect, it } from 'vitest';
import { EOL_CYCLES } from '../../lib/kb/data/eol';
import { behindBy, cycleOf, endOfLife, latestVersion, monthsDuration } from '../../lib/kb/lifecycle';
import { compareVersions } from '../../lib/version/compare';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const cycle = (component: string, name: string) => EOL_CYCLES[component]!.find((c) => c[0] === name)!;

describe('release cycles', () => {
  it('picks the longest cycle that prefixes the version', () => {
    expect(cycleOf('php', '7.4.33')?.cycle).toBe('7.4');
    expect(cycleOf('jquery', '1.12.4')?.cycle).toBe('1');
    expect(cycleOf('magento', '2.4.7-p3')?.cycle).toBe('2.4.7');
    expect(cycleOf('php', '7')).toBeUndefined();
    expect(cycleOf('unknown', '1.0.0')).toBeUndefined();
  });

  it('reports end of life from the audit date, with a supported version to move to', () => {
    const eol = String(cycle('php', '8.1')[2]);
    const dayBefore = new Date(Date.parse(eol) - 86_400_000);
    expect(endOfLife('php', '8.1.2', dayBefore)).toBeUndefined();
    const after = endOfLife('php', '8.1.2', at(eol));
    expect(after).toMatchObject({ cycle: '8.1', since: eol });
    expect(compareVersions(after!.moveTo!, '8.2.0')).toBeGreaterThanOrEqual(0);
    // A cycle marked ended without a date.
    expect(endOfLife('jquery', '2.2.4', at('2026-11-28'))?.since).toBe('yes');
    expect(endOfLife('jquery', '3.7.1', at('2026-11-28'))).toBeUndefined();
  });

  it('gives the newest known release', () => {
    const latest = latestVersion('php')!;
    for (const c of EOL_CYCLES.php!) if (c[3]) expect(compareVersions(latest, c[3])).toBeGreaterThanOrEqual(0);
    expect(latestVersion('nothing')).toBeUndefined();
  });
});

describe('behind by', () => {
  it('counts from the release of the cycle\'s latest patch when the version is older', () => {
    const [, , , latest, latestDate] = cycle('react', '18');
    const b = behindBy('react', '18.2.0', at('2026-11-28'))!;
    expect(b.moveTo).toBe(latest);
    expect(b.since).toBe(latestDate);
    const months = Math.floor((at('2026-11-28').getTime() - Date.parse(latestDate)) / 86_400_000 / 30.44);
    expect(b.months).toBe(months);
    expect(monthsDuration(b.months)).toBe(`P${months}M`);
  });

  it('counts from the next cycle\'s release when the version is the last of an ended cycle', () => {
    const next = cycle('jquery', '3');
    const b = behindBy('jquery', '2.2.4', at('2026-11-28'))!;
    expect(b.since).toBe(next[1]);
  });

  it('says nothing for the latest version, a partial version, or before the update existed', () => {
    const [, , , latest, latestDate] = cycle('react', '18');
    expect(behindBy('react', latest, at('2026-11-28'))).toBeUndefined();
    expect(behindBy('react', '18', at('2026-11-28'))).toBeUndefined();
    expect(behindBy('react', '18.2.0', new Date(Date.parse(latestDate) - 86_400_000))).toBeUndefined();
  });
});
