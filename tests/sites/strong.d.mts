import type { SiteDefinition } from './index.mjs';
export const strongSite: SiteDefinition;
