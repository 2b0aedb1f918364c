import type { SiteDefinition } from './index.mjs';
export function librarySite(options: { host: string; pages: Record<string, string[]>; files: Record<string, string> }): SiteDefinition;
