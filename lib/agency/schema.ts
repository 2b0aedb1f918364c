/**
 * The agency profile shown in report headers and proposal summaries. Typed by the user in the
 * options page and kept in `browser.storage.local`; the logo stays local as a bounded data: URL.
 */
import { z } from 'zod';

export const AGENCY_STORAGE_KEY = 'agencyProfile';

/** About 150 KB of base64: enough for a header logo, small enough for storage and clipboard pastes. */
export const LOGO_MAX_CHARS = 200_000;

/** Raster images only: an SVG can carry scripts and external references. */
const LOGO_DATA_URL = /^data:image\/(?:png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;

export function isSafeLogoDataUrl(value: string): boolean {
  return value.length <= LOGO_MAX_CHARS && LOGO_DATA_URL.test(value);
}

export function isWebsiteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const oneLine = (max: number) => z.string().trim().max(max).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'control characters');

export const AgencyProfile = z.object({
  name: oneLine(120).min(1),
  contact: oneLine(300).optional(),
  website: z.string().trim().max(500).refine(isWebsiteUrl, 'an http(s) address').optional(),
  logo: z.string().max(LOGO_MAX_CHARS).refine(isSafeLogoDataUrl, 'a PNG, JPEG, WebP or GIF data: URL').optional(),
});
export type AgencyProfile = z.infer<typeof AgencyProfile>;

/** Reads a stored profile; anything invalid is treated as no profile rather than trusted. */
export function parseAgencyProfile(raw: unknown): AgencyProfile | null {
  const parsed = AgencyProfile.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
