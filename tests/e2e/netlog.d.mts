/** Types of netlog.mjs, for the TypeScript tests. */
export interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{ type: number; time?: string; source?: unknown; phase?: number; params?: Record<string, unknown> }>;
}
export interface HostAttempt {
  event: string;
  host: string;
  detail: string;
}
export function parseNetLog(text: string): NetLog;
export function readNetLog(path: string): NetLog;
export function hostOf(value: string): string | null;
export function isLocalTestHost(host: string): boolean;
export function hostAttempts(log: NetLog): HostAttempt[];
export function foreignAttempts(log: NetLog, allowed?: (host: string) => boolean): HostAttempt[];
