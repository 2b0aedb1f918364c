export const performance = {} as const;
