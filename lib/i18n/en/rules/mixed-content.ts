export const mixedContent = {} as const;
