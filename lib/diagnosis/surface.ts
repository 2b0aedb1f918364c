/**
 * The maintenance surface: how many components someone has to keep up to date on this site (its
 * CMS or shop, plugins, themes, libraries, frameworks, server, language), and how many of them are
 * behind, unsupported or have known flaws. It weighs in the tier: a WordPress site with 30 plugins
 * needs more than the basic contract, whatever else the audit found.
 */
import type { Technology } from '../audit/schema';

/** The kinds that need updates; WAF, CDN, monitoring and analytics services are run by others. */
export const MAINTAINED = ['cms', 'shop', 'plugin', 'theme', 'framework', 'library', 'server', 'language'] as const;
export type MaintainedKind = (typeof MAINTAINED)[number];

export interface MaintenanceSurface {
  total: number;
  byKind: Partial<Record<MaintainedKind, number>>;
  /** Behind its line's or the newest release, or on a branch patched after its end of life. */
  behind: number;
  /** Past the end of life of its line. */
  unsupported: number;
  /** With at least one known vulnerability. */
  vulnerable: number;
}

/** Beyond these, keeping the site up to date is a regular job: at least the Business tier. */
export const SURFACE_THRESHOLDS = { components: 20, extensions: 10 } as const;

export function maintenanceSurface(technologies: readonly Technology[]): MaintenanceSurface {
  const kinds = new Set<string>(MAINTAINED);
  const maintained = technologies.filter((t) => kinds.has(t.category));
  const byKind: Partial<Record<MaintainedKind, number>> = {};
  for (const t of maintained) byKind[t.category as MaintainedKind] = (byKind[t.category as MaintainedKind] ?? 0) + 1;
  return {
    total: maintained.length,
    byKind,
    behind: maintained.filter((t) => t.behindBy !== undefined || t.updateTo?.reason === 'branch-patched').length,
    unsupported: maintained.filter((t) => t.eol !== undefined).length,
    vulnerable: maintained.filter((t) => t.vulnerabilities.length > 0).length,
  };
}

/** The surface is large enough to need planned, regular updates. */
export function largeSurface(surface: MaintenanceSurface): boolean {
  const extensions = (surface.byKind.plugin ?? 0) + (surface.byKind.theme ?? 0);
  return surface.total >= SURFACE_THRESHOLDS.components || extensions >= SURFACE_THRESHOLDS.extensions;
}
