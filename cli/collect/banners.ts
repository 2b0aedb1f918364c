/** Version banners in script files: the knowledge base's matcher, shared with the extension. */
import { matchBanners } from '../../lib/kb/banners';

export function matchScriptBanners(text: string): { library: string; version: string }[] {
  return matchBanners(text);
}
