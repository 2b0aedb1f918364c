/**
 * Follows redirects by hand, hop by hop, so every hop's status and headers are seen (the http://
 * variant, cookies set on the way). Bounded in hops; a loop is recognised as soon as an address
 * comes back. Only http(s) targets are followed.
 */
import { LIMITS } from '../../lib/evidence/limits';
import { boundedRequest, FetchError, type BoundedResponse, type RequestOptions } from './http';

export const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  url: string;
  status: number;
}

export type ChainEnd =
  | { kind: 'response'; response: BoundedResponse }
  | { kind: 'loop'; url: string }
  | { kind: 'too-many' }
  | { kind: 'bad-location'; location: string }
  | { kind: 'error'; error: FetchError };

export interface Chain {
  hops: Hop[];
  /** Every response received, redirects included, in order. */
  responses: BoundedResponse[];
  /** The address of the last request made (the one that failed, when the chain ends in an error). */
  lastUrl: string;
  end: ChainEnd;
}

export function isRedirect(response: Pick<BoundedResponse, 'status' | 'headers'>): boolean {
  return REDIRECT_STATUSES.has(response.status) && locationOf(response) !== null;
}

function locationOf(response: Pick<BoundedResponse, 'headers'>): string | null {
  const found = response.headers.find(([name]) => name.toLowerCase() === 'location');
  return found ? found[1] : null;
}

export async function followRedirects(start: URL, options: RequestOptions, maxRedirects = MAX_REDIRECTS): Promise<Chain> {
  const hops: Hop[] = [];
  const responses: BoundedResponse[] = [];
  const seen = new Set<string>();
  let current = start;
  for (;;) {
    seen.add(current.href);
    let response: BoundedResponse;
    try {
      response = await boundedRequest(current, { ...options, wantBody: (status) => !REDIRECT_STATUSES.has(status) });
    } catch (error) {
      const failure = error instanceof FetchError ? error : new FetchError('network', String((error as Error)?.message ?? error).slice(0, 200));
      return { hops, responses, lastUrl: current.href, end: { kind: 'error', error: failure } };
    }
    hops.push({ url: current.href, status: response.status });
    responses.push(response);
    if (!isRedirect(response)) return { hops, responses, lastUrl: current.href, end: { kind: 'response', response } };
    const location = locationOf(response)!;
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { hops, responses, lastUrl: current.href, end: { kind: 'bad-location', location: location.slice(0, 300) } };
    }
    if ((next.protocol !== 'http:' && next.protocol !== 'https:') || next.href.length > LIMITS.url) return { hops, responses, lastUrl: current.href, end: { kind: 'bad-location', location: location.slice(0, 300) } };
    next.hash = '';
    if (seen.has(next.href)) return { hops, responses, lastUrl: current.href, end: { kind: 'loop', url: next.href } };
    if (hops.length > maxRedirects) return { hops, responses, lastUrl: current.href, end: { kind: 'too-many' } };
    current = next;
  }
}
