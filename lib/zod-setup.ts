/**
 * zod compiles fast validators with `new Function` when it may; extension pages forbid that by
 * their content security policy, so zod would only try and fall back. Turned off at start-up so
 * the extension never even attempts to evaluate generated code.
 */
import { z } from 'zod';

z.config({ jitless: true });
