/**
 * Settings in `browser.storage.local`, validated on every read (bad or missing sections fall back to
 * their defaults) and on every write (an invalid value is refused, never half-saved).
 * The storage area is injectable so the logic is tested without a browser.
 */
import { browser } from 'wxt/browser';
import { StrictSettings, defaultSettings, parseSettings, type Criticality, type Settings } from './schema';

export const SETTINGS_KEY = 'vigie:settings';

export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

function localArea(): SettingsArea {
  return browser.storage.local as unknown as SettingsArea;
}

export async function loadSettings(area: SettingsArea = localArea(), defaults: Settings = defaultSettings()): Promise<Settings> {
  let stored: unknown;
  try {
    stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return defaults;
  }
  return parseSettings(stored, defaults);
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; issues: string[] };

export async function saveSettings(settings: unknown, area: SettingsArea = localArea()): Promise<SaveResult> {
  const parsed = StrictSettings.safeParse(settings);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => i.path.join('.')) };
  await area.set({ [SETTINGS_KEY]: parsed.data });
  return { ok: true, settings: parsed.data as Settings };
}

/** Records the criticality declared for a domain (asked once per domain) and keeps the rest. */
export async function declareCriticality(domain: string, level: Criticality, area: SettingsArea = localArea()): Promise<SaveResult> {
  const current = await loadSettings(area);
  return saveSettings({ ...current, criticality: { ...current.criticality, [domain]: level } }, area);
}
