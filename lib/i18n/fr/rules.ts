import { components } from './rules/components';
import { disclosure } from './rules/disclosure';
import { headers } from './rules/headers';
import { transport } from './rules/transport';

export const rules = { ...transport, ...headers, ...disclosure, ...components };
