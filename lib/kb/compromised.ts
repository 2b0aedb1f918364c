/**
 * Script sources known to have served malicious code: loading anything from them is a compromise
 * risk whatever the version. Each entry keeps its public source and the date it was checked.
 */
export interface CompromisedSource {
  /** Host name; its subdomains match too. */
  host: string;
  /** Since when the source is known to be compromised (ISO date). */
  since: string;
  source: string;
  checked: string;
}

export const COMPROMISED_SOURCES: readonly CompromisedSource[] = [
  { host: 'polyfill.io', since: '2024-06-25', source: 'https://sansec.io/research/polyfill-supply-chain-attack', checked: '2026-11-28' },
  { host: 'polyfill.com', since: '2024-06-25', source: 'https://sansec.io/research/polyfill-supply-chain-attack', checked: '2026-11-28' },
  { host: 'bootcdn.net', since: '2024-06-27', source: 'https://www.bleepingcomputer.com/news/security/polyfillio-bootcdn-bootcss-staticfile-attack-traced-to-1-operator/', checked: '2026-11-28' },
  { host: 'bootcss.com', since: '2024-06-27', source: 'https://www.bleepingcomputer.com/news/security/polyfillio-bootcdn-bootcss-staticfile-attack-traced-to-1-operator/', checked: '2026-11-28' },
  { host: 'staticfile.net', since: '2024-06-27', source: 'https://www.bleepingcomputer.com/news/security/polyfillio-bootcdn-bootcss-staticfile-attack-traced-to-1-operator/', checked: '2026-11-28' },
  { host: 'staticfile.org', since: '2024-06-27', source: 'https://www.bleepingcomputer.com/news/security/polyfillio-bootcdn-bootcss-staticfile-attack-traced-to-1-operator/', checked: '2026-11-28' },
];

/** The compromised source a URL loads from, if any. */
export function compromisedSourceOf(url: string): CompromisedSource | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return COMPROMISED_SOURCES.find((s) => host === s.host || host.endsWith(`.${s.host}`));
}
