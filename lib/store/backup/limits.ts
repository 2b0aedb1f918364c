/** Bounds checked before and while a backup file is read, so a hostile file cannot exhaust memory. */
export interface BackupLimits {
  /** Size of the file as given (compressed or not). */
  maxFileBytes: number;
  /** Size of the JSON text once decompressed. */
  maxTextBytes: number;
  /** Nesting of arrays and objects; an audit needs about 10. */
  maxDepth: number;
  maxAudits: number;
  maxChecklists: number;
  maxAgencyFields: number;
}

export const BACKUP_LIMITS: BackupLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  // Below the longest string JavaScript engines build (about 512 MiB in V8).
  maxTextBytes: 256 * 1024 * 1024,
  maxDepth: 40,
  maxAudits: 50_000,
  maxChecklists: 10_000,
  maxAgencyFields: 50_000,
};
