#!/usr/bin/env node
// Plain `env node`: `env -S node <flags>` breaks on busybox (Alpine images) and in npm's Windows
// shims. The node flags sipmock runs best with are in package.json's `start` script instead.
import { runCli } from './index.js';

process.exitCode = await runCli(process.argv.slice(2));
