export const diagnosis = {} as const;
