export const components = {
  'rule.components.version-exposed.title': '{library} {version} is exposed to every visitor',
  'rule.components.version-exposed.explain': 'The page publishes the exact version of {library} it uses ({version}). Anyone can compare it with the list of known flaws of that library; an outdated version is then an easy target.',
  'rule.components.version-exposed.fix': 'Keep {library} on its latest supported version, and check the site after each update; exposing a current version is harmless.',
} as const;
