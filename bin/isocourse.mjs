#!/usr/bin/env node
// Entry point of the `isocourse` command. The sources are TypeScript run through tsx's loader
// (docs/adr/0003-typescript-at-runtime.md), so no build step stands between a checkout and a run.
import { register } from 'tsx/esm/api';

register();
const { main, processIo } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), processIo);
// serve keeps running (its own signal handlers end it); every other command ends here
if (code !== null) process.exitCode = code;
