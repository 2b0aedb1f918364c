/** True in the end-to-end test build only (see wxt.config.ts). */
declare const __VIGIE_TEST_BUILD__: boolean;
