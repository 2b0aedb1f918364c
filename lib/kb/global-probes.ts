import type { GlobalProbe } from '../collect/main-world-globals';

/** Where libraries keep their version on the page's globals. Extended with the knowledge base. */
export const GLOBAL_PROBES: GlobalProbe[] = [
  { library: 'jquery', paths: [['jQuery', 'fn', 'jquery'], ['$', 'fn', 'jquery']] },
];
