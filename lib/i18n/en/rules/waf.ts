export const waf = {} as const;
