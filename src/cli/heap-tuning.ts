import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent.
 * With a heap limit of 2 GiB or more (node's default on a machine with 8 GiB or more), V8 lets it
 * grow by up to 300%. A server's heap under load is mostly answers and journal entries that die
 * soon after, so the heap then swells to four times what is alive before it is collected: 166 MiB
 * of RSS after the benchmark's load, with about 20 MiB alive. At 100 the same load ends at about
 * 130 MiB, for about 2% more of a core spent collecting.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Below this heap limit V8 grows by 100% or less on its own (its factor falls from 2.0 to 1.3 as
 * the limit shrinks to 256 MiB): the setting would only make it grow more.
 */
const LARGE_HEAP_LIMIT = 2 * 1024 * 1024 * 1024;

const FLAG = /^--heap[-_]growing[-_]percent=/;

/**
 * Whether node was started with a heap growing of its user's own. Node takes V8 flags such as this
 * one only as `--flag=value` among its arguments (NODE_OPTIONS refuses it, and a separate value is
 * "a bad option").
 */
export function userChoseHeapGrowing(execArgv: readonly string[]): boolean {
  return execArgv.some((argument) => FLAG.test(argument));
}

/**
 * Sets V8's heap growing for the sipmock CLI process (a program that embeds sipmock keeps its
 * own), unless its user chose one or the heap limit is small. V8 reads the flag at every
 * collection, so setting it after start works. It also replaces V8's smaller factor near the heap
 * limit, which only a heap of gigabytes reaches. Returns whether it was set.
 */
export function tuneHeap(execArgv: readonly string[] = process.execArgv, heapLimit = getHeapStatistics().heap_size_limit): boolean {
  if (userChoseHeapGrowing(execArgv) || heapLimit < LARGE_HEAP_LIMIT) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
