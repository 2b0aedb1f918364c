/**
 * A Content-Security-Policy built from what the page actually loads: its scripts, stylesheets,
 * subresources and the resources the browser fetched. Origins are re-serialised from parsed URLs,
 * so a page cannot inject anything but a scheme, host and port.
 */
import type { PageSnapshot } from '../evidence/schema';

export interface RecommendedCsp {
  policy: string;
  directives: [string, string[]][];
  /** The page runs inline scripts: they need a nonce or hash before the policy is enforced. */
  inlineScripts: boolean;
}

const MAX_ORIGINS = 40;
const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)(\?|#|$)/i;
const STYLE = /\.css(\?|#|$)/i;

type Directive = 'script-src' | 'style-src' | 'img-src' | 'font-src' | 'connect-src' | 'frame-src' | 'media-src' | 'form-action';

function sourceFor(url: string, page: URL): string | null {
  let u: URL;
  try {
    u = new URL(url, page);
  } catch {
    return null;
  }
  if (u.protocol === 'data:') return 'data:';
  if (u.protocol === 'blob:') return 'blob:';
  if (u.protocol !== 'https:' && u.protocol !== 'http:' && u.protocol !== 'wss:') return null;
  // An https page cannot load http:// content anyway (mixed content): do not allow it.
  if (page.protocol === 'https:' && u.protocol === 'http:') return null;
  if (u.origin === page.origin) return "'self'";
  return u.origin;
}

function directiveForResource(initiatorType: string, name: string): Directive | null {
  switch (initiatorType) {
    case 'script': return 'script-src';
    case 'img': case 'image': return 'img-src';
    case 'fetch': case 'xmlhttprequest': case 'beacon': case 'eventsource': return 'connect-src';
    case 'iframe': case 'frame': return 'frame-src';
    case 'video': case 'audio': case 'track': return 'media-src';
    case 'css': case 'link': case 'other':
      if (FONT.test(name)) return 'font-src';
      if (IMAGE.test(name)) return 'img-src';
      if (STYLE.test(name)) return 'style-src';
      return null;
    default: return null;
  }
}

const KIND: Record<string, Directive | null> = {
  script: 'script-src', stylesheet: 'style-src', iframe: 'frame-src', img: 'img-src', media: 'media-src', object: null, other: null,
};

export function recommendCsp(page: PageSnapshot): RecommendedCsp {
  let base: URL;
  try {
    base = new URL(page.url);
  } catch {
    base = new URL('https://invalid.example/');
  }
  const found = new Map<Directive, Set<string>>();
  const add = (directive: Directive | null, url: string) => {
    if (!directive) return;
    const source = sourceFor(url, base);
    if (!source || source === "'self'") return;
    const set = found.get(directive) ?? new Set<string>();
    if (set.size < MAX_ORIGINS) set.add(source);
    found.set(directive, set);
  };
  for (const s of page.scripts) add('script-src', s.src);
  for (const s of page.stylesheets) add('style-src', s.href);
  for (const r of page.subresources) add(KIND[r.kind] ?? null, r.url);
  for (const r of page.resources) add(directiveForResource(r.initiatorType, r.name), r.name);
  for (const f of page.forms) if (f.action) add('form-action', f.action);

  const list = (d: Directive) => [...(found.get(d) ?? [])].sort();
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...list('script-src')]],
    ['style-src', ["'self'", ...list('style-src')]],
    ['img-src', ["'self'", ...list('img-src')]],
    ['font-src', ["'self'", ...list('font-src')]],
    ['connect-src', ["'self'", ...list('connect-src')]],
    ...(found.has('frame-src') ? [['frame-src', ["'self'", ...list('frame-src')]] as [string, string[]]] : []),
    ...(found.has('media-src') ? [['media-src', ["'self'", ...list('media-src')]] as [string, string[]]] : []),
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...list('form-action')]],
    ['frame-ancestors', ["'self'"]],
  ];
  if (base.protocol === 'https:') directives.push(['upgrade-insecure-requests', []]);
  const policy = directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
  return { policy, directives, inlineScripts: page.inlineScriptCount > 0 };
}
