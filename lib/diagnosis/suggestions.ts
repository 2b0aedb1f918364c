/**
 * Suggested checklist statuses from the automated findings (product.md §2).
 *
 * - A point with findings: any critical or high finding suggests KO; otherwise any medium or low
 *   finding suggests partial. Informational findings alone (a hint, not a fault) suggest nothing.
 *   The finding ids are the evidence.
 * - A point without findings is suggested OK only when the scan can really see the whole point and
 *   its checks ran: the evidence parts listed in CLEAN_SCAN_OK were all measured (none is in
 *   `notMeasured`). Without the `notMeasured` list, nothing is suggested OK.
 *   - A3 (HTTPS everywhere, HSTS, http→https redirect): the headers and the http:// variant measured.
 *   - A1 (no known-vulnerable component): the page and its runtime globals measured, and at least
 *     one component identified with its version (otherwise there was nothing to check), none with a
 *     known advisory.
 *   Points the scan only partly sees (patches, end of life, WAF, monitoring…) are never suggested OK
 *   from silence: a hidden version is not an up-to-date one.
 */
import type { ChecklistPoint, Finding, PointId, Technology } from '../audit/schema';
import type { NotMeasured } from '../evidence/schema';

export type Suggestion = NonNullable<ChecklistPoint['suggested']>;

export const CLEAN_SCAN_OK: Partial<Record<PointId, readonly string[]>> = {
  A3: ['headers', 'httpVariant'],
  A1: ['page', 'globals'],
};

const MAX_EVIDENCE_IDS = 100;

export interface SuggestionInput {
  findings: readonly Finding[];
  technologies?: readonly Technology[];
  notMeasured?: readonly NotMeasured[];
}

function measured(parts: readonly string[], notMeasured: readonly NotMeasured[] | undefined): boolean {
  if (!notMeasured) return false;
  return parts.every((part) => !notMeasured.some((n) => n.what === part));
}

export function suggestionFor(point: PointId, input: SuggestionInput): Suggestion | undefined {
  const related = input.findings.filter((f) => f.checklistPoint === point);
  const ids = related.map((f) => f.id).slice(0, MAX_EVIDENCE_IDS);
  if (related.some((f) => f.severity === 'critical' || f.severity === 'high')) return { status: 'ko', findingIds: ids };
  if (related.some((f) => f.severity === 'medium' || f.severity === 'low')) return { status: 'partial', findingIds: ids };
  if (related.length > 0) return undefined;
  const parts = CLEAN_SCAN_OK[point];
  if (!parts || !measured(parts, input.notMeasured)) return undefined;
  const techs = input.technologies ?? [];
  if (point === 'A1' && (!techs.some((t) => t.version) || techs.some((t) => t.vulnerabilities.length > 0))) return undefined;
  return { status: 'ok', findingIds: [] };
}

export function suggestAll(input: SuggestionInput, points: readonly PointId[]): Partial<Record<PointId, Suggestion>> {
  const out: Partial<Record<PointId, Suggestion>> = {};
  for (const id of points) {
    const s = suggestionFor(id, input);
    if (s) out[id] = s;
  }
  return out;
}
