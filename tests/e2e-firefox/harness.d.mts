/** Types of harness.mjs, for the TypeScript tests. */
import type { Browser, Page } from 'puppeteer-core';

export const ROOT: string;
export const FIREFOX_E2E_BUILD_DIR: string;
export const FIREFOX_PATH: string;
export const GECKO_ID: string;
export const FIXED_UUID: string;
/** moz-extension://<fixed uuid> */
export const EXTENSION_BASE: string;

export interface VigieFirefox {
  browser: Browser;
  controlPage: Page;
  base: string;
  openTab(url: string): Promise<number>;
  openExtensionPage(path: string): Promise<Page>;
  closeTab(tabId: number): Promise<void>;
  tabUrl(tabId: number): Promise<string>;
  scan(tabId: number): Promise<unknown>;
  badgeText(tabId: number): Promise<string>;
  manifest(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export function launchVigieFirefox(options?: { extensionDir?: string; headless?: boolean; httpsProxyPort?: number }): Promise<VigieFirefox>;
