import { describe, expect, it } from 'vitest';
import { Signal } from '../../lib/audit/schema';
import { computeSignal, computeSignals, SIGNAL_IDS, type SignalId } from '../../lib/diagnosis/signals';
import { finding, nothingOf, points } from './helpers';

const state = (id: SignalId, input: Parameters<typeof computeSignal>[1]) => computeSignal(id, input).state;

describe('the ten signals', () => {
  it('are S1–S10 with exactly three Critique (S2, S3, S4), and match the audit schema', () => {
    const signals = computeSignals({ points: points(), findings: [] });
    expect(signals.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
    expect(signals.filter((s) => s.level === 'critique').map((s) => s.id)).toEqual(['S2', 'S3', 'S4']);
    for (const s of signals) expect(() => Signal.parse(s)).not.toThrow();
  });

  const pointSignals: [SignalId, 'E1' | 'D1' | 'D4' | 'C3' | 'B1' | 'E4'][] = [['S1', 'E1'], ['S2', 'D1'], ['S3', 'D4'], ['S4', 'C3'], ['S5', 'B1'], ['S6', 'E4']];
  for (const [id, point] of pointSignals) {
    it(`${id} is raised by ${point} KO, clear when answered otherwise, unconfirmed when unknown`, () => {
      const raised = computeSignal(id, { points: points({ [point]: 'ko' }), findings: [] });
      expect(raised.state).toBe('raised');
      expect(raised.reasons).toEqual([{ key: 'signal.reason.point-ko', params: { point } }]);
      for (const status of ['ok', 'partial', 'na'] as const) expect(state(id, { points: points({ [point]: status }), findings: [] })).toBe('clear');
      const unconfirmed = computeSignal(id, { points: points(), findings: [], notMeasured: [] });
      expect(unconfirmed.state).toBe('unconfirmed');
      expect(unconfirmed.reasons).toEqual([{ key: 'signal.reason.point-unknown', params: { point } }]);
    });
  }

  it('S3 is raised by a component behind its latest release or at end of life, whatever D4 says', () => {
    for (const ruleId of ['components.behind', 'components.eol']) {
      const s = computeSignal('S3', { points: points({ D4: 'ok' }), findings: [finding(ruleId, 'medium', 'D4', 'wordpress')] });
      expect(s.state).toBe('raised');
      expect(s.reasons).toEqual([{ key: 'signal.reason.finding-titled', params: { finding: `${ruleId}:wordpress`, title: `rule.${ruleId}.title` } }]);
    }
    expect(state('S3', { points: points({ D4: 'ok' }), findings: [finding('components.vulnerable-version', 'high', 'A1', 'jquery')] })).toBe('clear');
  });

  it('words a finding reason with the title of that finding, in each language, never its id', async () => {
    const { translate } = await import('../../lib/i18n');
    const f = { ...finding('components.eol', 'medium', 'D3', 'jquery@1.12.4'), message: { key: 'rule.components.eol.title', params: { library: 'jQuery', version: '1.12.4', cycle: '1', since: '2016-06-09' } } };
    const reason = computeSignal('S3', { points: points({ D4: 'ok' }), findings: [f] }).reasons[0]!;
    for (const locale of ['en', 'fr'] as const) {
      const text = translate(locale, reason.key, reason.params);
      expect(text).toContain(translate(locale, 'rule.components.eol.title', f.message.params));
      expect(text).not.toContain('components.eol:');
    }
  });

  it('S3 lists both the KO answer and the findings as reasons', () => {
    const s = computeSignal('S3', { points: points({ D4: 'ko' }), findings: [finding('components.eol', 'high', 'D3', 'php')] });
    expect(s.reasons.map((r) => r.key)).toEqual(['signal.reason.point-ko', 'signal.reason.finding-titled']);
  });

  it('S7 (HTTPS incomplete) is raised from transport findings, cleared when the checks ran, unconfirmed when they did not', () => {
    const raised = computeSignal('S7', { points: points(), findings: [finding('transport.hsts-missing', 'high', 'A3')] });
    expect(raised).toMatchObject({ state: 'raised', level: 'eleve' });
    expect(raised.reasons[0]).toEqual({ key: 'signal.reason.finding-titled', params: { finding: 'transport.hsts-missing', title: 'rule.transport.hsts-missing.title' } });
    expect(state('S7', { points: points(), findings: [], notMeasured: [] })).toBe('clear');
    // Not being on the HSTS preload list is advice, not an HTTPS gap.
    expect(state('S7', { points: points(), findings: [finding('transport.hsts-not-preload', 'info', 'A3')], notMeasured: [] })).toBe('clear');
    expect(state('S7', { points: points(), findings: [finding('transport.redirect-indirect', 'low', 'A3')] })).toBe('raised');
    const unconfirmed = computeSignal('S7', { points: points(), findings: [], notMeasured: nothingOf('httpVariant') });
    expect(unconfirmed.state).toBe('unconfirmed');
    expect(unconfirmed.reasons).toContainEqual({ key: 'signal.reason.not-measured', params: { what: 'httpVariant' } });
    // When the scan could not look, the user's answer decides.
    expect(state('S7', { points: points({ A3: 'ok' }), findings: [], notMeasured: nothingOf('headers') })).toBe('clear');
    expect(state('S7', { points: points({ A3: 'ko' }), findings: [], notMeasured: nothingOf('headers') })).toBe('raised');
  });

  it('S8 (vulnerable components exposed) is raised from components.vulnerable-version only', () => {
    expect(state('S8', { points: points(), findings: [finding('components.vulnerable-version', 'high', 'A1', 'jquery')] })).toBe('raised');
    expect(state('S8', { points: points(), findings: [finding('components.version-exposed', 'low', 'A1', 'jquery')], notMeasured: [] })).toBe('clear');
    expect(state('S8', { points: points(), findings: [], notMeasured: nothingOf('globals') })).toBe('unconfirmed');
    expect(state('S8', { points: points({ A1: 'ko' }), findings: [], notMeasured: [] })).toBe('raised');
  });

  it('S9 (security headers missing) is raised by header or CSP findings of medium severity or more', () => {
    expect(state('S9', { points: points(), findings: [finding('headers.xcto-missing', 'medium', 'A5')] })).toBe('raised');
    expect(state('S9', { points: points(), findings: [finding('csp.unsafe-inline', 'high', 'A5')] })).toBe('raised');
    expect(state('S9', { points: points(), findings: [finding('headers.referrer-policy-missing', 'low', 'A5')], notMeasured: [] })).toBe('clear');
    expect(state('S9', { points: points(), findings: [], notMeasured: nothingOf('headers') })).toBe('unconfirmed');
    // A5 is about a WAF: its answer neither raises nor clears missing headers.
    expect(state('S9', { points: points({ A5: 'ok' }), findings: [], notMeasured: nothingOf('headers') })).toBe('unconfirmed');
  });

  it('S10 (versions disclosed) is raised by disclosure findings and exposed library versions', () => {
    expect(state('S10', { points: points(), findings: [finding('disclosure.version-header', 'low', 'A2', 'server')] })).toBe('raised');
    expect(state('S10', { points: points(), findings: [finding('components.version-exposed', 'low', 'A1', 'jquery')] })).toBe('raised');
    expect(state('S10', { points: points(), findings: [], notMeasured: [] })).toBe('clear');
    // A header naming the software without a version is not a disclosed version.
    expect(state('S10', { points: points(), findings: [finding('disclosure.technology-header', 'info', 'A2', 'x-powered-by')], notMeasured: [] })).toBe('clear');
    expect(state('S10', { points: points(), findings: [] })).toBe('unconfirmed');
  });

  it('bounds the reasons of a signal', () => {
    const many = Array.from({ length: 80 }, (_, i) => finding('disclosure.version-header', 'low', 'A2', `h${i}`));
    const s = computeSignal('S10', { points: points(), findings: many });
    expect(s.reasons).toHaveLength(30);
    expect(() => Signal.parse(s)).not.toThrow();
  });
});
