/**
 * Referrer-Policy: a comma-separated list where the last token the browser knows wins; a
 * <meta name="referrer"> / http-equiv value read later overrides the header.
 */
export const REFERRER_POLICY_TOKENS = [
  'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
  'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url',
] as const;
export type ReferrerPolicyToken = (typeof REFERRER_POLICY_TOKENS)[number];

export const PRIVATE_REFERRER_POLICIES: readonly ReferrerPolicyToken[] = [
  'no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin',
];

export interface ReferrerPolicy {
  /** The policy in force, or null when no known token was sent. */
  policy: ReferrerPolicyToken | null;
  unknownTokens: string[];
}

const KNOWN = new Set<string>(REFERRER_POLICY_TOKENS);

/** `values` in the order the browser reads them (headers first, then meta tags). */
export function parseReferrerPolicy(values: readonly string[]): ReferrerPolicy {
  let policy: ReferrerPolicyToken | null = null;
  const unknownTokens: string[] = [];
  for (const value of values.slice(0, 50)) {
    for (const raw of value.slice(0, 2048).split(',')) {
      const token = raw.trim().toLowerCase();
      if (token === '') continue;
      if (KNOWN.has(token)) policy = token as ReferrerPolicyToken;
      else if (unknownTokens.length < 20) unknownTokens.push(token.slice(0, 64));
    }
  }
  return { policy, unknownTokens };
}

export function isPrivateReferrerPolicy(policy: ReferrerPolicyToken): boolean {
  return PRIVATE_REFERRER_POLICIES.includes(policy);
}
