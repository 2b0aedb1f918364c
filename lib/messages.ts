/** The messages extension pages send to the background (architecture.md, "The scan message"). */
import { z } from 'zod';
import type { Audit } from './audit/schema';
import type { ScanErrorCode } from './collect/scan-tab';
import { ChecklistAnswers } from './diagnosis/answers';

export const ScanRequest = z.object({ type: z.literal('vigie:scan'), tabId: z.number().int().min(0) });
export const ChecklistRequest = z.object({
  type: z.literal('vigie:checklist'),
  domain: z.string().min(1).max(253),
  answers: ChecklistAnswers,
});
export const VigieRequest = z.discriminatedUnion('type', [ScanRequest, ChecklistRequest]);
export type VigieRequest = z.infer<typeof VigieRequest>;

export type VigieErrorCode = ScanErrorCode | 'invalid-request' | 'no-audit' | 'storage';

export interface VigieError {
  code: VigieErrorCode;
  message: string;
  messageKey: string;
  params: Record<string, string>;
}

export type ScanResponse =
  | { ok: true; audit: Audit; previous: { id: string; startedAt: string; score: number; grade: string } | null }
  | { ok: false; error: VigieError };

export type ChecklistResponse = { ok: true; audit: Audit } | { ok: false; error: VigieError };

/** Only the extension's own pages may drive it; content scripts and web pages may not. */
export function isFromExtensionPage(sender: { id?: string; url?: string; origin?: string }, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  try {
    // Scheme and host, not text: chrome-extension://<id>.evil.test/ must not pass for
    // chrome-extension://<id>/ (URL.origin is "null" for these schemes in some engines, so it is not used).
    const from = new URL(sender.origin ?? sender.url ?? '');
    const own = new URL(extensionOrigin);
    return own.host !== '' && from.protocol === own.protocol && from.host === own.host;
  } catch {
    return false;
  }
}
