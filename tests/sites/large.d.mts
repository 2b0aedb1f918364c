import type { SiteDefinition } from './index.mjs';
export function largeSite(options?: { libraries?: string[] }): SiteDefinition;
