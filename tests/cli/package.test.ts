/**
 * The CLI as a user gets it, with no checkout: `npm pack` at the root (which runs `prepare`, so the
 * bundle is built fresh), the tarball's file list, then `npm install -g --offline` of that tarball
 * into a temporary prefix with an empty npm cache, and the installed `vigie` run from a temporary
 * folder outside the checkout against a local HTTP server.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { isBuiltin } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { ROOT, runCommand, type RunResult } from './helpers/run';

const execFileAsync = promisify(execFile);
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** The files `npm pack` may put in the tarball (dist/cli/data/ is where run-time data files go). */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^NOTICE$/, /^THIRD-PARTY-NOTICES\.txt$/, /^dist\/cli\/vigie\.mjs$/, /^dist\/cli\/data\/[^\s]+$/];
// The knowledge base travels as data (public/kb, about 3.5 MB, 0.7 MB compressed), next to a bundle of about 1.5 MB.
const MAX_TARBALL_BYTES = 2_000_000;
const MAX_UNPACKED_BYTES = 8_000_000;

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number; mode: number }[];
}

let tmp: string;
let work: string;
let prefix: string;
let packed: PackResult;
let tarball: string;
let installed: string;
let env: NodeJS.ProcessEnv;
let server: http.Server;
let port: number;

/** npm and the CLI without the npm_* variables of an enclosing `npm test`, the user's npmrc or cache. */
function childEnv(): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...clean,
    PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    npm_config_userconfig: join(tmp, 'npmrc'),
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
  };
}

async function npm(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync('npm', args, { cwd, env, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}

/** Runs the installed command itself (its symlink, its shebang), from `work`. */
function vigie(args: string[]): Promise<RunResult> {
  return runCommand(join(prefix, 'bin', 'vigie'), args, { cwd: work, env: env as Record<string, string>, label: `vigie ${args.join(' ')}` });
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Installed CLI</title>
<meta name="generator" content="WordPress 4.9.8"></head><body><p>hello</p></body></html>`;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vigie-pack-'));
  work = join(tmp, 'work');
  prefix = join(tmp, 'prefix');
  mkdirSync(work);
  mkdirSync(join(tmp, 'npm-cache'));
  env = childEnv();

  // A file left by an older build: `npm pack` must rebuild dist/cli/ from scratch, without it.
  mkdirSync(join(ROOT, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(ROOT, 'dist', 'cli', 'left-over.txt'), 'stale');

  const out = await npm(['pack', '--pack-destination', tmp, '--json'], ROOT);
  // Older npm versions print the lifecycle scripts' output on stdout before the JSON.
  const start = out.search(/^\[/m);
  const results = JSON.parse(out.slice(start)) as PackResult[];
  expect(results).toHaveLength(1);
  packed = results[0]!;
  tarball = join(tmp, packed.filename);

  // As the README says, without --ignore-scripts; --offline with an empty cache: nothing to fetch.
  await npm(['install', '-g', '--prefix', prefix, '--offline', tarball], work);
  installed = join(prefix, 'lib', 'node_modules', 'vigie');

  server = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-powered-by': 'PHP/7.2.24' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 180_000);

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('is named after the version and holds only what the CLI needs', () => {
    expect(packed.filename).toBe(`vigie-${version}.tgz`);
    const paths = packed.files.map((f) => f.path).sort();
    for (const path of paths) expect(ALLOWED.some((re) => re.test(path)), `${path} should not be in the tarball`).toBe(true);
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'dist/cli/vigie.mjs', 'package.json']));
    for (const name of ['LICENSE', 'NOTICE', 'THIRD-PARTY-NOTICES.txt']) expect(paths, name).toContain(name);
    expect(paths).not.toContain('dist/cli/left-over.txt');
    expect(paths.filter((p) => /^(src|cli|lib|tests|node_modules|entrypoints|components|scripts|docs)\//.test(p))).toEqual([]);
  });

  it('packs an executable bundle of bounded size', () => {
    const bundle = packed.files.find((f) => f.path === 'dist/cli/vigie.mjs')!;
    expect(bundle.mode & 0o111).not.toBe(0);
    expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES);
    expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
  });

  it('declares no dependency to install, and the vigie command', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(Object.keys((manifest[key] as object | undefined) ?? {}), key).toEqual([]);
    }
    expect(manifest.bin).toEqual({ vigie: 'dist/cli/vigie.mjs' });
    expect(manifest.private).toBe(true);
  });
});

describe('the bundle is self-contained', () => {
  let code: string;
  beforeAll(() => {
    code = readFileSync(join(installed, 'dist', 'cli', 'vigie.mjs'), 'utf8');
  });

  it('imports and requires Node built-ins only', () => {
    const specifiers = [
      ...code.matchAll(/^import\s[^;]*?\sfrom\s*["']([^"']+)["']/gm),
      ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !isBuiltin(s))).toEqual([]);
  });

  it('reads files relative to its own module only, and only files it ships', () => {
    const root = ROOT.endsWith(sep) ? ROOT.slice(0, -1) : ROOT;
    expect(code).not.toContain(root);
    expect(code).not.toMatch(/\b__dirname\b|\b__filename\b/);
    // import.meta.url serves the createRequire banner and `new URL('./data/…', import.meta.url)`, nothing else.
    const relativeUrls = [...code.matchAll(/new URL\(\s*(["'`])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g)].map((m) => m[2]!);
    const uses = code.match(/import\.meta\.url/g) ?? [];
    expect(uses.length).toBe(1 + relativeUrls.length);
    const shipped = new Set(packed.files.map((f) => f.path));
    for (const url of relativeUrls) {
      const target = new URL(url, 'file:///package/dist/cli/vigie.mjs').pathname.replace(/^\/package\//, '');
      expect(shipped.has(target) || [...shipped].some((p) => p.startsWith(`${target.replace(/\/$/, '')}/`)), `${url} is not in the tarball`).toBe(true);
    }
  });
});

describe('the installed vigie, from a folder outside the checkout', () => {
  it('installs nothing but itself', () => {
    expect(relative(ROOT, work).startsWith('..')).toBe(true);
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['vigie']);
    const own = join(installed, 'node_modules');
    expect(existsSync(own) ? readdirSync(own).filter((n) => n !== '.package-lock.json') : []).toEqual([]);
    expect(lstatSync(join(prefix, 'bin', 'vigie')).isSymbolicLink()).toBe(true);
    expect(realpathSync(join(prefix, 'bin', 'vigie'))).toBe(realpathSync(join(installed, 'dist', 'cli', 'vigie.mjs')));
  });

  it('prints its version', async () => {
    const result = await vigie(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('scans a site and writes the audit format, with the bundled knowledge base', async () => {
    const url = `http://127.0.0.1:${port}/`;
    const result = await vigie(['scan', url, '--format', 'json', '--timeout', '5s', '--no-progress']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const audit = Audit.parse(JSON.parse(result.stdout));
    expect(audit.schemaVersion).toBe(1);
    expect(audit.url).toBe(url);
    expect(audit.platform.name).toBe('node');
    expect(audit.score.grade).toMatch(/^[A-F]/);
    expect(audit.findings.map((f) => f.ruleId)).toContain('transport.https-missing');
    const wordpress = audit.technologies.find((t) => t.name === 'WordPress');
    expect(wordpress?.version).toBe('4.9.8');
    // 4.9 ended in 2018 but still gets security releases: behind its branch, judged by the bundled data.
    expect(wordpress?.patchedAfterEol?.cycle).toBe('4.9');
    // Dozens of known flaws, fixed in the branch's own latest release (backports count as fixes).
    expect(wordpress!.vulnerabilities.length).toBeGreaterThan(20);
    expect(wordpress?.updateTo).toMatchObject({ version: expect.stringMatching(/^4\.9\.\d+$/), reason: 'vulnerable' });
  });

  it('writes its output relative to the current folder, in French when asked', async () => {
    const result = await vigie(['scan', `http://127.0.0.1:${port}/`, '--format', 'markdown', '--lang', 'fr', '--output', 'rapport.md', '--no-progress']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = readFileSync(join(work, 'rapport.md'), 'utf8');
    expect(report).toContain(`http://127.0.0.1:${port}/`);
    expect(report).toMatch(/^# Audit de maintenance — 127\.0\.0\.1$/m);
    expect(report).toContain('## Synthèse');
  });
});
