/**
 * The five maintenance dimensions and the plan of a site: for each dimension, the findings and the
 * checklist points (not OK) that call for it. Frequencies are the guide's, worded in the catalogues.
 */
import type { Audit, ChecklistPoint, Dimension, Finding } from '../audit/schema';
import { POINT_DIMENSION } from '../diagnosis/checklist-model';

export const DIMENSIONS: readonly Dimension[] = ['corrective', 'preventive', 'security', 'supervision', 'evolutive'];

export interface PlanLine {
  dimension: Dimension;
  /** Findings to act on (info hints excluded), most urgent first as given. */
  findings: Finding[];
  /** Checklist points that are KO, partial or unknown. */
  points: ChecklistPoint[];
}

const OPEN_STATUSES = new Set(['ko', 'partial', 'unknown']);

export function pointDimension(point: Pick<ChecklistPoint, 'id'>): Dimension {
  return POINT_DIMENSION[point.id];
}

export function maintenancePlan(audit: Pick<Audit, 'findings' | 'checklist'>): PlanLine[] {
  return DIMENSIONS.map((dimension) => ({
    dimension,
    findings: audit.findings.filter((f) => f.dimension === dimension && f.severity !== 'info'),
    points: audit.checklist.points.filter((p) => OPEN_STATUSES.has(p.status) && pointDimension(p) === dimension),
  }));
}
