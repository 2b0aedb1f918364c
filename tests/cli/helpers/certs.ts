/**
 * Certificates for the local HTTPS test servers, generated with openssl into a temporary folder at
 * test time (never committed): a test CA, a leaf it signed for localhost/127.0.0.1, the same kind of
 * leaf already expired, and a self-signed leaf. The CLI under test trusts the CA through
 * NODE_EXTRA_CA_CERTS, as a company CA would be trusted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  key: Buffer;
  cert: Buffer;
}

export interface TestCerts {
  dir: string;
  caPath: string;
  valid: KeyPair;
  expired: KeyPair;
  selfSigned: KeyPair;
  cleanup: () => void;
}

const SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function newKey(cwd: string, name: string): void {
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`], cwd);
}

function signedLeaf(cwd: string, name: string, days: string): KeyPair {
  newKey(cwd, name);
  openssl(['req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost'], cwd);
  // A negative number of days gives a certificate whose validity ended before it began: expired.
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', days, '-sha256', '-extfile', 'san.cnf'], cwd);
  return { key: readFileSync(join(cwd, `${name}.key`)), cert: readFileSync(join(cwd, `${name}.pem`)) };
}

export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-certs-'));
  writeFileSync(join(dir, 'san.cnf'), `${SAN}\n`);
  newKey(dir, 'ca');
  openssl(['req', '-x509', '-new', '-key', 'ca.key', '-out', 'ca.pem', '-days', '3', '-sha256', '-subj', '/CN=Vigie Test CA/O=Vigie tests'], dir);
  const valid = signedLeaf(dir, 'valid', '2');
  const expired = signedLeaf(dir, 'expired', '-1');
  newKey(dir, 'self');
  openssl(['req', '-x509', '-new', '-key', 'self.key', '-out', 'self.pem', '-days', '2', '-sha256', '-subj', '/CN=localhost', '-addext', SAN], dir);
  const selfSigned = { key: readFileSync(join(dir, 'self.key')), cert: readFileSync(join(dir, 'self.pem')) };
  return { dir, caPath: join(dir, 'ca.pem'), valid, expired, selfSigned, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
