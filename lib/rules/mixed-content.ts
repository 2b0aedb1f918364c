import type { EvidenceItem } from '../audit/schema';
import { redactUrl } from '../audit/redact';
import type { Evidence } from '../evidence/schema';
import { findMixedContent, insecureForms, upgradeInsecureRequests, type MixedItem } from '../hints/mixed-content';
import { defineRules, type RuleHit } from './types';

/** Addresses listed per finding; the rest are counted. */
const MAX_LISTED = 15;

function policyEvidence(evidence: Evidence): EvidenceItem {
  const where = upgradeInsecureRequests(evidence);
  if (where.length > 0) return { label: 'evidence.mixed.uir-set', value: where.join(', ') };
  if (evidence.headers === null) return { label: 'evidence.mixed.uir-headers-unknown', value: 'Content-Security-Policy' };
  return { label: 'evidence.mixed.uir-absent', value: 'upgrade-insecure-requests' };
}

function listed(items: MixedItem[]): EvidenceItem[] {
  // What really loaded over http:// first: it is the strongest fact.
  const order = ['loaded-http', 'blocked-expected', 'upgrade-expected', 'loaded-https', 'upgraded-by-policy'];
  const sorted = [...items].sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
  const out: EvidenceItem[] = sorted.slice(0, MAX_LISTED).map((i) => ({ label: `evidence.mixed.${i.outcome}`, value: `${i.kind}: ${redactUrl(i.url)}` }));
  if (items.length > MAX_LISTED) out.push({ label: 'evidence.mixed.more', value: String(items.length - MAX_LISTED) });
  return out;
}

function hitFor(items: MixedItem[], evidence: Evidence, extra: Partial<RuleHit> = {}): RuleHit[] {
  if (items.length === 0) return [];
  return [{ params: { count: items.length }, evidence: [...listed(items), policyEvidence(evidence)], ...extra }];
}

export const mixedContentRules = defineRules([
  {
    id: 'mixed-content.active',
    family: 'mixed-content',
    severity: 'high',
    priority: 'P1',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['page'],
    check: (evidence) => hitFor(findMixedContent(evidence).filter((i) => i.cls === 'active' && i.outcome !== 'upgraded-by-policy'), evidence),
  },
  {
    id: 'mixed-content.passive',
    family: 'mixed-content',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['page'],
    check: (evidence) => {
      const items = findMixedContent(evidence).filter((i) => i.cls === 'passive' && i.outcome !== 'upgraded-by-policy');
      // Seen loading unencrypted: someone on the network could swap or watch these images.
      const loadedInsecurely = items.some((i) => i.outcome === 'loaded-http');
      return hitFor(items, evidence, loadedInsecurely ? { severity: 'medium', priority: 'P2' } : {});
    },
  },
  {
    id: 'mixed-content.form-insecure',
    family: 'mixed-content',
    severity: 'high',
    priority: 'P1',
    dimension: 'security',
    checklistPoint: 'A3',
    requires: ['page'],
    check: (evidence) => {
      const forms = insecureForms(evidence).filter((f) => !f.upgraded);
      if (forms.length === 0) return [];
      return [{
        params: { count: forms.length },
        evidence: [
          ...forms.slice(0, MAX_LISTED).map((f) => ({ label: 'evidence.mixed.form-http', value: `${f.method.toUpperCase()} ${redactUrl(f.action)}` })),
          ...(forms.length > MAX_LISTED ? [{ label: 'evidence.mixed.more', value: String(forms.length - MAX_LISTED) }] : []),
          policyEvidence(evidence),
        ],
      }];
    },
  },
  {
    id: 'mixed-content.upgraded-by-policy',
    family: 'mixed-content',
    severity: 'info',
    priority: 'P3',
    dimension: 'preventive',
    checklistPoint: 'A3',
    requires: ['page'],
    check: (evidence) => {
      const items = findMixedContent(evidence).filter((i) => i.outcome === 'upgraded-by-policy');
      const forms = insecureForms(evidence).filter((f) => f.upgraded);
      const count = items.length + forms.length;
      if (count === 0) return [];
      return [{
        params: { count },
        evidence: [
          ...listed(items),
          ...forms.slice(0, MAX_LISTED).map((f) => ({ label: 'evidence.mixed.form-upgraded', value: `${f.method.toUpperCase()} ${redactUrl(f.action)}` })),
          policyEvidence(evidence),
        ],
      }];
    },
  },
]);
