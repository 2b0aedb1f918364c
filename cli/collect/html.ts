/**
 * The page snapshot from fetched HTML, read with a real, forgiving HTML parser (htmlparser2):
 * scripts (resolved src, integrity, crossorigin), stylesheets, meta generator and http-equiv,
 * forms and subresources. What only a running browser knows (performance entries, cookies set by
 * scripts) stays empty and is listed as not measured by the caller. Every list is capped.
 */
import { Parser } from 'htmlparser2';
import { LIMITS } from '../../lib/evidence/limits';
import type { PageSnapshot } from '../../lib/evidence/schema';

/** Script addresses that load no file. */
const NOT_A_SCRIPT_FILE = /^\s*(?:javascript|about):/i;

type Kind = PageSnapshot['subresources'][number]['kind'];
type Attributes = Record<string, string>;

const cut = (value: string | null | undefined, max: number): string => (value ?? '').slice(0, max);
const SUBRESOURCE_ATTRIBUTES: Record<string, Array<[string, Kind]>> = {
  iframe: [['src', 'iframe']],
  frame: [['src', 'iframe']],
  img: [['src', 'img']],
  video: [['src', 'media'], ['poster', 'media']],
  audio: [['src', 'media']],
  source: [['src', 'media']],
  object: [['data', 'object']],
  embed: [['src', 'object']],
};

/** The charset a response declares, else the one a <meta> in the first bytes declares, else UTF-8. */
export function decodeHtml(body: Buffer, contentType: string): string {
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]
    ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(body.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8', { fatal: false }).decode(body);
  } catch {
    return new TextDecoder('utf-8', { fatal: false }).decode(body);
  }
}

export function isHtmlContentType(contentType: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

export function snapshotFromHtml(html: string, pageUrl: string, contentType: string): PageSnapshot {
  let base = pageUrl;
  let baseSeen = false;
  let elementCount = 0;
  let scriptCount = 0;
  let inlineScriptCount = 0;
  let inTitle = false;
  let titleDone = false;
  let title = '';
  // Raw attribute values first: a <base href> anywhere in the document changes how they resolve.
  const rawScripts: Attributes[] = [];
  const rawStylesheets: Attributes[] = [];
  const rawForms: Attributes[] = [];
  const rawSubresources: Array<[Kind, string]> = [];
  const metaGenerator: string[] = [];
  const metaHttpEquiv: PageSnapshot['metaHttpEquiv'] = [];

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        elementCount++;
        switch (name) {
          case 'base':
            if (!baseSeen && attributes.href !== undefined) {
              baseSeen = true;
              try {
                base = new URL(attributes.href, pageUrl).href;
              } catch {
                // An unparseable base is ignored, as browsers do.
              }
            }
            break;
          case 'title':
            if (!titleDone) inTitle = true;
            break;
          case 'script':
            scriptCount++;
            if (attributes.src === undefined || attributes.src === '') inlineScriptCount++;
            // A javascript: address loads nothing (browsers do not run it as a script source): not a script file.
            else if (NOT_A_SCRIPT_FILE.test(attributes.src)) break;
            else if (rawScripts.length < LIMITS.scripts) rawScripts.push(attributes);
            break;
          case 'link':
            if (/(^|\s)stylesheet(\s|$)/i.test(attributes.rel ?? '') && attributes.href && rawStylesheets.length < LIMITS.scripts) rawStylesheets.push(attributes);
            break;
          case 'meta': {
            const metaName = attributes.name?.toLowerCase();
            if (metaName === 'generator' && metaGenerator.length < LIMITS.metas) metaGenerator.push(cut(attributes.content, LIMITS.text));
            if (attributes['http-equiv'] && metaHttpEquiv.length < LIMITS.metas) {
              metaHttpEquiv.push({ name: cut(attributes['http-equiv'], 128), content: cut(attributes.content, LIMITS.headerValue) });
            }
            break;
          }
          case 'form':
            if (rawForms.length < LIMITS.forms) rawForms.push(attributes);
            break;
          default:
            for (const [attribute, kind] of SUBRESOURCE_ATTRIBUTES[name] ?? []) {
              const value = attributes[attribute];
              if (value && rawSubresources.length < LIMITS.resources) rawSubresources.push([kind, value]);
            }
        }
      },
      ontext(text) {
        if (inTitle && title.length < LIMITS.text * 4) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const resolve = (value: string): string => {
    try {
      return new URL(value.trim(), base).href;
    } catch {
      return value;
    }
  };

  const scripts: PageSnapshot['scripts'] = rawScripts.map((a) => ({
    src: cut(resolve(a.src!), LIMITS.url),
    ...(a.integrity ? { integrity: cut(a.integrity, LIMITS.text) } : {}),
    ...(a.crossorigin !== undefined ? { crossOrigin: cut(a.crossorigin, 64) } : {}),
    ...(a.type ? { type: cut(a.type, 128) } : {}),
  }));
  const stylesheets: PageSnapshot['stylesheets'] = rawStylesheets.map((a) => ({
    href: cut(resolve(a.href!), LIMITS.url),
    ...(a.integrity ? { integrity: cut(a.integrity, LIMITS.text) } : {}),
  }));
  const forms: PageSnapshot['forms'] = rawForms.map((a) => ({
    action: cut(a.action === undefined ? pageUrl : resolve(a.action), LIMITS.url),
    method: cut(a.method || 'get', 16).toLowerCase(),
  }));

  const subresources: PageSnapshot['subresources'] = [];
  const add = (kind: Kind, url: string) => {
    if (subresources.length < LIMITS.resources && !/^(data|blob|javascript|about):/i.test(url)) subresources.push({ kind, url: cut(url, LIMITS.url) });
  };
  for (const s of scripts) add('script', s.src);
  for (const s of stylesheets) add('stylesheet', s.href);
  for (const [kind, value] of rawSubresources) add(kind, resolve(value));

  const url = new URL(pageUrl);
  return {
    url: cut(pageUrl, LIMITS.url),
    protocol: url.protocol,
    title: cut(title.replace(/\s+/g, ' ').trim(), LIMITS.text),
    contentType: cut(contentType.split(';')[0]!.trim().toLowerCase(), 256),
    elementCount: Math.min(elementCount, 10_000_000),
    scripts,
    scriptCount: Math.min(scriptCount, 10_000_000),
    inlineScriptCount: Math.min(inlineScriptCount, 10_000_000),
    stylesheets,
    metaGenerator,
    metaHttpEquiv,
    forms,
    subresources,
    documentCookieNames: [],
    navigation: null,
    resources: [],
    resourceCount: 0,
  };
}
