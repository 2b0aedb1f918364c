/** The 28 points of the maintenance checklist (product.md §2): ids, blocks and levels are fixed. */
import type { PointId, PointStatus } from '../audit/schema';

export type Level = 'critique' | 'eleve';
export type Block = 'A' | 'B' | 'C' | 'D' | 'E';

export interface PointDefinition {
  id: PointId;
  block: Block;
  level: Level;
}

const critique: PointId[] = ['A1', 'A2', 'A3', 'C1', 'C3', 'D1', 'D3', 'D4'];
export const POINT_IDS: readonly PointId[] = [
  'A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4',
  'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9',
];

export const CHECKLIST: readonly PointDefinition[] = POINT_IDS.map((id) => ({
  id,
  block: id[0] as Block,
  level: critique.includes(id) ? 'critique' : 'eleve',
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
