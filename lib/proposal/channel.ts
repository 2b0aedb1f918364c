/**
 * The single request channel: recommended when the checklist says requests are not tracked
 * (E1 KO or unknown), or when signal S1 is raised.
 */
import type { Audit } from '../audit/schema';

export type ChannelAdvice = { recommend: false } | { recommend: true; because: 'ko' | 'unknown' | 'signal' };

export function requestChannelAdvice(audit: Pick<Audit, 'checklist' | 'signals'>): ChannelAdvice {
  const e1 = audit.checklist.points.find((p) => p.id === 'E1');
  if (e1?.status === 'ko') return { recommend: true, because: 'ko' };
  if (audit.signals.some((s) => s.id === 'S1' && s.state === 'raised')) return { recommend: true, because: 'signal' };
  if (!e1 || e1.status === 'unknown') return { recommend: true, because: 'unknown' };
  return { recommend: false };
}
