// Loaded with `node --import`, it prints `sipmock-test-loaded <url>` on stdout for every file module
// the process loads, so a test can check which modules a command pulls in.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// The hooks run on a thread of their own, which loads this file again: register only once.
if (isMainThread) register(import.meta.url);

export async function load(url, context, next) {
  if (url.startsWith('file:')) console.log(`sipmock-test-loaded ${url}`);
  return next(url, context);
}
