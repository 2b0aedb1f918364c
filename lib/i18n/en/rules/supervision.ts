export const supervision = {} as const;
