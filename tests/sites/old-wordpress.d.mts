import type { SiteDefinition } from './index.mjs';
export const oldWordpressSite: SiteDefinition;
