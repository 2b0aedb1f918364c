import type { EvidenceItem } from '../audit/schema';
import { headerValue, headerValues, type Evidence } from '../evidence/schema';
import { HSTS_ONE_YEAR, HSTS_SIX_MONTHS, parseHsts } from '../headers/hsts';
import { hostOf } from '../headers/site';
import { clip } from '../headers/clip';
import { ev } from './evidence-labels';
import { defineRules } from './types';

function isHttps(url: string): boolean {
  return url.toLowerCase().startsWith('https:');
}

const DAY = 86_400_000;
const STS = 'Strict-Transport-Security';

/** The HSTS header of an https:// response, parsed; null when absent or when the page is not https. */
function hstsOf(evidence: Evidence) {
  if (!evidence.headers || !isHttps(evidence.headers.url)) return null;
  const values = headerValues(evidence.headers, 'strict-transport-security');
  if (values.length === 0) return null;
  const raw = values.join(', ');
  return { raw, parsed: parseHsts(raw) };
}

const hop = (url: string, status?: number): EvidenceItem => ({ label: 'evidence.redirect-hop', value: status === undefined ? url : `${status} ${url}` });

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
    id: 'transport.http-no-redirect',
    family: 'transport',
    severity: 'high',
    priority: 'P1',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['httpVariant'],
    check: (evidence) => {
      const v = evidence.httpVariant!;
      if (v.outcome === 'redirected-to-https' || v.outcome === 'unreachable') return [];
      const final = v.finalUrl ?? v.url;
      if (isHttps(final)) return [];
      return [{ params: { url: clip(v.url, 300), final: clip(final, 300) }, evidence: [ev.url(v.url), ...v.hops.slice(0, 10).map((h) => hop(h.url, h.status)), ...(v.hops.length ? [] : [hop(final)])] }];
    },
  },
  {
    id: 'transport.redirect-indirect',
    family: 'transport',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['httpVariant'],
    // The first redirect goes to http:// again, or straight to another host, so the browser never
    // receives HSTS for the address the visitor typed. Exact hop by hop (CLI).
    check: (evidence) => {
      const { hops, url, finalUrl } = evidence.httpVariant!;
      if (hops.length === 0 && finalUrl && isHttps(finalUrl)) {
        // The browser sees only the end: an https page on another site cannot have been reached
        // through the same host over https first.
        const site = (u: string) => (hostOf(u) ?? '').replace(/^www\./, '');
        return site(finalUrl) === site(url) ? [] : [{ params: { url: clip(url, 300), first: clip(finalUrl, 300) }, evidence: [ev.url(url), hop(finalUrl)] }];
      }
      if (hops.length < 2 || !isHttps(hops[hops.length - 1]!.url)) return [];
      const first = hops[1]!;
      if (isHttps(first.url) && hostOf(first.url) === hostOf(hops[0]!.url)) return [];
      return [{ params: { url: clip(url, 300), first: clip(first.url, 300) }, evidence: hops.slice(0, 10).map((h) => hop(h.url, h.status)) }];
    },
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
      return [{ evidence: [ev.headerAbsent(STS), ev.url(evidence.headers!.url)] }];
    },
  },
  {
    id: 'transport.hsts-malformed',
    family: 'transport',
    severity: 'high',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['headers'],
    check: (evidence) => {
      const hsts = hstsOf(evidence);
      if (!hsts || hsts.parsed.valid) return [];
      return [{ params: { problem: hsts.parsed.problems[0] ?? 'no-max-age' }, evidence: [ev.header(STS, clip(hsts.raw))] }];
    },
  },
  {
    id: 'transport.hsts-short',
    family: 'transport',
    severity: 'medium',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['headers'],
    check: (evidence) => {
      const hsts = hstsOf(evidence);
      const maxAge = hsts?.parsed.maxAge;
      if (!hsts || maxAge === null || maxAge === undefined || maxAge >= HSTS_ONE_YEAR) return [];
      // Vigie recommends one year; below the Observatory's six months it also costs score points.
      const severity = maxAge === 0 ? 'high' : maxAge < HSTS_SIX_MONTHS ? 'medium' : 'low';
      return [{ severity, params: { days: Math.floor(maxAge / 86_400) }, evidence: [ev.header(STS, clip(hsts.raw))] }];
    },
  },
  {
    id: 'transport.hsts-no-subdomains',
    family: 'transport',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['headers'],
    check: (evidence) => {
      const hsts = hstsOf(evidence);
      if (!hsts || !hsts.parsed.valid || hsts.parsed.maxAge === 0 || hsts.parsed.includeSubDomains) return [];
      return [{ evidence: [ev.header(STS, clip(hsts.raw))] }];
    },
  },
  {
    id: 'transport.hsts-not-preload',
    family: 'transport',
    severity: 'info',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['headers'],
    check: (evidence) => {
      const hsts = hstsOf(evidence);
      if (!hsts || !hsts.parsed.valid || hsts.parsed.preload || !hsts.parsed.includeSubDomains) return [];
      return [{ evidence: [ev.header(STS, clip(hsts.raw))] }];
    },
  },
  {
    id: 'transport.tls-expiring',
    family: 'transport',
    severity: 'high',
    priority: 'P1',
    dimension: 'supervision',
    checklistPoint: 'B5',
    requires: ['tls'],
    check: (evidence, ctx) => {
      const tls = evidence.tls!;
      const end = Date.parse(tls.validTo);
      if (Number.isNaN(end)) return [];
      const days = Math.floor((end - ctx.now.getTime()) / DAY);
      if (days > 30) return [];
      const expired = end <= ctx.now.getTime();
      return [{
        ...(expired ? { severity: 'critical' as const, priority: 'P0' as const } : {}),
        params: { days: Math.max(0, days), date: new Date(end).toISOString().slice(0, 10), issuer: tls.issuer.slice(0, 200) },
        evidence: [
          { label: 'evidence.certificate-expiry', value: `${new Date(end).toISOString()} (${days} d)` },
          { label: 'evidence.certificate-issuer', value: tls.issuer },
        ],
      }];
    },
  },
  {
    id: 'transport.tls-untrusted',
    family: 'transport',
    severity: 'critical',
    priority: 'P0',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['tls'],
    // Node reports why a certificate is refused; Firefox's states are "insecure" and "broken".
    check: (evidence) => {
      const tls = evidence.tls!;
      const state = tls.state.toLowerCase();
      const untrusted = ['self-signed', 'untrusted', 'name-mismatch', 'not-yet-valid', 'insecure', 'broken'];
      if (!untrusted.includes(state)) return [];
      return [{
        params: { state: tls.state, issuer: tls.issuer.slice(0, 200) },
        evidence: [
          { label: 'evidence.certificate-state', value: tls.state },
          { label: 'evidence.certificate-issuer', value: tls.issuer },
        ],
      }];
    },
  },
]);
