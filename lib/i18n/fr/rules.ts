import { components } from './rules/components';
import { cookies } from './rules/cookies';
import { csp } from './rules/csp';
import { disclosure } from './rules/disclosure';
import { headers } from './rules/headers';
import { mixedContent } from './rules/mixed-content';
import { performance } from './rules/performance';
import { supervision } from './rules/supervision';
import { transport } from './rules/transport';
import { waf } from './rules/waf';

export const rules = { ...transport, ...headers, ...csp, ...cookies, ...disclosure, ...components, ...mixedContent, ...waf, ...supervision, ...performance };
