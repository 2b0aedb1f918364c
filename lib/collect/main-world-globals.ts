/**
 * Reads library versions from the page's own globals, in the page's main world. The page is
 * hostile: only own data properties are read through descriptors (no getter or proxy `get` trap
 * runs through us, no page function is called), only short primitive strings come out, and the
 * walk is bounded. A trap can still run inside getOwnPropertyDescriptor on a proxy; the caller
 * bounds the whole call with a timeout, and each lookup is wrapped so a throw only loses that path.
 *
 * This function is serialised by scripting.executeScript: it must not reference anything outside.
 */
export interface GlobalProbe {
  library: string;
  paths: string[][];
}
export interface GlobalHit {
  library: string;
  version: string;
  path: string;
}

export function readLibraryGlobals(probes: GlobalProbe[], maxResults: number): GlobalHit[] {
  const getOwn = Object.getOwnPropertyDescriptor;
  const getProto = Object.getPrototypeOf;
  const results: GlobalHit[] = [];

  function readData(target: unknown, key: string): unknown {
    let current: unknown = target;
    // Own property first, then at most three prototypes (e.g. jQuery.fn.jquery lives on the prototype object).
    for (let depth = 0; depth < 4 && current !== null && (typeof current === 'object' || typeof current === 'function'); depth++) {
      const descriptor = getOwn(current as object, key);
      if (descriptor) return 'value' in descriptor ? descriptor.value : undefined;
      current = getProto(current as object);
    }
    return undefined;
  }

  for (const probe of probes) {
    if (results.length >= maxResults) break;
    for (const path of probe.paths) {
      try {
        let value: unknown = globalThis;
        for (const key of path) {
          value = readData(value, key);
          if (value === undefined || value === null) break;
        }
        if (typeof value === 'number') value = String(value);
        // Slim builds carry their module list ("3.4.1 -ajax,-css/var/getStyles,…"): kept, cut to 64 characters.
        if (typeof value === 'string' && value.length > 0 && value.length <= 400 && /^[\w.+~ ,/-]+$/.test(value)) {
          results.push({ library: probe.library, version: value.slice(0, 64), path: path.join('.') });
          break;
        }
      } catch {
        // A throwing trap costs only this path.
      }
    }
  }
  return results;
}
