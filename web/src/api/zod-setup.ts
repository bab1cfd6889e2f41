import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` when it may, and probes for that ability on
 * first use. The server's Content-Security-Policy forbids eval, so the probe would be reported
 * as a CSP violation even though zod catches it: `jitless` skips both the probe and the
 * compilation. Imported first by main.tsx, before anything parses.
 */
z.config({ jitless: true });
