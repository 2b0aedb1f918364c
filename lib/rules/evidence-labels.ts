/** Small helpers that build evidence items with their i18n labels. */
import type { EvidenceItem } from '../audit/schema';

export const ev = {
  header: (name: string, value: string): EvidenceItem => ({ label: 'evidence.header', value: `${name}: ${value}` }),
  headerAbsent: (name: string): EvidenceItem => ({ label: 'evidence.header-absent', value: name }),
  url: (value: string): EvidenceItem => ({ label: 'evidence.url', value }),
  script: (value: string): EvidenceItem => ({ label: 'evidence.script', value }),
  global: (path: string, value: string): EvidenceItem => ({ label: 'evidence.global', value: `${path} = ${value}` }),
  headerSource: (value: string): EvidenceItem => ({ label: 'evidence.header-source', value }),
};
