export const cookies = {} as const;
