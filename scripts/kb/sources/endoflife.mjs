/**
 * Release cycles and end-of-life dates from endoflife.date's product pages
 * (endoflife-date/endoflife.date, products/<product>.md front matter, MIT).
 */

/** Vigie component id → endoflife.date product. */
export const EOL_PRODUCTS = {
  jquery: 'jquery',
  'jquery-ui': 'jquery-ui',
  bootstrap: 'bootstrap',
  angularjs: 'angularjs',
  angular: 'angular',
  react: 'react',
  'react-dom': 'react',
  vue: 'vue',
  nextjs: 'nextjs',
  nuxt: 'nuxt',
  ckeditor: 'ckeditor',
  wordpress: 'wordpress',
  drupal: 'drupal',
  joomla: 'joomla',
  magento: 'magento',
  typo3: 'typo3',
  shopware: 'shopware',
  contao: 'contao',
  umbraco: 'umbraco',
  nginx: 'nginx',
  apache: 'apache-http-server',
  tomcat: 'tomcat',
  caddy: 'caddy',
  php: 'php',
  nodejs: 'nodejs',
  express: 'express',
  laravel: 'laravel',
  symfony: 'symfony',
  django: 'django',
};

/**
 * IIS has no product page: each IIS version ships with, and is supported as long as, Windows
 * Server releases (Microsoft's IIS version history: IIS 10.0 in Windows Server 2016 and later,
 * 8.5 in 2012 R2, 8.0 in 2012, 7.5 in 2008 R2, 7.0 in 2008, 6.0 in 2003). Its cycles are derived
 * from windows-server's: released with the first, supported until the last ends.
 */
export const IIS_FROM_WINDOWS = {
  '10.0': ['2016', '2019', '2022', '2025'],
  '8.5': ['2012-r2'],
  '8.0': ['2012'],
  '7.5': ['2008-r2-sp1'],
  '7.0': ['2008-sp2'],
  '6.0': ['2003-sp2'],
};

/** IIS cycles from Windows Server's (see IIS_FROM_WINDOWS). */
export function iisCycles(windowsReleases, notes) {
  const byCycle = new Map(windowsReleases.map((r) => [String(r.releaseCycle), r]));
  const out = [];
  for (const [iis, windows] of Object.entries(IIS_FROM_WINDOWS)) {
    const rows = windows.map((w) => byCycle.get(w)).filter(Boolean);
    if (rows.length !== windows.length) {
      notes.push(`iis ${iis}: Windows Server cycle missing (${windows.filter((w) => !byCycle.has(w)).join(', ')})`);
      continue;
    }
    const eols = rows.map((r) => r.eol);
    const eol = eols.includes(false) ? false : eols.every((e) => typeof e === 'string' && DAY.test(e)) ? eols.sort().at(-1) : true;
    const days = rows.map((r) => r.releaseDate).filter((d) => typeof d === 'string' && DAY.test(d)).sort();
    // An IIS line has one version (IIS 10.0 stays 10.0 through every Windows Server release).
    out.push({ cycle: iis, ...(days[0] ? { releaseDate: days[0] } : {}), eol, latest: iis });
  }
  return out;
}

/** A scalar of the front matter: quoted text, a day, true/false, or bare text. */
function scalar(raw) {
  const value = raw.replace(/\s+#.*$/, '').trim();
  if (/^(["']).*\1$/.test(value)) return value.slice(1, -1);
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/**
 * The `releases:` list of a product page's YAML front matter. The pages are generated in one
 * regular shape (a list of flat maps), so a small reader suffices; anything else is reported.
 */
export function parseReleases(text) {
  const end = text.indexOf('\n---', 3);
  const front = text.slice(0, end < 0 ? text.length : end).split('\n');
  const start = front.findIndex((line) => /^releases:\s*$/.test(line));
  if (start < 0) return [];
  const releases = [];
  let current = null;
  for (const line of front.slice(start + 1)) {
    if (/^\S/.test(line)) break; // the next top-level key
    const item = /^\s*-\s+([A-Za-z]+):\s*(.*)$/.exec(line);
    const field = /^\s+([A-Za-z]+):\s*(.*)$/.exec(line);
    if (item) {
      current = { [item[1]]: scalar(item[2]) };
      releases.push(current);
    } else if (field && current) {
      current[field[1]] = scalar(field[2]);
    }
  }
  return releases;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOrFlag = (v) => (v === true || v === false ? v : typeof v === 'string' && DAY.test(v) ? v : undefined);

/** @returns {import('../types').KbCycles} */
export function extractCycles(repo, { checked }) {
  const notes = [];
  const cycles = {};
  const products = [...new Set(Object.values(EOL_PRODUCTS))];
  const texts = repo.readAll(products.map((p) => `products/${p}.md`));
  for (const [component, product] of Object.entries(EOL_PRODUCTS)) {
    const text = texts.get(`products/${product}.md`);
    if (text === undefined) {
      notes.push(`${component}: no product page ${product}`);
      continue;
    }
    const list = [];
    for (const r of parseReleases(text)) {
      const eol = dayOrFlag(r.eol);
      if (r.releaseCycle === undefined || eol === undefined) {
        notes.push(`${component}: cycle ${r.releaseCycle ?? '?'} skipped (eol ${JSON.stringify(r.eol)})`);
        continue;
      }
      const support = dayOrFlag(r.eoas ?? r.support);
      list.push({
        cycle: String(r.releaseCycle),
        ...(typeof r.releaseDate === 'string' && DAY.test(r.releaseDate) ? { releaseDate: r.releaseDate } : {}),
        eol,
        ...(support !== undefined ? { support } : {}),
        ...(r.latest !== undefined ? { latest: String(r.latest) } : {}),
        ...(typeof r.latestReleaseDate === 'string' && DAY.test(r.latestReleaseDate) ? { latestReleaseDate: r.latestReleaseDate } : {}),
        ...(r.lts === true || (typeof r.lts === 'string' && DAY.test(r.lts)) ? { lts: true } : {}),
      });
    }
    if (list.length) cycles[component] = list;
    else notes.push(`${component}: no cycle read from products/${product}.md`);
  }
  const windows = repo.readAll(['products/windows-server.md']).get('products/windows-server.md');
  if (windows) cycles.iis = iisCycles(parseReleases(windows), notes);
  else notes.push('iis: no product page windows-server');
  return {
    source: { id: 'endoflife', name: 'endoflife.date', repository: repo.repository, commit: repo.commit, date: repo.date, checked, licence: 'MIT' },
    cycles,
    notes,
  };
}
