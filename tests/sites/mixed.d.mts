import type { SiteDefinition } from './index.mjs';
export function mixedSites(where: { port: number }): SiteDefinition[];
