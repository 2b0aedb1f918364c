import type { EvidenceItem } from '../audit/schema';
import { redactUrl } from '../audit/redact';
import type { SecurityTxtEvidence } from '../evidence/schema';
import { detectMonitoring } from '../hints/monitoring';
import { checkSecurityTxt, fieldValues, type SecurityTxtCheck, type SecurityTxtProblem } from '../securitytxt';
import { ev } from './evidence-labels';
import { defineRules } from './types';

type Found = Extract<SecurityTxtCheck, { found: true }>;

function problemDetail(check: Found, problem: SecurityTxtProblem, file: SecurityTxtEvidence): string {
  switch (problem) {
    case 'expired':
    case 'bad-expires':
    case 'multiple-expires':
      return fieldValues(check.parsed, 'expires').slice(0, 3).join(' | ');
    case 'contact-not-uri':
    case 'contact-insecure-web':
      return check.contacts.slice(0, 3).join(' | ');
    case 'wrong-content-type':
    case 'wrong-charset':
      return file.contentType || '—';
    case 'not-https':
      return redactUrl(file.url);
    case 'invalid-lines':
      return check.parsed.invalidLines.join(', ');
    case 'no-contact':
    case 'no-expires':
    case 'multiple-preferred-languages':
    case 'signature-malformed':
      return 'security.txt';
  }
}

function fileEvidence(check: Found, url: string): EvidenceItem[] {
  const items: EvidenceItem[] = [ev.url(url)];
  for (const contact of check.contacts.slice(0, 5)) items.push({ label: 'evidence.securitytxt.contact', value: contact });
  if (check.expires) items.push({ label: 'evidence.securitytxt.expires', value: check.expires.toISOString() });
  items.push(check.parsed.signed
    ? { label: 'evidence.securitytxt.signed', value: check.parsed.signatureHash ?? 'OpenPGP' }
    : { label: 'evidence.securitytxt.unsigned', value: 'security.txt' });
  for (const warning of check.warnings) items.push({ label: `evidence.securitytxt.${warning}`, value: warning === 'canonical-mismatch' ? fieldValues(check.parsed, 'canonical').slice(0, 3).join(' | ') : 'security.txt' });
  return items;
}

/** The security.txt rules inform E7 from the one well-known fetch. */
const E7 = { family: 'supervision', priority: 'P3', dimension: 'security', checklistPoint: 'E7', requires: ['securityTxt'] } as const;

export const supervisionRules = defineRules([
  {
    id: 'supervision.monitoring-detected',
    family: 'supervision',
    severity: 'info',
    priority: 'P3',
    dimension: 'supervision',
    checklistPoint: 'B3',
    requires: ['page'],
    check: (evidence) =>
      detectMonitoring(evidence).map((hint) => ({
        subject: hint.tool,
        params: { tool: hint.name },
        evidence: hint.seen.map(({ url, from }) => (from === 'script' ? ev.script(url) : { label: 'evidence.supervision.beacon', value: url })),
      })),
  },
  {
    id: 'supervision.no-error-tracking',
    family: 'supervision',
    severity: 'low',
    priority: 'P3',
    dimension: 'supervision',
    checklistPoint: 'B3',
    requires: ['page'],
    check: (evidence) => {
      if (detectMonitoring(evidence).length > 0) return [];
      const page = evidence.page!;
      return [{
        evidence: [
          { label: 'evidence.supervision.scripts-checked', value: String(page.scripts.length) },
          { label: 'evidence.supervision.requests-checked', value: String(page.resources.length) },
          { label: 'evidence.supervision.server-side-unseen', value: 'server' },
        ],
      }];
    },
  },
  {
    id: 'supervision.security-txt-missing',
    ...E7,
    severity: 'low',
    check: (evidence, ctx) => {
      const file = evidence.securityTxt!;
      const check = checkSecurityTxt(file, ctx.now);
      if (check.found) return [];
      return [{
        evidence: [
          ev.url(redactUrl(file.url)),
          { label: 'evidence.securitytxt.status', value: String(file.status) },
          ...(file.contentType ? [{ label: 'evidence.securitytxt.content-type', value: file.contentType }] : []),
          ...(check.reason === 'not-a-text-file' ? [{ label: 'evidence.securitytxt.not-a-text-file', value: file.contentType || '—' }] : []),
        ],
      }];
    },
  },
  {
    id: 'supervision.security-txt-invalid',
    ...E7,
    severity: 'low',
    check: (evidence, ctx) => {
      const file = evidence.securityTxt!;
      const check = checkSecurityTxt(file, ctx.now);
      if (!check.found || check.problems.length === 0) return [];
      return [{
        params: { count: check.problems.length },
        evidence: [
          ...check.problems.map((p) => ({ label: `evidence.securitytxt.${p}`, value: problemDetail(check, p, file) })),
          ...fileEvidence(check, redactUrl(file.url)),
        ],
      }];
    },
  },
  {
    id: 'supervision.security-txt-valid',
    ...E7,
    severity: 'info',
    check: (evidence, ctx) => {
      const file = evidence.securityTxt!;
      const check = checkSecurityTxt(file, ctx.now);
      if (!check.found || check.problems.length > 0) return [];
      return [{ evidence: fileEvidence(check, redactUrl(file.url)) }];
    },
  },
]);
