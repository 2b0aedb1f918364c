/**
 * The knowledge base in the extension: the packaged files (kb/*.json, not code: no page loads
 * them) read by the background on its first scan, then kept for the service worker's life.
 */
import { browser } from 'wxt/browser';
import type { KnowledgeBase } from '../kb/knowledge';
import { loadKnowledgeBase } from '../kb/load';

let loading: Promise<KnowledgeBase> | null = null;

export function extensionKnowledgeBase(): Promise<KnowledgeBase> {
  loading ??= loadKnowledgeBase(async (name) => {
    const response = await fetch(browser.runtime.getURL(`/kb/${name}` as '/popup.html'));
    if (!response.ok) throw new Error(`kb/${name}: ${response.status}`);
    return response.text();
  }).catch((error: unknown) => {
    // A failed read must not stick: the next scan tries again.
    loading = null;
    throw error;
  });
  return loading;
}
