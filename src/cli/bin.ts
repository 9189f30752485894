#!/usr/bin/env -S node --max-semi-space-size=8
// The flag halves V8's young generation (16 MiB semi-spaces by default): about 20 MiB less RSS under
// load, with no throughput cost measured (bench/README.md). `npm start` and the benchmark run it too.
import { runCli } from './index.js';

process.exitCode = await runCli(process.argv.slice(2));
