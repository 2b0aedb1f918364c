/**
 * Builds the CLI bundle exactly as `npm run build:cli` does (into a temporary file) and runs it in a
 * child process, asynchronously so that the test servers of this process keep answering.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Built {
  bin: string;
  cleanup: () => void;
}

export function buildCli(): Built {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-bin-'));
  const bin = join(dir, 'vigie.mjs');
  execFileSync(process.execPath, [join(ROOT, 'cli', 'build.mjs')], { env: { ...process.env, VIGIE_CLI_OUTFILE: bin }, stdio: ['ignore', 'ignore', 'pipe'] });
  return { bin, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** The test fails rather than waits if the CLI runs longer than this. */
  killAfterMs?: number;
  cwd?: string;
}

export function runCli(bin: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env };
  return runCommand(process.execPath, [bin, ...args], { ...options, env, label: `vigie ${args.join(' ')}` });
}

/** Runs `command` to its exit with exactly `options.env`, collecting its output; killed (and failed) after `killAfterMs`. */
export function runCommand(command: string, args: string[], options: RunOptions & { label?: string } = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.label ?? command} still running after ${options.killAfterMs ?? 30_000} ms\n${stderr}`));
    }, options.killAfterMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
