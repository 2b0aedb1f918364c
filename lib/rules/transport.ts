import { headerValue } from '../evidence/schema';
import { ev } from './evidence-labels';
import { defineRules } from './types';

function isHttps(url: string): boolean {
  return url.toLowerCase().startsWith('https:');
}

export const transportRules = defineRules([
  {
    id: 'transport.https-missing',
    family: 'transport',
    severity: 'critical',
    priority: 'P1',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: [],
    check: (evidence) => (isHttps(evidence.page?.url ?? evidence.url) ? [] : [{ evidence: [ev.url(evidence.page?.url ?? evidence.url)] }]),
  },
  {
    id: 'transport.hsts-missing',
    family: 'transport',
    severity: 'high',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['headers'],
    check: (evidence) => {
      const hsts = headerValue(evidence.headers, 'strict-transport-security');
      // Browsers ignore HSTS received over http://, so on such a page the header does not count.
      if (hsts !== null && isHttps(evidence.headers!.url)) return [];
      return [{ evidence: [ev.headerAbsent('Strict-Transport-Security'), ev.url(evidence.headers!.url)] }];
    },
  },
]);
