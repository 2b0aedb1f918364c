/** Types of hostile-extra.mjs, for the TypeScript tests. */
import type { SiteDefinition } from './index.mjs';

export const PAYLOADS: Record<'html' | 'script' | 'svg' | 'markdown' | 'formula' | 'rtl' | 'long', string>;
export function hostileExtraSites(): SiteDefinition[];
