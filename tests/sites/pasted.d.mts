import type { SiteDefinition } from './index.mjs';
export const HOSTILE_HTML: string;
export const HOSTILE_FORMULA: string;
export const HOSTILE_MARKDOWN: string;
export const pastedSite: SiteDefinition;
