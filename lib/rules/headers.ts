import type { EvidenceItem } from '../audit/schema';
import { headerValue, headerValues, type Evidence } from '../evidence/schema';
import { parseCoep, parseCoop, parseCorp } from '../headers/cross-origin';
import { featuresOpenToAll, parsePermissionsPolicy } from '../headers/permissions-policy';
import { isPrivateReferrerPolicy, parseReferrerPolicy } from '../headers/referrer-policy';
import { checkScripts } from '../headers/sri';
import { parseXFrameOptions } from '../headers/x-frame-options';
import { corsAnalysis } from '../score/checks/cors';
import { cspBlocksFraming } from '../score/checks/csp';
import { clip } from '../headers/clip';
import { ev } from './evidence-labels';
import { defineRules } from './types';

const metaReferrer = (evidence: Evidence) =>
  (evidence.page?.metaHttpEquiv ?? []).filter((m) => m.name.trim().toLowerCase() === 'referrer-policy').map((m) => m.content);

const present = (evidence: Evidence, name: string): EvidenceItem => {
  const value = headerValue(evidence.headers, name);
  return value === null ? ev.headerAbsent(name) : ev.header(name, clip(value));
};

const CROSS_ORIGIN = [
  ['Cross-Origin-Opener-Policy', parseCoop],
  ['Cross-Origin-Embedder-Policy', parseCoep],
  ['Cross-Origin-Resource-Policy', parseCorp],
] as const;

export const headerRules = defineRules([
  {
    id: 'headers.xcto-missing',
    family: 'headers',
    severity: 'medium',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const value = headerValue(evidence.headers, 'x-content-type-options');
      if (value !== null && value.trim().toLowerCase() === 'nosniff') return [];
      return [{ evidence: [value === null ? ev.headerAbsent('X-Content-Type-Options') : ev.header('X-Content-Type-Options', clip(value))] }];
    },
  },
  {
    id: 'headers.clickjacking-unprotected',
    family: 'headers',
    severity: 'medium',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      if (cspBlocksFraming(evidence)) return [];
      const xfo = headerValue(evidence.headers, 'x-frame-options');
      if (xfo !== null && parseXFrameOptions(xfo) !== 'invalid') return [];
      return [{ evidence: [present(evidence, 'X-Frame-Options'), present(evidence, 'Content-Security-Policy')] }];
    },
  },
  {
    id: 'headers.referrer-policy-missing',
    family: 'headers',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const all = [...headerValues(evidence.headers, 'referrer-policy'), ...metaReferrer(evidence)];
      return all.some((v) => v.trim() !== '') ? [] : [{ evidence: [ev.headerAbsent('Referrer-Policy')] }];
    },
  },
  {
    id: 'headers.referrer-policy-unsafe',
    family: 'headers',
    severity: 'medium',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const all = [...headerValues(evidence.headers, 'referrer-policy'), ...metaReferrer(evidence)];
      if (!all.some((v) => v.trim() !== '')) return [];
      const { policy } = parseReferrerPolicy(all);
      if (policy !== null && isPrivateReferrerPolicy(policy)) return [];
      // An unreadable value leaves the browser default (strict-origin-when-cross-origin): a mistake, less serious.
      return [{ ...(policy === null ? { severity: 'low' as const } : {}), params: { policy: policy ?? all.join(', ').slice(0, 200) }, evidence: [ev.header('Referrer-Policy', clip(all.join(', ')))] }];
    },
  },
  {
    id: 'headers.permissions-policy-missing',
    family: 'headers',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => (headerValue(evidence.headers, 'permissions-policy') === null ? [{ evidence: [ev.headerAbsent('Permissions-Policy')] }] : []),
  },
  {
    id: 'headers.permissions-policy-invalid',
    family: 'headers',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const value = headerValue(evidence.headers, 'permissions-policy');
      if (value === null || parsePermissionsPolicy(value).valid) return [];
      return [{ evidence: [ev.header('Permissions-Policy', clip(value))] }];
    },
  },
  {
    id: 'headers.permissions-policy-open',
    family: 'headers',
    severity: 'medium',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const value = headerValue(evidence.headers, 'permissions-policy');
      if (value === null) return [];
      const open = featuresOpenToAll(parsePermissionsPolicy(value));
      return open.length ? [{ params: { features: open.join(', ') }, evidence: [ev.header('Permissions-Policy', clip(value))] }] : [];
    },
  },
  {
    id: 'headers.coop-missing',
    family: 'headers',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => (headerValues(evidence.headers, 'cross-origin-opener-policy').length ? [] : [{ evidence: [ev.headerAbsent('Cross-Origin-Opener-Policy')] }]),
  },
  {
    id: 'headers.corp-missing',
    family: 'headers',
    severity: 'info',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => (headerValues(evidence.headers, 'cross-origin-resource-policy').length ? [] : [{ evidence: [ev.headerAbsent('Cross-Origin-Resource-Policy')] }]),
  },
  {
    id: 'headers.cross-origin-invalid',
    family: 'headers',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) =>
      CROSS_ORIGIN.flatMap(([name, parse]) => {
        const list = headerValues(evidence.headers, name);
        if (list.length === 0 || parse(list) !== null) return [];
        return [{ subject: name.toLowerCase(), params: { header: name, value: list.join(', ').slice(0, 200) }, evidence: [ev.header(name, clip(list.join(', ')))] }];
      }),
  },
  {
    id: 'headers.cors-credentials-any-origin',
    family: 'headers',
    severity: 'high',
    priority: 'P1',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const cors = corsAnalysis(evidence);
      if (!cors || (cors.access !== 'universal' && !cors.wildcardWithCredentials)) return [];
      return [{
        // `*` with credentials is refused by browsers: a misunderstanding to fix, not an open door.
        ...(cors.wildcardWithCredentials ? { severity: 'medium' as const, priority: 'P2' as const } : {}),
        params: { origin: clip(cors.allowOrigin ?? '', 200) },
        evidence: [
          ev.header('Access-Control-Allow-Origin', clip(cors.allowOrigin ?? '')),
          ev.header('Access-Control-Allow-Credentials', 'true'),
          ...(evidence.cors ? [{ label: 'evidence.request-origin', value: evidence.cors.origin }] : []),
        ],
      }];
    },
  },
  {
    id: 'headers.sri-missing',
    family: 'headers',
    severity: 'medium',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['page'],
    check: (evidence) => {
      const page = evidence.page!;
      const missing = checkScripts(page.url, page.scripts).filter((s) => !s.local && !s.integrity);
      if (missing.length === 0) return [];
      return [{ params: { count: missing.length }, evidence: missing.slice(0, 20).map((s) => ev.script(s.src)) }];
    },
  },
  {
    id: 'headers.sri-crossorigin-missing',
    family: 'headers',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['page'],
    check: (evidence) => {
      const page = evidence.page!;
      const broken = checkScripts(page.url, page.scripts).filter((s) => !s.local && s.integrity && !s.crossOrigin);
      if (broken.length === 0) return [];
      return [{ params: { count: broken.length }, evidence: broken.slice(0, 20).map((s) => ev.script(s.src)) }];
    },
  },
]);
