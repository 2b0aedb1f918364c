/**
 * Puts an export on the clipboard: rich HTML and its plain-text twin in one ClipboardItem, so a
 * paste into Docs, Word or an email keeps headings and tables, and a paste into a plain field gets
 * clean text. Falls back to text only where ClipboardItem is missing. Dependencies are injectable
 * for tests.
 */
export interface ClipboardPayload {
  html?: string;
  text: string;
}

export interface ClipboardDeps {
  clipboard: Pick<Clipboard, 'writeText'> & Partial<Pick<Clipboard, 'write'>>;
  ClipboardItem?: typeof ClipboardItem;
}

function defaultDeps(): ClipboardDeps {
  return { clipboard: navigator.clipboard, ...(typeof ClipboardItem === 'function' ? { ClipboardItem } : {}) };
}

/** Resolves with what was written: both flavours, or the text only. Rejects when the browser refuses. */
export async function writeToClipboard(payload: ClipboardPayload, deps: ClipboardDeps = defaultDeps()): Promise<'rich' | 'text'> {
  const { clipboard, ClipboardItem: Item } = deps;
  if (payload.html !== undefined && Item && clipboard.write) {
    await clipboard.write([
      new Item({
        'text/html': new Blob([payload.html], { type: 'text/html' }),
        'text/plain': new Blob([payload.text], { type: 'text/plain' }),
      }),
    ]);
    return 'rich';
  }
  await clipboard.writeText(payload.text);
  return 'text';
}
