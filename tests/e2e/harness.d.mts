/** Types of harness.mjs, for the TypeScript tests. */
import type { BrowserContext, Page } from 'playwright-core';

export const ROOT: string;
export const TEST_BUILD_DIR: string;
export const PUBLISHED_BUILD_DIR: string;
export const CHROMIUM_PATH: string;
export const QUIET_FLAGS: string[];
export const PROFILE_PREFERENCES: Record<string, unknown>;
export function newProfileDir(): string;

export interface Vigie {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://<id> */
  base: string;
  controlPage: Page;
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  scan(tabId: number): Promise<unknown>;
  badgeText(tabId: number): Promise<string>;
  close(): Promise<void>;
}

export function launchVigie(options?: { extensionDir?: string; headless?: boolean; netLogPath?: string }): Promise<Vigie>;
