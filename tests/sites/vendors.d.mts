import type { SiteDefinition } from './index.mjs';
export const cloudflareSite: SiteDefinition;
export const sucuriSite: SiteDefinition;
export const watchedSite: SiteDefinition;
export const vendorSites: SiteDefinition[];
