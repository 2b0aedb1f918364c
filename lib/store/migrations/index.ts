/** All schema steps, in order. Add a step: a new file `vN-….ts`, append it here, add frozen v(N-1) records to the migration test. */
import type { Migration } from './types';
import { v1Initial } from './v1-initial';
import { v2DomainIndex } from './v2-domain-index';

export const MIGRATIONS: readonly Migration[] = [v1Initial, v2DomainIndex];
export const LATEST_VERSION = MIGRATIONS.length;
export type { Migration } from './types';
