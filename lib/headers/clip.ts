/** Shortens a page-supplied value for display in evidence (the Audit caps evidence values at 16 KiB). */
export const EVIDENCE_MAX = 4000;

export function clip(value: string, max = EVIDENCE_MAX): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
