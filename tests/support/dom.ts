/**
 * Waiting for a page in happy-dom tests (docs/testing.md, "How tests wait"): poll for the exact
 * state the test then asserts, inside act() so Preact effects, renders and IndexedDB callbacks run
 * between polls. Never a fixed sleep, and never an assertion on a neighbour of what was waited for.
 */
import { act } from 'preact/test-utils';

/** Resolves with the first truthy value of `probe`; fails with `what` after `timeoutMs`. */
export async function until<T>(probe: () => T | null | undefined | false, what: string | (() => string), timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await act(async () => { await new Promise((r) => setTimeout(r, 10)); });
  }
}

/** The text of the first element matching `selector` under `root`, once it is exactly `text`. */
export function untilText(root: ParentNode, selector: string, text: string, timeoutMs?: number): Promise<Element> {
  return until(() => {
    const el = root.querySelector(selector);
    return el?.textContent === text ? el : null;
  }, () => `${selector} to read "${text}" (it reads ${JSON.stringify(root.querySelector(selector)?.textContent ?? null)})`, timeoutMs);
}
