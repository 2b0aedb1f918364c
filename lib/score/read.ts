/** Evidence accessors shared by the score tests: header values and <meta http-equiv> values. */
import { headerValues, type Evidence, type HeadersEvidence } from '../evidence/schema';

export function values(headers: HeadersEvidence | null, name: string): string[] {
  return headerValues(headers, name);
}

export function metaValues(evidence: Evidence, name: string): string[] {
  const wanted = name.toLowerCase();
  return (evidence.page?.metaHttpEquiv ?? []).filter((m) => m.name.trim().toLowerCase() === wanted).map((m) => m.content);
}

export function isHttpsUrl(url: string | undefined): boolean {
  return (url ?? '').trim().toLowerCase().startsWith('https:');
}
