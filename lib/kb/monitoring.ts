/**
 * Error-tracking and real-user-monitoring (RUM) tools a page can load, recognised by the address
 * of their script (`script`) or of the endpoint their script reports to (`beacon`, seen in resource
 * timing). A tool bundled into the site's own JavaScript that has not reported yet is invisible.
 *
 * Each entry records its source (the vendor page describing how the script is loaded or where it
 * sends data) and the date the entry was written; `sourceSeen` as in waf-signatures.ts.
 * Host patterns are anchored on a dot boundary so that `evil-sentry-cdn.com.example` does not match.
 */

export type MonitoringKind = 'errors' | 'rum' | 'replay';

export interface MonitoringSignature {
  tool: string;
  name: string;
  kinds: readonly MonitoringKind[];
  from: 'script' | 'beacon';
  /** Matched against the URL's lower-case host name. */
  host?: RegExp;
  /** Matched against the URL's path. */
  path?: RegExp;
  source: string;
  checked: string;
  sourceSeen: boolean;
}

const CHECKED = '2026-11-28';

const sig = (tool: string, name: string, kinds: MonitoringKind[], from: 'script' | 'beacon', match: { host?: RegExp; path?: RegExp }, source: string): MonitoringSignature => ({
  tool, name, kinds, from, ...match, source, checked: CHECKED, sourceSeen: false,
});

const SENTRY = 'https://docs.sentry.io/platforms/javascript/install/loader/';
const DATADOG = 'https://docs.datadoghq.com/real_user_monitoring/browser/setup/client/';
const NEW_RELIC = 'https://docs.newrelic.com/docs/browser/new-relic-browser/getting-started/introduction-browser-monitoring/';
const BUGSNAG = 'https://docs.bugsnag.com/platforms/javascript/cdn/';
const ROLLBAR = 'https://docs.rollbar.com/docs/browser-js';
const LOGROCKET = 'https://docs.logrocket.com/docs/quickstart';
const ELASTIC = 'https://www.elastic.co/guide/en/apm/agent/rum-js/current/install-the-agent.html';
const DYNATRACE = 'https://docs.dynatrace.com/docs/observe/digital-experience/web-applications/initial-setup/rum-injection';
const APPDYNAMICS = 'https://docs.appdynamics.com/display/PRO45/Set+Up+and+Access+Browser+RUM';
const RAYGUN = 'https://raygun.com/documentation/language-guides/javascript/crash-reporting/installation/';
const TRACKJS = 'https://docs.trackjs.com/browser-agent/installation/';
const HONEYBADGER = 'https://docs.honeybadger.io/lib/javascript/';
const APP_INSIGHTS = 'https://learn.microsoft.com/azure/azure-monitor/app/javascript-sdk';
const SPLUNK = 'https://docs.splunk.com/observability/en/gdi/get-data-in/rum/browser/install-rum-browser.html';
const SPEEDCURVE = 'https://support.speedcurve.com/docs/setup-guide';
const PINGDOM = 'https://documentation.solarwinds.com/en/success_center/pingdom/content/topics/real-user-monitoring.htm';

export const MONITORING_SIGNATURES: readonly MonitoringSignature[] = [
  sig('sentry', 'Sentry', ['errors'], 'script', { host: /(?:^|\.)sentry-cdn\.com$/ }, SENTRY),
  sig('sentry', 'Sentry', ['errors'], 'beacon', { host: /(?:^|\.)ingest(?:\.[a-z]{2})?\.sentry\.io$/ }, SENTRY),
  sig('datadog', 'Datadog RUM', ['rum', 'errors'], 'script', { host: /(?:^|\.)datadoghq-browser-agent\.com$/ }, DATADOG),
  sig('datadog', 'Datadog RUM', ['rum', 'errors'], 'beacon', { host: /^browser-intake-(?:[a-z0-9]{1,10}-)?datadoghq\.(?:com|eu)$/ }, DATADOG),
  sig('newrelic', 'New Relic Browser', ['rum', 'errors'], 'script', { host: /^js-agent\.newrelic\.com$/ }, NEW_RELIC),
  sig('newrelic', 'New Relic Browser', ['rum', 'errors'], 'beacon', { host: /^bam(?:-cell)?\.(?:eu01\.)?nr-data\.net$/ }, NEW_RELIC),
  sig('bugsnag', 'Bugsnag', ['errors'], 'script', { path: /\/bugsnag(?:\.min)?\.js$/ }, BUGSNAG),
  sig('bugsnag', 'Bugsnag', ['errors'], 'beacon', { host: /^(?:sessions|notify)\.bugsnag\.com$/ }, BUGSNAG),
  sig('rollbar', 'Rollbar', ['errors'], 'script', { host: /^cdn\.rollbar\.com$/ }, ROLLBAR),
  sig('rollbar', 'Rollbar', ['errors'], 'beacon', { host: /^api\.rollbar\.com$/ }, ROLLBAR),
  sig('logrocket', 'LogRocket', ['replay', 'errors'], 'script', { host: /^cdn\.(?:logrocket\.io|lr-ingest\.io|lr-in\.com|lr-in-prod\.com|lgrckt-in\.com)$/ }, LOGROCKET),
  sig('logrocket', 'LogRocket', ['replay', 'errors'], 'beacon', { host: /^r\.(?:lr-ingest\.io|lr-in\.com|lr-in-prod\.com|lgrckt-in\.com)$/ }, LOGROCKET),
  sig('elastic-apm', 'Elastic APM (RUM)', ['rum', 'errors'], 'script', { path: /\/elastic-apm-rum(?:\.umd)?(?:\.min)?\.js$/ }, ELASTIC),
  sig('dynatrace', 'Dynatrace', ['rum', 'errors'], 'script', { host: /^js-cdn\.dynatrace\.com$/ }, DYNATRACE),
  sig('dynatrace', 'Dynatrace', ['rum', 'errors'], 'script', { path: /\/ruxitagentjs_[A-Za-z0-9_]{1,80}\.js$/ }, DYNATRACE),
  sig('appdynamics', 'AppDynamics Browser RUM', ['rum', 'errors'], 'script', { path: /\/adrum(?:-[\d.]{1,20})?(?:\.min)?\.js$/ }, APPDYNAMICS),
  sig('raygun', 'Raygun', ['errors', 'rum'], 'script', { host: /^cdn\.raygun\.io$/ }, RAYGUN),
  sig('trackjs', 'TrackJS', ['errors'], 'script', { host: /^cdn\.trackjs\.com$/ }, TRACKJS),
  sig('honeybadger', 'Honeybadger', ['errors'], 'script', { host: /^js\.honeybadger\.io$/ }, HONEYBADGER),
  sig('app-insights', 'Azure Application Insights', ['rum', 'errors'], 'script', { host: /^js\.monitor\.azure\.com$/ }, APP_INSIGHTS),
  sig('app-insights', 'Azure Application Insights', ['rum', 'errors'], 'beacon', { host: /(?:^|\.)in\.applicationinsights\.azure\.com$/ }, APP_INSIGHTS),
  sig('splunk-rum', 'Splunk RUM', ['rum', 'errors'], 'script', { host: /^cdn\.signalfx\.com$/, path: /\/splunk-otel-web/ }, SPLUNK),
  sig('speedcurve', 'SpeedCurve LUX', ['rum'], 'script', { host: /^cdn\.speedcurve\.com$/ }, SPEEDCURVE),
  sig('pingdom-rum', 'Pingdom RUM', ['rum'], 'script', { host: /^rum-static\.pingdom\.net$/ }, PINGDOM),
];
