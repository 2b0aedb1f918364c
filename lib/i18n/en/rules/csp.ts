export const csp = {} as const;
