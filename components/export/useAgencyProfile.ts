/** The agency profile from browser.storage.local (`agencyProfile`), validated; null when absent or invalid. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AGENCY_STORAGE_KEY, parseAgencyProfile, type AgencyProfile } from '../../lib/agency/schema';

export async function loadAgencyProfile(storage: { get: (key: string) => Promise<Record<string, unknown>> } = browser.storage.local): Promise<AgencyProfile | null> {
  try {
    const stored = await storage.get(AGENCY_STORAGE_KEY);
    return parseAgencyProfile(stored[AGENCY_STORAGE_KEY]);
  } catch {
    return null;
  }
}

export function useAgencyProfile(): AgencyProfile | null {
  const [agency, setAgency] = useState<AgencyProfile | null>(null);
  useEffect(() => {
    void loadAgencyProfile().then(setAgency);
  }, []);
  return agency;
}
