/** The Observatory's CORS test: the response to a request sent with an Origin header. */
import type { Evidence } from '../../evidence/schema';
import { analyseCors } from '../../headers/cors';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';

export function corsAnalysis(evidence: Evidence) {
  const pairs = evidence.cors?.headers ?? evidence.headers?.headers ?? null;
  if (pairs === null) return null;
  const get = (name: string) => pairs.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
  return analyseCors(get('access-control-allow-origin'), get('access-control-allow-credentials'), evidence.cors?.origin ?? null);
}

export function corsTest(evidence: Evidence): TestOutcome {
  const cors = corsAnalysis(evidence);
  if (cors === null) return outcome('cross-origin-resource-sharing', NOT_MEASURED);
  const result = cors.access === 'none' ? 'cross-origin-resource-sharing-not-implemented'
    : `cross-origin-resource-sharing-implemented-with-${cors.access}-access`;
  return outcome('cross-origin-resource-sharing', result);
}
