/**
 * Subresource Integrity on the page's scripts: a script from another site should carry an `integrity`
 * hash (and `crossorigin`, without which the browser cannot check it), so that a compromised CDN
 * cannot change what runs on the page.
 */
import { hostOf, sameSite } from './site';

export interface ScriptInput { src: string; integrity?: string | undefined; crossOrigin?: string | undefined }

export interface ScriptCheck {
  src: string;
  /** From the page's own site (same registrable domain), or relative. */
  local: boolean;
  /** Loaded over https:// (or the page's own scheme when relative). */
  secure: boolean;
  integrity: boolean;
  crossOrigin: boolean;
}

const HASH = /^\s*(sha256|sha384|sha512)-[A-Za-z0-9+/_=-]+/i;

export function checkScripts(pageUrl: string, scripts: readonly ScriptInput[]): ScriptCheck[] {
  const pageHost = hostOf(pageUrl);
  return scripts.slice(0, 1500).flatMap((script) => {
    const src = script.src.trim();
    if (src === '') return [];
    const host = hostOf(src, pageUrl);
    let scheme = '';
    try {
      scheme = new URL(src, pageUrl).protocol;
    } catch {
      return [];
    }
    // data: and blob: scripts are built by the page itself: nothing travels, like an inline script.
    const embedded = scheme === 'data:' || scheme === 'blob:';
    // A protocol-relative or relative URL takes the page's scheme: on an https page it loads securely.
    const local = embedded || host === null || pageHost === null || sameSite(host, pageHost);
    return [{
      src: src.slice(0, 2048),
      local,
      secure: scheme === 'https:' || embedded,
      integrity: HASH.test(script.integrity ?? ''),
      crossOrigin: script.crossOrigin !== undefined,
    }];
  });
}
