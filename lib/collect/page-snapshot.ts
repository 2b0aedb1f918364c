/**
 * Runs inside the audited page (isolated world of the on-demand content script). Reads the DOM
 * and performance entries only; every list is capped so a huge page stays cheap. The result is
 * still treated as untrusted by the background, which validates it with zod.
 */
import { LIMITS } from '../evidence/limits';
import type { PageSnapshot } from '../evidence/schema';

const cut = (value: string | null | undefined, max: number): string => (value ?? '').slice(0, max);
const ms = (n: number) => Math.max(0, Math.min(3_600_000, Number.isFinite(n) ? n : 0));
const size = (n: number | undefined) => Math.max(0, Math.min(10_000_000, Number.isFinite(n) ? Math.round(n!) : 0));

export function collectPageSnapshot(doc: Document = document, perf: Performance = performance): PageSnapshot {
  const scriptElements = doc.getElementsByTagName('script');
  const scripts: PageSnapshot['scripts'] = [];
  let inlineScriptCount = 0;
  for (let i = 0; i < scriptElements.length; i++) {
    const el = scriptElements[i]!;
    const src = el.getAttribute('src');
    if (!src) {
      inlineScriptCount++;
      continue;
    }
    // A javascript: address loads nothing (browsers do not run it as a script source): not a script file.
    if (/^\s*(?:javascript|about):/i.test(src)) continue;
    if (scripts.length >= LIMITS.scripts) continue;
    scripts.push({
      src: cut(el.src || src, LIMITS.url),
      ...(el.getAttribute('integrity') ? { integrity: cut(el.getAttribute('integrity'), LIMITS.text) } : {}),
      ...(el.getAttribute('crossorigin') !== null ? { crossOrigin: cut(el.getAttribute('crossorigin'), 64) } : {}),
      ...(el.getAttribute('type') ? { type: cut(el.getAttribute('type'), 128) } : {}),
    });
  }

  const stylesheets: PageSnapshot['stylesheets'] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel~="stylesheet" i][href]')).slice(0, LIMITS.scripts)) {
    const href = (link as HTMLLinkElement).href || link.getAttribute('href');
    stylesheets.push({ href: cut(href, LIMITS.url), ...(link.getAttribute('integrity') ? { integrity: cut(link.getAttribute('integrity'), LIMITS.text) } : {}) });
  }

  const metaGenerator: string[] = [];
  const metaHttpEquiv: PageSnapshot['metaHttpEquiv'] = [];
  for (const meta of Array.from(doc.getElementsByTagName('meta')).slice(0, 500)) {
    const name = meta.getAttribute('name');
    const equiv = meta.getAttribute('http-equiv');
    if (name && name.toLowerCase() === 'generator' && metaGenerator.length < LIMITS.metas) metaGenerator.push(cut(meta.getAttribute('content'), LIMITS.text));
    if (equiv && metaHttpEquiv.length < LIMITS.metas) metaHttpEquiv.push({ name: cut(equiv, 128), content: cut(meta.getAttribute('content'), LIMITS.headerValue) });
  }

  const forms: PageSnapshot['forms'] = Array.from(doc.forms).slice(0, LIMITS.forms).map((form) => ({
    action: cut(form.getAttribute('action') === null ? doc.URL : form.action, LIMITS.url),
    method: cut(form.getAttribute('method') || 'get', 16).toLowerCase(),
  }));

  const subresources: PageSnapshot['subresources'] = [];
  const addSubresource = (kind: PageSnapshot['subresources'][number]['kind'], value: string | null | undefined) => {
    if (value && subresources.length < LIMITS.resources && !/^(data|blob|javascript|about):/i.test(value)) subresources.push({ kind, url: cut(value, LIMITS.url) });
  };
  for (const s of scripts) addSubresource('script', s.src);
  for (const s of stylesheets) addSubresource('stylesheet', s.href);
  // One pass over the document for every embedding element (each querySelectorAll walks the whole
  // tree, which counts on a 100,000-element page).
  const embeds = doc.querySelectorAll('iframe[src], frame[src], img[src], video[src], audio[src], source[src], video[poster], object[data], embed[src]');
  for (let i = 0; i < embeds.length && subresources.length < LIMITS.resources; i++) {
    const el = embeds[i]!;
    const tag = el.localName;
    const kind: PageSnapshot['subresources'][number]['kind'] =
      tag === 'iframe' || tag === 'frame' ? 'iframe' : tag === 'img' ? 'img' : tag === 'object' || tag === 'embed' ? 'object' : 'media';
    const raw = el.getAttribute(tag === 'object' ? 'data' : 'src') ?? el.getAttribute('poster');
    // Inline images (data:, blob:) are no request: skip them before any URL parsing (lazy-loading
    // placeholders can number in the tens of thousands).
    if (raw === null || /^\s*(?:data|blob|javascript|about):/i.test(raw)) continue;
    let absolute: string | null = raw;
    try {
      absolute = raw === null ? null : new URL(raw, doc.baseURI).href;
    } catch {
      // Unparseable: keep what the DOM says.
    }
    addSubresource(kind, absolute);
  }

  let documentCookieNames: string[] = [];
  try {
    documentCookieNames = doc.cookie
      .split(';')
      .map((c) => c.split('=')[0]!.trim())
      .filter(Boolean)
      .slice(0, LIMITS.cookies)
      .map((n) => n.slice(0, 256));
  } catch {
    // Sandboxed documents throw on document.cookie: no readable cookies then.
  }

  const nav = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const resourceEntries = perf.getEntriesByType('resource') as PerformanceResourceTiming[];
  const resources = resourceEntries.slice(0, LIMITS.resources).map((r) => ({
    name: cut(r.name, LIMITS.url),
    initiatorType: cut(r.initiatorType, 64),
    nextHopProtocol: cut(r.nextHopProtocol, 32),
    transferSize: size(r.transferSize),
    encodedBodySize: size(r.encodedBodySize),
    decodedBodySize: size(r.decodedBodySize),
    startTime: ms(r.startTime),
    duration: ms(r.duration),
  }));

  return {
    url: cut(doc.URL, LIMITS.url),
    protocol: cut(doc.location?.protocol ?? new URL(doc.URL).protocol, 16),
    title: cut(doc.title, LIMITS.text),
    contentType: cut(doc.contentType, 256),
    elementCount: size(doc.getElementsByTagName('*').length),
    scripts,
    scriptCount: size(scriptElements.length),
    inlineScriptCount: size(inlineScriptCount),
    stylesheets,
    metaGenerator,
    metaHttpEquiv,
    forms,
    subresources,
    documentCookieNames,
    navigation: nav
      ? {
          type: cut(nav.type, 32),
          nextHopProtocol: cut(nav.nextHopProtocol, 32),
          responseStart: ms(nav.responseStart),
          domContentLoadedEventEnd: ms(nav.domContentLoadedEventEnd),
          loadEventEnd: ms(nav.loadEventEnd),
          transferSize: size(nav.transferSize),
          encodedBodySize: size(nav.encodedBodySize),
          decodedBodySize: size(nav.decodedBodySize),
        }
      : null,
    resources,
    resourceCount: size(resourceEntries.length),
  };
}
