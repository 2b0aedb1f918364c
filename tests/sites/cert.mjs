/**
 * A throwaway self-signed certificate for the local HTTPS test sites, generated with openssl into
 * a temporary directory at test time (never committed). Browsers are started with
 * --ignore-certificate-errors, so the certificate only needs to exist.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @param {string[]} hostNames */
export function makeSelfSignedCert(hostNames) {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const san = ['DNS:localhost', 'IP:127.0.0.1', ...hostNames.map((h) => `DNS:${h}`)].join(',');
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-keyout', keyPath, '-out', certPath, '-subj', '/CN=vigie-test-sites', '-addext', `subjectAltName=${san}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
