/**
 * Read-only access to a local git mirror of an upstream repository (the search tool's `fetch`
 * brings them to /work/.mirror/<owner>+<name>/repo, a bare repository with no work tree). The
 * knowledge-base extractors read facts from these mirrors; CI never does (the extracted data is
 * committed), so nothing here runs during the tests except on the small fixtures.
 *
 *   const repo = openMirror('apache/httpd-site');
 *   repo.commit, repo.date            // HEAD's commit and its date (ISO day)
 *   repo.list('content/security/json/')  // file paths under a folder
 *   repo.readAll(paths)               // Map path → text, one `git cat-file --batch` for all
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const MIRRORS_DIR = process.env.VIGIE_MIRRORS ?? '/work/.mirror';

/** The git directory of `owner/name`'s mirror, or null when it was never fetched here. */
export function mirrorDir(repository) {
  const dir = join(MIRRORS_DIR, repository.replace('/', '+'), 'repo');
  return existsSync(dir) ? dir : null;
}

const git = (dir, args, input) => execFileSync('git', ['--git-dir', dir, ...args], { input, maxBuffer: 1024 * 1024 * 1024 });

export function openMirror(repository) {
  const dir = mirrorDir(repository);
  if (!dir) throw new Error(`No mirror of ${repository} in ${MIRRORS_DIR}: fetch it first (search tool, fetch github:${repository}).`);
  const [commit, date] = git(dir, ['log', '-1', '--format=%H %cs', 'HEAD']).toString().trim().split(' ');
  return {
    repository,
    dir,
    commit,
    /** The day of the mirrored commit: the facts are as of that day. */
    date,
    /** Paths of the files under `prefix` (a folder ending with "/", or "" for all). */
    list(prefix = '') {
      return git(dir, ['ls-tree', '-r', '--name-only', 'HEAD', ...(prefix ? ['--', prefix] : [])]).toString().split('\n').filter(Boolean);
    },
    /** One file's text. */
    read(path) {
      return git(dir, ['show', `HEAD:${path}`]).toString('utf8');
    },
    /** Many files' texts in one git process. */
    readAll(paths) {
      const out = new Map();
      if (!paths.length) return out;
      // By blob id: `HEAD:<path>` makes git walk the tree again for every file (minutes on 80,000 files).
      const ids = new Map();
      for (const line of git(dir, ['ls-tree', '-r', '--full-tree', 'HEAD']).toString().split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) ids.set(line.slice(tab + 1), line.slice(0, tab).split(' ')[2]);
      }
      const buffer = git(dir, ['cat-file', '--batch'], paths.map((p) => ids.get(p) ?? `HEAD:${p}`).join('\n') + '\n');
      let at = 0;
      for (const path of paths) {
        const eol = buffer.indexOf(10, at);
        const header = buffer.subarray(at, eol).toString();
        at = eol + 1;
        if (header.endsWith(' missing')) continue;
        const size = Number(header.split(' ')[2]);
        out.set(path, buffer.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
      return out;
    },
  };
}
