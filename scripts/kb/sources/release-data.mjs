/**
 * Release dates of every version from endoflife.date's release data
 * (endoflife-date/release-data, releases/<product>.json, MIT): what "behind by" is measured with.
 */
import { EOL_PRODUCTS } from './endoflife.mjs';

const RELEASE = /^\d+(?:\.\d+)+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @param {{ maxMajor?: Record<string, number> }} [options] per component, the highest major its
 *   release cycles know: a version above it is a stray entry upstream (Joomla's data lists "11.3"),
 *   dropped with a note rather than taken for the newest release.
 * @returns {import('../types').KbReleases}
 */
export function extractReleases(repo, { checked, maxMajor = {} }) {
  const notes = [];
  const releases = {};
  const products = [...new Set(Object.values(EOL_PRODUCTS))];
  const texts = repo.readAll(products.map((p) => `releases/${p}.json`));
  for (const [component, product] of Object.entries(EOL_PRODUCTS)) {
    const text = texts.get(`releases/${product}.json`);
    if (text === undefined) continue;
    let versions;
    try {
      versions = JSON.parse(text).versions ?? {};
    } catch (error) {
      notes.push(`${component}: releases/${product}.json unreadable (${error.message})`);
      continue;
    }
    const out = {};
    const spelled = new Map();
    const stray = [];
    for (const [name, entry] of Object.entries(versions)) {
      const version = String(entry?.name ?? name).replace(/^v/, '');
      if (!RELEASE.test(version) || !DAY.test(String(entry?.date ?? ''))) continue;
      if (maxMajor[component] !== undefined && Number(version.split('.')[0]) > maxMajor[component]) {
        stray.push(version);
        continue;
      }
      // "1.3" and "1.3.0", or "8.0.01" and "8.0.1", are one release listed twice: kept once, under the longer spelling, earliest day.
      const key = version.split('.').map(Number).join('.').replace(/(?:\.0)+$/, '');
      const same = spelled.get(key);
      if (same) {
        const day = out[same] < entry.date ? out[same] : entry.date;
        delete out[same];
        const name = same.length >= version.length ? same : version;
        out[name] = day;
        spelled.set(key, name);
        continue;
      }
      spelled.set(key, version);
      out[version] = entry.date;
    }
    if (stray.length) notes.push(`${component}: versions above the newest known cycle dropped: ${stray.join(', ')}`);
    if (Object.keys(out).length) releases[component] = out;
  }
  return {
    source: { id: 'release-data', name: 'endoflife.date release data', repository: repo.repository, commit: repo.commit, date: repo.date, checked, licence: 'MIT' },
    releases,
    notes,
  };
}
