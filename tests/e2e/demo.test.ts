/** `npm run demo` on a machine without a display: says so, prints the demo site's audit, exits 0. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './harness.mjs';

it('prints the audit of the demo site from a headless Chromium when there is no display', () => {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const out = run.stdout;
  expect(out).toContain('No display is available');
  expect(out).toMatch(/Vigie audit of http:\/\/weak\.test:\d+\//);
  expect(out).toMatch(/^Grade (A\+|[A-DF][+-]?) — \d+\/100/m);
  expect(out).toContain('Server: Apache/2.4.29 (Ubuntu)');
  expect(out).toContain('X-Powered-By: PHP/7.2.24');
  expect(out).toMatch(/jQuery 1\.12\.4/);
}, 150_000);
