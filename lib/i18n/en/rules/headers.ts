export const headers = {
  'rule.headers.xcto-missing.title': 'X-Content-Type-Options: nosniff is missing',
  'rule.headers.xcto-missing.explain': 'Without this header, some browsers guess the type of a file from its content. A file uploaded as an image can then be run as a script, which opens the door to attacks on the site\'s visitors.',
  'rule.headers.xcto-missing.fix': 'Send "X-Content-Type-Options: nosniff" on every response.',
} as const;
