// Types for scripts/ensure-chromium.mjs, so TypeScript files (playwright.config.ts, tests) can
// import it while the root tsconfig keeps allowJs off.

/** Where Debian and Ubuntu put the browser; CHROMIUM_PATH wins over both. */
export declare const CANDIDATE_PATHS: readonly string[];

/** The Chromium executable to use, or undefined; installs nothing. */
export declare function findChromium(env?: Readonly<Record<string, string | undefined>>): string | undefined;

/** Finds or (as root on Debian) installs Chromium; returns the process exit code. */
export declare function ensureChromium(): number;
