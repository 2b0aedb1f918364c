/** The 28 points of the maintenance checklist (product.md §2): ids, blocks and levels are fixed. */
import type { Dimension, PointId, PointStatus } from '../audit/schema';

export type Level = 'critique' | 'eleve';
export type Block = 'A' | 'B' | 'C' | 'D' | 'E';

export interface PointDefinition {
  id: PointId;
  block: Block;
  level: Level;
  /** The maintenance dimension that keeps the point true (docs/proposal.md). */
  dimension: Dimension;
}

/**
 * Security: protections and accesses. Supervision: watching the site. Preventive: backups, updates
 * and the environments they need. Corrective: what makes incidents handled fast (rollback, one
 * request channel, priorities, SLAs, on-call). Evolutive/run: reporting, documentation, debt review.
 */
export const POINT_DIMENSION: Readonly<Record<PointId, Dimension>> = {
  A1: 'security', A2: 'security', A3: 'security', A4: 'security', A5: 'security',
  B1: 'supervision', B2: 'supervision', B3: 'supervision', B4: 'supervision', B5: 'supervision',
  C1: 'preventive', C2: 'preventive', C3: 'preventive', C4: 'preventive',
  D1: 'preventive', D2: 'preventive', D3: 'preventive', D4: 'preventive', D5: 'corrective',
  E1: 'corrective', E2: 'corrective', E3: 'corrective', E4: 'evolutive', E5: 'evolutive',
  E6: 'security', E7: 'security', E8: 'corrective', E9: 'evolutive',
};

const critique: PointId[] = ['A1', 'A2', 'A3', 'C1', 'C3', 'D1', 'D3', 'D4'];
export const POINT_IDS: readonly PointId[] = [
  'A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4',
  'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9',
];

export const CHECKLIST: readonly PointDefinition[] = POINT_IDS.map((id) => ({
  id,
  block: id[0] as Block,
  level: critique.includes(id) ? 'critique' : 'eleve',
  dimension: POINT_DIMENSION[id],
}));

export const BLOCKS: readonly Block[] = ['A', 'B', 'C', 'D', 'E'];

/** Statuses in the order they are offered (and numbered 1–5 on the keyboard). */
export const STATUSES: readonly PointStatus[] = ['ok', 'partial', 'ko', 'unknown', 'na'];

export function pointDefinition(id: PointId): PointDefinition {
  return CHECKLIST.find((p) => p.id === id)!;
}

/** Message keys of a point: what it asks, and what "OK" means in practice. */
export function pointLabelKey(id: PointId): string {
  return `checklist.${id}.label`;
}
export function pointHelpKey(id: PointId): string {
  return `checklist.${id}.help`;
}
