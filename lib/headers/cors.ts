/**
 * CORS response headers to a request carrying an Origin header. The dangerous case is a server that
 * lets any origin read responses *with the visitor's cookies*: it reflects the Origin (or `null`)
 * and sends `Access-Control-Allow-Credentials: true`.
 */
export type CorsAccess = 'none' | 'public' | 'restricted' | 'universal';

export interface Cors {
  access: CorsAccess;
  allowOrigin: string | null;
  credentials: boolean;
  /** `*` with credentials: browsers refuse it, but it shows a misunderstanding worth fixing. */
  wildcardWithCredentials: boolean;
}

export function analyseCors(allowOriginValues: readonly string[], allowCredentialsValues: readonly string[], requestOrigin: string | null): Cors {
  const allowOrigin = allowOriginValues.length ? allowOriginValues.join(', ').slice(0, 1024).trim() : null;
  const credentials = allowCredentialsValues.some((v) => v.trim().toLowerCase() === 'true');
  if (allowOrigin === null || allowOrigin === '') return { access: 'none', allowOrigin, credentials, wildcardWithCredentials: false };
  if (allowOrigin === '*') return { access: 'public', allowOrigin, credentials, wildcardWithCredentials: credentials };
  const reflected = allowOrigin.toLowerCase() === 'null' || (requestOrigin !== null && allowOrigin.toLowerCase() === requestOrigin.toLowerCase());
  return { access: reflected && credentials ? 'universal' : 'restricted', allowOrigin, credentials, wildcardWithCredentials: false };
}
