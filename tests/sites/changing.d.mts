import type { SiteDefinition } from './index.mjs';
export type Phase = 'before' | 'after';
export function changingSite(): { site: SiteDefinition; setPhase: (phase: Phase) => void; phase: () => Phase };
