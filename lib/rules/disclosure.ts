import { headerValues } from '../evidence/schema';
import { clip } from '../headers/clip';
import { ev } from './evidence-labels';
import { defineRules } from './types';

/** Headers that name the software behind a site; a version number in them tells an attacker what to try. */
const VERSION_HEADERS = ['Server', 'X-Powered-By', 'X-AspNet-Version', 'X-AspNetMvc-Version', 'X-Generator', 'X-Drupal-Cache-Version', 'X-Runtime-Version'];

/** Headers that exist only to advertise the technology; `Server` alone is left out (every server sends one). */
const TECHNOLOGY_HEADERS = ['X-Powered-By', 'X-AspNet-Version', 'X-AspNetMvc-Version', 'X-Generator', 'X-Drupal-Cache', 'X-Drupal-Dynamic-Cache', 'X-Pingback', 'X-Powered-CMS', 'X-Mod-Pagespeed', 'X-Runtime-Version'];

/** A dotted version number (1.2, 1.2.3, 4.0.30319), not a lone integer. */
const VERSION_IN_TEXT = /(?<![\w.])v?(\d{1,5}(?:\.\d{1,6}){1,3})(?![\w.])/;

export function findVersionInHeader(value: string): string | null {
  const match = VERSION_IN_TEXT.exec(value.slice(0, 512));
  return match ? match[1]! : null;
}

export const disclosureRules = defineRules([
  {
    id: 'disclosure.version-header',
    family: 'disclosure',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A2',
    requires: ['headers'],
    check: (evidence) =>
      VERSION_HEADERS.flatMap((name) => {
        const values = headerValues(evidence.headers, name);
        const withVersion = values.find((v) => findVersionInHeader(v) !== null);
        if (withVersion === undefined) return [];
        return [{
          subject: name.toLowerCase(),
          params: { header: name, value: withVersion.slice(0, 200), version: findVersionInHeader(withVersion)! },
          evidence: [ev.header(name, clip(withVersion))],
        }];
      }),
  },
  {
    id: 'disclosure.technology-header',
    family: 'disclosure',
    severity: 'info',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A2',
    requires: ['headers'],
    check: (evidence) =>
      TECHNOLOGY_HEADERS.flatMap((name) => {
        const values = headerValues(evidence.headers, name).filter((v) => v.trim() !== '');
        // With a version, disclosure.version-header already reports it.
        if (values.length === 0 || values.some((v) => findVersionInHeader(v) !== null)) return [];
        return [{ subject: name.toLowerCase(), params: { header: name, value: values[0]!.slice(0, 200) }, evidence: [ev.header(name, clip(values[0]!))] }];
      }),
  },
]);
