/** The TLS certificate of the audited host, as Node's TLS socket saw it, turned into evidence. */
import type { PeerCertificate } from 'node:tls';
import type { TlsEvidence } from '../../lib/evidence/schema';
import type { TlsPeer } from './http';

/** `tls.state`: 'secure' when trusted for this host, else why not (shared vocabulary with the rules). */
export type TlsState = 'secure' | 'expired' | 'not-yet-valid' | 'self-signed' | 'name-mismatch' | 'untrusted';

export function tlsStateOf(error: string | null): TlsState {
  if (!error) return 'secure';
  if (error === 'CERT_HAS_EXPIRED') return 'expired';
  if (error === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  if (error === 'DEPTH_ZERO_SELF_SIGNED_CERT' || error === 'SELF_SIGNED_CERT_IN_CHAIN') return 'self-signed';
  if (error === 'ERR_TLS_CERT_ALTNAME_INVALID' || error === 'HOSTNAME_MISMATCH') return 'name-mismatch';
  return 'untrusted';
}

type DistinguishedName = Record<string, string | string[] | undefined>;

/** "CN=example.com, O=Example, C=FR" from Node's object form (a field may repeat). */
export function formatName(name: DistinguishedName | undefined): string {
  if (!name) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(name)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) parts.push(`${key}=${v}`);
  }
  return parts.join(', ').slice(0, 1024);
}

/** Host names and addresses the certificate covers: its subjectAltName, else its common name. */
export function coveredNames(certificate: Pick<PeerCertificate, 'subjectaltname' | 'subject'>): string[] {
  const names: string[] = [];
  for (const entry of (certificate.subjectaltname ?? '').split(',')) {
    const match = /^\s*(DNS|IP Address):(.+)$/i.exec(entry);
    if (match && names.length < 200) names.push(match[2]!.trim().slice(0, 253));
  }
  if (names.length === 0) {
    const cn = (certificate.subject as DistinguishedName | undefined)?.CN;
    const first = Array.isArray(cn) ? cn[0] : cn;
    if (first) names.push(first.slice(0, 253));
  }
  return names;
}

function isoDate(value: string | undefined): string {
  if (!value) return '';
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value.slice(0, 64) : parsed.toISOString();
}

export function tlsEvidenceOf(peer: TlsPeer | null): TlsEvidence | null {
  if (!peer?.certificate) return null;
  const cert = peer.certificate;
  return {
    source: 'node',
    protocol: (peer.protocol ?? 'unknown').slice(0, 32),
    issuer: formatName(cert.issuer as unknown as DistinguishedName),
    subject: formatName(cert.subject as unknown as DistinguishedName),
    validFrom: isoDate(cert.valid_from),
    validTo: isoDate(cert.valid_to),
    names: coveredNames(cert),
    state: tlsStateOf(peer.error),
  };
}
