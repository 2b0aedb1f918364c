/**
 * Optional permissions: each is asked for when the user wants the check it enables, for the
 * audited site only, with the reason shown (from the report or options page, never the popup,
 * where Firefox may hide the prompt). Without it the check is "not measured".
 */
export type OptionalGrant = 'cookies' | 'http-variant' | 'tls';

export interface PermissionRequest {
  permissions: string[];
  origins: string[];
}

/** What to ask for, for one site. `firefox` adds what only Firefox offers (TLS details). */
export function permissionRequestFor(grant: OptionalGrant, pageUrl: string): PermissionRequest {
  const host = new URL(pageUrl).hostname;
  switch (grant) {
    case 'cookies':
      // The cookies API also needs host access to the site to read its cookies.
      return { permissions: ['cookies'], origins: [`https://${host}/*`, `http://${host}/*`] };
    case 'http-variant':
      return { permissions: [], origins: [`http://${host}/*`] };
    case 'tls':
      return { permissions: ['webRequest', 'webRequestBlocking'], origins: [`https://${host}/*`] };
  }
}

export const GRANTS_BY_CHECK: Record<string, OptionalGrant> = {
  cookies: 'cookies',
  httpVariant: 'http-variant',
  tls: 'tls',
};
