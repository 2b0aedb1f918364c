/**
 * Imported first by seed-history.ts: evaluated through the debugging protocol, the seeding bundle's
 * copy of zod must not compile validators with `new Function`, which the extension page's
 * Content-Security-Policy forbids. The setting is read when schemas are built, hence a module of
 * its own, evaluated before lib/store's schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });
