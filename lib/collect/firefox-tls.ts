/**
 * Firefox only: certificate and TLS details through webRequest.getSecurityInfo, which must be
 * called from a blocking onHeadersReceived listener during a request. Needs the optional
 * webRequest + webRequestBlocking permissions and host access to the site. Chromium has no such
 * API: there the check is "not measured".
 */
import { browser } from 'wxt/browser';
import type { TlsEvidence } from '../evidence/schema';
import { permissionRequestFor } from '../permissions';
import { hasGrant } from './cookies';

interface FirefoxCertificate {
  subject?: string;
  issuer?: string;
  validity?: { start?: number; end?: number };
}
export interface FirefoxSecurityInfo {
  state?: string;
  protocolVersion?: string;
  certificates?: FirefoxCertificate[];
}

function commonName(dn: string): string | null {
  const match = /(?:^|,)\s*CN=([^,]+)/i.exec(dn);
  return match ? match[1]!.trim() : null;
}

/** Pure: turns Firefox's SecurityInfo into TLS evidence, or null when there is no certificate. */
export function parseFirefoxSecurityInfo(info: FirefoxSecurityInfo): TlsEvidence | null {
  const cert = info.certificates?.[0];
  if (!cert || typeof cert.validity?.end !== 'number') return null;
  const subject = String(cert.subject ?? '').slice(0, 1024);
  const cn = commonName(subject);
  return {
    source: 'firefox-security-info',
    protocol: String(info.protocolVersion ?? 'unknown').slice(0, 32),
    issuer: String(cert.issuer ?? '').slice(0, 1024),
    subject,
    validFrom: typeof cert.validity.start === 'number' ? new Date(cert.validity.start).toISOString() : '',
    validTo: new Date(cert.validity.end).toISOString(),
    names: cn ? [cn.slice(0, 253)] : [],
    state: String(info.state ?? 'unknown').slice(0, 32),
  };
}

type WebRequestApi = {
  getSecurityInfo?: (requestId: string, options: object) => Promise<FirefoxSecurityInfo>;
  onHeadersReceived: {
    addListener: (cb: (d: { requestId: string; url: string; tabId: number }) => unknown, filter: object, extra: string[]) => void;
    removeListener: (cb: (d: { requestId: string; url: string; tabId: number }) => unknown) => void;
  };
};

export function canReadTls(): boolean {
  const webRequest = (browser as unknown as { webRequest?: WebRequestApi }).webRequest;
  return typeof webRequest?.getSecurityInfo === 'function';
}

export async function collectFirefoxTls(pageUrl: string, timeoutMs: number): Promise<TlsEvidence | null> {
  if (!pageUrl.startsWith('https:') || !(await hasGrant(permissionRequestFor('tls', pageUrl)))) return null;
  const webRequest = (browser as unknown as { webRequest?: WebRequestApi }).webRequest;
  if (!webRequest?.getSecurityInfo) return null;
  const getSecurityInfo = webRequest.getSecurityInfo;
  const target = new URL(pageUrl);
  let result: TlsEvidence | null = null;
  const listener = async (details: { requestId: string; url: string; tabId: number }) => {
    if (details.tabId !== -1 || new URL(details.url).host !== target.host || result) return {};
    try {
      result = parseFirefoxSecurityInfo(await getSecurityInfo(details.requestId, {}));
    } catch {
      result = null;
    }
    return {};
  };
  // Match patterns carry no port: filter on the host name, then compare host and port in the listener.
  webRequest.onHeadersReceived.addListener(listener, { urls: [`https://${target.hostname}/*`] }, ['blocking']);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(pageUrl, { cache: 'no-store', credentials: 'omit', signal: controller.signal });
    response.body?.cancel().catch(() => {});
  } catch {
    // The certificate may still have been read before the failure.
  } finally {
    clearTimeout(timer);
    webRequest.onHeadersReceived.removeListener(listener);
  }
  return result;
}
