import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { writeToClipboard, type ClipboardDeps, type ClipboardPayload } from './clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

export interface CopyButtonProps {
  label: string;
  /** Built on click, so the export reflects the language and level chosen at that moment. */
  payload: () => ClipboardPayload;
  testId?: string;
  deps?: ClipboardDeps;
  /** How long the confirmation stays (ms). */
  confirmFor?: number;
}

/** A copy button that says "Copied" (or why not) in a live region, then returns to rest. */
export function CopyButton({ label, payload, testId, deps, confirmFor = 2500 }: CopyButtonProps) {
  const { t } = useT();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await writeToClipboard(payload(), deps);
      setState('copied');
    } catch {
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), confirmFor);
  };

  return (
    <span class="copy-button">
      <button type="button" onClick={() => void copy()} data-testid={testId} data-state={state}>
        {label}
      </button>
      <span role="status" aria-live="polite" class={`copy-status ${state}`}>
        {state === 'copied' ? t('export.ui.copied') : state === 'failed' ? t('export.ui.copyFailed') : ''}
      </span>
    </span>
  );
}
