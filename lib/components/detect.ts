/** Technologies seen in the evidence, combined per component with their sources. */
import type { Technology } from '../audit/schema';
import { headerValues, type Evidence } from '../evidence/schema';
import type { RuleContext } from '../rules/types';

const LIBRARY_NAMES: Record<string, string> = { jquery: 'jQuery' };

const SERVER_PRODUCTS: ReadonlyArray<{ re: RegExp; name: string; category: Technology['category'] }> = [
  { re: /\bnginx(?:\/([\d.]+))?/i, name: 'nginx', category: 'server' },
  { re: /\bApache(?:\/([\d.]+))?/i, name: 'Apache HTTP Server', category: 'server' },
  { re: /\bPHP\/([\d.]+)/i, name: 'PHP', category: 'language' },
];

export function detectTechnologies(evidence: Evidence, _ctx: RuleContext): Technology[] {
  const found = new Map<string, Technology>();
  const add = (name: string, category: Technology['category'], version: string | undefined, source: string, confidence: number) => {
    const existing = found.get(name);
    if (existing) {
      if (!existing.sources.includes(source)) existing.sources.push(source);
      existing.confidence = Math.max(existing.confidence, confidence);
      if (!existing.version && version) existing.version = version;
      return;
    }
    found.set(name, { name, category, ...(version ? { version } : {}), confidence, sources: [source], vulnerabilities: [] });
  };
  for (const lib of evidence.globals?.libraries ?? []) {
    const name = LIBRARY_NAMES[lib.library];
    if (name) add(name, 'library', lib.version, 'global', 100);
  }
  for (const header of ['server', 'x-powered-by']) {
    for (const value of headerValues(evidence.headers, header)) {
      for (const product of SERVER_PRODUCTS) {
        const m = product.re.exec(value);
        if (m) add(product.name, product.category, m[1], `header:${header}`, 90);
      }
    }
  }
  return [...found.values()];
}
