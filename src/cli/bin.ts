#!/usr/bin/env node
// Plain `env node`: `env -S node <flags>` breaks on busybox (Alpine images) and in npm's Windows
// shims. The node flags sipmock runs best with are in package.json's `start` script instead, except
// heap growing, which V8 takes at run time (heap-tuning.ts), so `npx sipmock` gets it too.
import { tuneHeap } from './heap-tuning.js';
import { runCli } from './index.js';

tuneHeap();
process.exitCode = await runCli(process.argv.slice(2));
