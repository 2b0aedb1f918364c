/** The messages extension pages send to the background (architecture.md, "The scan message"). */
import { z } from 'zod';
import type { Audit } from './audit/schema';
import type { ScanErrorCode } from './collect/scan-tab';

export const ScanRequest = z.object({ type: z.literal('vigie:scan'), tabId: z.number().int().min(0) });
export const VigieRequest = z.discriminatedUnion('type', [ScanRequest]);
export type VigieRequest = z.infer<typeof VigieRequest>;

export type ScanResponse =
  | { ok: true; audit: Audit; previous: { id: string; startedAt: string; score: number; grade: string } | null }
  | { ok: false; error: { code: ScanErrorCode; message: string; messageKey: string; params: Record<string, string> } };

/** Only the extension's own pages may drive it; content scripts and web pages may not. */
export function isFromExtensionPage(sender: { id?: string; url?: string; origin?: string }, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const from = sender.origin ?? sender.url ?? '';
  return from.startsWith(extensionOrigin.replace(/\/$/, ''));
}
