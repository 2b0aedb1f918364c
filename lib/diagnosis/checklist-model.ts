/** The 28 points of the maintenance checklist (product.md §2): ids, blocks and levels are fixed. */
import type { PointId } from '../audit/schema';

export type Level = 'critique' | 'eleve';
export type Block = 'A' | 'B' | 'C' | 'D' | 'E';

export interface PointDefinition {
  id: PointId;
  block: Block;
  level: Level;
}

const critique: PointId[] = ['A1', 'A2', 'A3', 'C1', 'C3', 'D1', 'D3', 'D4'];
const ids: PointId[] = [
  'A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4',
  'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9',
];

export const CHECKLIST: readonly PointDefinition[] = ids.map((id) => ({
  id,
  block: id[0] as Block,
  level: critique.includes(id) ? 'critique' : 'eleve',
}));

export const BLOCKS: readonly Block[] = ['A', 'B', 'C', 'D', 'E'];
