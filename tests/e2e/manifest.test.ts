/**
 * The published build asks for the least at install (activeTab, scripting, storage; no host
 * access, no content script on every page) and keeps its keyboard shortcut; the test build
 * differs only by access to the loopback test hosts (and, granted up front since automation
 * cannot click a prompt, permissions the published build declares as optional).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_BUILD_DIR, ROOT, TEST_BUILD_DIR } from './harness.mjs';

type Manifest = {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  commands?: Record<string, { suggested_key?: Record<string, string> }>;
  [key: string]: unknown;
};

const read = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const published = read(PUBLISHED_BUILD_DIR);
const testBuild = read(TEST_BUILD_DIR);

describe('published manifest', () => {
  it('asks exactly for activeTab, scripting and storage at install', () => {
    expect(published.manifest_version).toBe(3);
    expect([...(published.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
  });

  it('has no host permission and no content script declared for any page', () => {
    expect(published.host_permissions).toBeUndefined();
    expect((published.content_scripts ?? []).filter((cs) => (cs.matches ?? []).length > 0)).toEqual([]);
    expect(JSON.stringify(published.permissions)).not.toMatch(/<all_urls>|\*:\/\//);
  });

  it('opens the popup with a keyboard shortcut', () => {
    const command = published.commands?._execute_action;
    expect(command?.suggested_key?.default).toMatch(/^(Alt|Ctrl|Command|MacCtrl)\+/);
  });
});

describe('test manifest', () => {
  it('adds access to the loopback test hosts only', () => {
    expect(testBuild.host_permissions?.length).toBeGreaterThan(0);
    for (const pattern of testBuild.host_permissions ?? []) expect(pattern).toMatch(/^https?:\/\/(\*\.test|127\.0\.0\.1|localhost)\/\*$/);
  });

  it('adds no permission the published build does not already declare, at least as optional', () => {
    const declared = new Set([...(published.permissions ?? []), ...(published.optional_permissions ?? [])]);
    for (const permission of testBuild.permissions ?? []) expect(declared).toContain(permission);
    for (const permission of published.permissions ?? []) expect(testBuild.permissions).toContain(permission);
  });

  it('is otherwise the published manifest', () => {
    const strip = ({ host_permissions: _h, permissions: _p, ...rest }: Manifest) => rest;
    expect(strip(testBuild)).toEqual(strip(published));
  });
});

describe('licences in the package', () => {
  it('ships LICENSE, NOTICE and THIRD-PARTY-NOTICES.txt at the root, identical to the repository\'s', () => {
    for (const name of ['LICENSE', 'NOTICE', 'THIRD-PARTY-NOTICES.txt']) {
      expect(readFileSync(join(PUBLISHED_BUILD_DIR, name), 'utf8'), name).toBe(readFileSync(join(ROOT, name), 'utf8'));
    }
  });
});
