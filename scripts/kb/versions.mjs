/**
 * Version order for the knowledge-base build (lib/version is TypeScript, which these scripts do not
 * load): numbers first ("2.4.9" < "2.4.10"), then a release after its prereleases
 * ("1.9.0b1" < "1.9.0", "3.0.0-rc.1" < "3.0.0"). A leading "v" is ignored. Enough to sort ranges,
 * find a range's lower and upper bounds, and order release lists.
 */
function splitVersion(v) {
  const m = /^v?(\d+(?:\.\d+)*)(.*)$/.exec(String(v).trim()) ?? ['', '0', String(v)];
  return { nums: m[1].split('.').map(Number), pre: m[2].replace(/^[-.]/, '') };
}

export function compareVersions(a, b) {
  const x = splitVersion(a);
  const y = splitVersion(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  if (!x.pre || !y.pre) return x.pre === y.pre ? 0 : x.pre ? -1 : 1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}
