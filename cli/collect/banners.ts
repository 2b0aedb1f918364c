/**
 * Version banners in script files. The knowledge base's matcher (lib/kb/banners.ts, being
 * written) replaces this placeholder once it exists: until then no banner is matched, and the
 * file heads are still kept in the evidence.
 */
export function matchScriptBanners(_text: string): { library: string; version: string }[] {
  return [];
}
