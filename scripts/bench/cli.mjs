/**
 * CLI throughput and peak memory: `vigie scan --input … --concurrency 16 --format jsonl` against the
 * local weak site (served as 127.0.0.1, over HTTP and HTTPS, each address distinct by its query),
 * peak resident memory of the child read from /proc (VmHWM, the kernel's high-water mark).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSites } from '../../tests/sites/index.mjs';
import { weakSite } from '../../tests/sites/weak.mjs';

/** @param {number} pid @returns {number} bytes, or 0 when the process is gone */
function peakRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}

/**
 * @param {{ root: string, sites: number, concurrency: number }} options
 */
export async function measureCli(options) {
  const cli = join(options.root, 'dist/cli/vigie.mjs');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build:cli first.`);
  const sites = await startSites({ sites: [{ ...weakSite, host: '127.0.0.1' }] });
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-cli-'));
  try {
    const input = join(dir, 'urls.txt');
    const urls = Array.from({ length: options.sites }, (_, i) => sites.url('127.0.0.1', i % 2 ? 'https' : 'http', `/?site=${i}`));
    writeFileSync(input, urls.join('\n') + '\n');
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'scan', '--input', input, '--concurrency', String(options.concurrency), '--format', 'jsonl', '--no-progress', '--insecure', '--timeout', '10s'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let peak = 0;
    const poll = setInterval(() => { peak = Math.max(peak, peakRss(/** @type {number} */ (child.pid))); }, 10);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      peak = Math.max(peak, peakRss(/** @type {number} */ (child.pid)));
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    clearInterval(poll);
    const seconds = (performance.now() - t0) / 1000;
    const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const failed = lines.filter((l) => l.error);
    if (lines.length !== urls.length) throw new Error(`the CLI wrote ${lines.length} lines for ${urls.length} sites (exit ${code}): ${stderr.slice(0, 500)}`);
    return {
      sites: urls.length,
      concurrency: options.concurrency,
      exitCode: code,
      failed: failed.length,
      firstError: failed[0]?.error ?? null,
      seconds: Math.round(seconds * 100) / 100,
      sitesPerMinute: Math.round((urls.length / seconds) * 60),
      peakRssBytes: peak,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sites.stop();
  }
}
