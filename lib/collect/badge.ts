import { browser } from 'wxt/browser';
import type { Grade } from '../audit/schema';

const GRADE_COLOURS: Record<string, string> = { A: '#1a7f37', B: '#4d7c0f', C: '#b45309', D: '#c2410c', F: '#b91c1c' };

/** Shows the audit's grade on the toolbar icon, for that tab only. */
/** `null` when the headers were not measured: a question mark rather than a grade nobody earned. */
export async function setGradeBadge(tabId: number, grade: Grade | null): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await action.setBadgeText({ tabId, text: grade ?? '?' });
    await action.setBadgeBackgroundColor({ tabId, color: grade ? GRADE_COLOURS[grade[0]!] ?? '#555' : '#555' });
  } catch {
    // The tab may have closed since the scan; the badge is a convenience.
  }
}
