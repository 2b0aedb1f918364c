/**
 * The ten alert signals (product.md §3). S1–S6 follow the specification; S7–S10 are Vigie's own,
 * raised from scan evidence:
 * - S7 HTTPS/TLS incomplete: a `transport.*` finding above info (not being on the preload list is
 *   a suggestion, not a gap), or A3 answered KO;
 * - S8 vulnerable components exposed: a `components.vulnerable-version` finding, or A1 answered KO;
 * - S9 security headers missing: a `headers.*` or `csp.*` finding of medium severity or more;
 * - S10 versions disclosed: a `disclosure.*` finding about a version (naming the software without a
 *   version does not count) or a `components.version-exposed` finding.
 * A scan signal is clear when its checks ran and found nothing (or its point is answered OK), and
 * unconfirmed when they did not run and no answer decides it.
 */
import type { ChecklistPoint, Finding, PointId, Signal } from '../audit/schema';
import type { MessageRef, NotMeasured } from '../evidence/schema';

export const SIGNAL_IDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];
export const CRITICAL_SIGNALS = ['S2', 'S3', 'S4'] as const;

/** The checklist point whose KO raises each signal (and whose answer can settle it). */
export const SIGNAL_POINT: Record<SignalId, PointId> = {
  S1: 'E1', S2: 'D1', S3: 'D4', S4: 'C3', S5: 'B1', S6: 'E4', S7: 'A3', S8: 'A1', S9: 'A5', S10: 'A2',
};

interface ScanRule {
  matches: (f: Finding) => boolean;
  /** Evidence parts whose measurement lets a silent scan clear the signal. */
  parts: readonly string[];
  /** Whether an OK answer clears the signal when the scan could not look. */
  pointClears: boolean;
}

const SERIOUS = new Set(['critical', 'high', 'medium']);
const SCAN_RULES: Partial<Record<SignalId, ScanRule>> = {
  S3: { matches: (f) => f.ruleId === 'components.behind' || f.ruleId === 'components.eol', parts: [], pointClears: true },
  S7: { matches: (f) => f.ruleId.startsWith('transport.') && f.severity !== 'info', parts: ['headers', 'httpVariant'], pointClears: true },
  S8: { matches: (f) => f.ruleId === 'components.vulnerable-version', parts: ['page', 'globals'], pointClears: true },
  S9: { matches: (f) => (f.ruleId.startsWith('headers.') || f.ruleId.startsWith('csp.')) && SERIOUS.has(f.severity), parts: ['headers'], pointClears: false },
  S10: { matches: (f) => (f.ruleId.startsWith('disclosure.') && f.ruleId.includes('version')) || f.ruleId === 'components.version-exposed', parts: ['headers'], pointClears: false },
};

const LEVEL: Record<SignalId, Signal['level']> = {
  S1: 'eleve', S2: 'critique', S3: 'critique', S4: 'critique', S5: 'eleve', S6: 'eleve', S7: 'eleve', S8: 'eleve', S9: 'eleve', S10: 'eleve',
};
/** S7–S10 are decided by the scan; their point only adds a KO reason. S1–S6 are decided by their point. */
const SCAN_FIRST = new Set<SignalId>(['S7', 'S8', 'S9', 'S10']);
const MAX_REASONS = 30;

export interface SignalInput {
  points: readonly ChecklistPoint[];
  findings: readonly Finding[];
  /** What the scan could not measure; without it, silence of the scan clears nothing. */
  notMeasured?: readonly NotMeasured[];
}

function partsMeasured(parts: readonly string[], notMeasured: readonly NotMeasured[] | undefined): boolean {
  return !!notMeasured && parts.every((p) => !notMeasured.some((n) => n.what === p));
}

export function computeSignal(id: SignalId, input: SignalInput): Signal {
  const level = LEVEL[id];
  const pointId = SIGNAL_POINT[id];
  const point = input.points.find((p) => p.id === pointId);
  const status = point?.status ?? 'unknown';
  const scan = SCAN_RULES[id];
  const hits = scan ? input.findings.filter(scan.matches) : [];
  const pointCounts = !SCAN_FIRST.has(id) || scan?.pointClears;

  const reasons: MessageRef[] = [];
  if (status === 'ko' && pointCounts) reasons.push({ key: 'signal.reason.point-ko', params: { point: pointId } });
  // The finding's own title, in whatever language the reason is shown in (its id stays for tools).
  for (const f of hits) reasons.push({ key: 'signal.reason.finding-titled', params: { ...f.message.params, finding: f.id, title: f.message.key } });
  if (reasons.length) return { id, level, state: 'raised', reasons: reasons.slice(0, MAX_REASONS) };

  if (!SCAN_FIRST.has(id)) {
    if (status === 'unknown') return { id, level, state: 'unconfirmed', reasons: [{ key: 'signal.reason.point-unknown', params: { point: pointId } }] };
    return { id, level, state: 'clear', reasons: [] };
  }
  if (partsMeasured(scan!.parts, input.notMeasured)) return { id, level, state: 'clear', reasons: [] };
  if (scan!.pointClears && status !== 'unknown') return { id, level, state: 'clear', reasons: [] };
  const missing = scan!.parts.filter((p) => !input.notMeasured || input.notMeasured.some((n) => n.what === p));
  const why: MessageRef[] = missing.map((what) => ({ key: 'signal.reason.not-measured', params: { what } }));
  if (scan!.pointClears) why.push({ key: 'signal.reason.point-unknown', params: { point: pointId } });
  return { id, level, state: 'unconfirmed', reasons: why };
}

export function computeSignals(input: SignalInput): Signal[] {
  return SIGNAL_IDS.map((id) => computeSignal(id, input));
}
