import type { SiteDefinition } from './index.mjs';
/** Where the real jQuery 1.12.4 file is installed (node_modules/jquery-1.12.4). */
export const JQUERY_1_12_4_PATH: string;
export const weakSite: SiteDefinition;
