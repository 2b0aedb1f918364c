import type { SiteDefinition } from './index.mjs';
export const topSite: SiteDefinition;
export const middlingSite: SiteDefinition;
export const cdnAssetsSite: SiteDefinition;
export const bareSite: SiteDefinition;
export const gradedSites: SiteDefinition[];
