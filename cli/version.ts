/** The version printed by `vigie --version` and written into SARIF; set by the build from package.json. */
declare const __VIGIE_VERSION__: string | undefined;

export const VERSION: string = typeof __VIGIE_VERSION__ === 'string' ? __VIGIE_VERSION__ : '0.0.0-dev';
