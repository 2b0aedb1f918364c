/** Bounds on everything a page can hand back; shared by the injected collectors (no zod there). */
export const LIMITS = {
  url: 4096,
  headerName: 256,
  headerValue: 16_384,
  headers: 300,
  text: 1024,
  scripts: 1500,
  resources: 1500,
  metas: 100,
  forms: 200,
  cookies: 200,
  globals: 150,
} as const;
