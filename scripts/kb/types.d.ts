/**
 * What every knowledge-base extractor (scripts/kb/sources/*.mjs) returns: facts in one shape,
 * whatever the upstream format. scripts/build-kb.mjs merges them and encodes the packaged data
 * files (public/kb/*.json). Facts only: no upstream prose (titles, descriptions) is kept.
 */

/** Where a set of facts comes from and under which terms (credited in NOTICE). */
export interface KbSourceFacts {
  /** Short stable id used on every record: 'retirejs', 'apache-httpd', 'nginx', 'wordfence', 'drupal', 'friendsofphp', 'endoflife', 'release-data'. */
  id: string;
  /** How a person names it: "Apache HTTP Server security advisories". */
  name: string;
  /** owner/name of the upstream repository. */
  repository: string;
  /** Mirrored commit the facts were read from. */
  commit: string;
  /** ISO day of that commit: the facts are as of that day. */
  date: string;
  /** ISO day the extraction ran (the build's date). */
  checked: string;
  /** SPDX id of the repository's licence, or 'none' when it has no licence file. */
  licence: string;
  /** The terms that apply to the facts when they differ from the repository's licence (Wordfence), as a short sentence. */
  terms?: string;
}

/**
 * A version range. `from` is inclusive unless `fromExclusive`; `below` is exclusive, `atMost`
 * inclusive; at most one of them. Neither `below` nor `atMost`: every version from `from` on is
 * affected and no fixed version is known.
 */
export interface KbRange {
  from?: string;
  fromExclusive?: boolean;
  below?: string;
  atMost?: string;
  /** Exact versions inside the bounds that are not affected. */
  excludes?: string[];
}

/** The weakness classes summaries are written from (FR and EN wording in lib/i18n, never upstream titles). */
export type WeaknessKey =
  | 'xss' | 'sqli' | 'csrf' | 'rce' | 'code-injection' | 'command-injection' | 'object-injection' | 'file-upload'
  | 'file-read' | 'file-delete' | 'path-traversal' | 'lfi' | 'ssrf' | 'open-redirect' | 'auth-bypass'
  | 'missing-authorization' | 'privilege-escalation' | 'info-disclosure' | 'dos' | 'request-smuggling'
  | 'response-splitting' | 'memory-corruption' | 'prototype-pollution' | 'redos' | 'xxe' | 'deserialization'
  | 'access-control' | 'spoofing' | 'cache-poisoning' | 'other';

export interface KbAdvisory {
  /** Display id: the CVE when there is one, else the GHSA, else the source's own id (Wordfence UUID, SA-CORE-2018-002, …). */
  id: string;
  /** Every other id of the same advisory (CVE, GHSA, source ids). */
  aliases: string[];
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  /** CVSS base score when the source states one; when it does, `severity` is derived from it. */
  cvss?: number;
  weakness: WeaknessKey;
  /** CWE numbers as text ("79"), when stated. */
  cwes: string[];
  /** Affected versions: a version is affected when it is in any range. */
  ranges: KbRange[];
  /** ISO day the advisory was published, when stated. */
  published?: string;
  /** A reference a person can open (the vendor's advisory page, the Wordfence record, NVD, GHSA). */
  url: string;
  /** `KbSourceFacts.id`. */
  source: string;
  /** Only some platforms are affected (nginx's Windows-only items). */
  platform?: 'windows';
  /** The source states no severity (FriendsOfPHP): `severity` is then 'medium' and the report says it is unknown. */
  severityUnknown?: boolean;
}

/** One extractor's result. */
export interface KbExtract {
  source: KbSourceFacts;
  /**
   * Component id → advisories. Ids: those of lib/kb/components.ts ('apache', 'nginx', 'wordpress',
   * 'drupal', 'joomla', 'typo3', 'magento', 'prestashop', 'laravel', 'symfony', 'contao', 'shopware',
   * 'jquery', …), 'wp-plugin:<slug>', 'wp-theme:<slug>', 'drupal-module:<project>'.
   */
  advisories: Record<string, KbAdvisory[]>;
  /** What the extractor skipped or could not read, one line each, printed by the build. */
  notes: string[];
}

/** Release facts of a product: versions with their release day. */
export interface KbReleases {
  source: KbSourceFacts;
  /** Component id → version → ISO day. */
  releases: Record<string, Record<string, string>>;
  notes: string[];
}

/** Release cycles (branches) with end-of-life facts, from endoflife.date. */
export interface KbCycle {
  cycle: string;
  releaseDate?: string;
  /** ISO day support ended or ends, true when ended without a known date, false when supported. */
  eol: string | boolean;
  /** End of active support, when the product distinguishes it. */
  support?: string | boolean;
  latest?: string;
  latestReleaseDate?: string;
  lts?: boolean;
}

export interface KbCycles {
  source: KbSourceFacts;
  cycles: Record<string, KbCycle[]>;
  notes: string[];
}
