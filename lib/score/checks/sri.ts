/** The Observatory's Subresource Integrity test, from the scripts the page loads. */
import type { Evidence } from '../../evidence/schema';
import { checkScripts } from '../../headers/sri';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';
import { values } from '../read';

function isHtml(evidence: Evidence): boolean {
  const type = (values(evidence.headers, 'content-type')[0] ?? evidence.page?.contentType ?? '').toLowerCase();
  return type === '' || type.includes('html');
}

export function sriResult(evidence: Evidence): string {
  const page = evidence.page;
  if (!page) return evidence.headers && !isHtml(evidence) ? 'sri-not-implemented-response-not-html' : NOT_MEASURED;
  if (!isHtml(evidence)) return 'sri-not-implemented-response-not-html';
  const scripts = checkScripts(page.url, page.scripts);
  if (scripts.length === 0) return 'sri-not-implemented-but-no-scripts-loaded';
  const external = scripts.filter((s) => !s.local);
  if (external.length === 0) {
    return scripts.some((s) => s.integrity) ? 'sri-implemented-and-all-scripts-loaded-securely' : 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin';
  }
  const allIntegrity = external.every((s) => s.integrity);
  const allSecure = external.every((s) => s.secure);
  if (allIntegrity) return allSecure ? 'sri-implemented-and-external-scripts-loaded-securely' : 'sri-implemented-but-external-scripts-not-loaded-securely';
  return allSecure ? 'sri-not-implemented-but-external-scripts-loaded-securely' : 'sri-not-implemented-and-external-scripts-not-loaded-securely';
}

export function sriTest(evidence: Evidence): TestOutcome {
  return outcome('subresource-integrity', sriResult(evidence));
}
