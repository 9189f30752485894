import express, { type Request, type Response, type Router } from 'express';
import type { JournalEntry } from '../journal/entry.js';
import type { TestKit } from '../server/test-kit.js';
import { INSPECTOR_CSS, INSPECTOR_HTML } from './inspector-page.js';
import { INSPECTOR_SCRIPT } from './inspector-script.js';

/** A stream whose client reads slower than this much pending output is dropped; EventSource reconnects with Last-Event-ID. */
const MAX_PENDING_BYTES = 1 << 20;
const HEARTBEAT_MS = 15_000;

/** Only this origin's own script and style, no framing: the page steers the mock. */
const PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The inspector page (GET /__sipmock/, with its script and style beside it) and the journal's
 * event stream (GET /__sipmock/journal/events). They sit behind the control API's guard.
 */
export function createInspectorRoutes(kit: TestKit): Router {
  const router = express.Router();
  router.get('/', (req, res) => sendAsset(res, 'text/html; charset=utf-8', INSPECTOR_HTML));
  router.get('/inspector.js', (req, res) => sendAsset(res, 'text/javascript; charset=utf-8', INSPECTOR_SCRIPT));
  router.get('/inspector.css', (req, res) => sendAsset(res, 'text/css; charset=utf-8', INSPECTOR_CSS));
  router.get('/journal/events', (req, res) => streamJournal(req, res, kit));
  return router;
}

function sendAsset(res: Response, type: string, body: string): void {
  res.set({ 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': PAGE_POLICY, 'x-content-type-options': 'nosniff' }).send(body);
}

/**
 * Server-sent events: `event: entry` with a journal entry as data and its id as the event id.
 * `?since=<id>` (or the Last-Event-ID a reconnecting EventSource sends) first replays the entries
 * the ring still holds after that id. The stream ends when the server closes.
 */
function streamJournal(req: Request, res: Response, kit: TestKit): void {
  const since = toSince(req.get('last-event-id') ?? req.query.since);
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  // A server already closing answers at once, with nothing: its shutdown must not wait on a stream.
  if (kit.closing.signal.aborted) return void res.end();
  res.write('retry: 1000\n\n');
  const send = (entry: JournalEntry) => {
    if (res.writableLength > MAX_PENDING_BYTES) return end();
    res.write(`id: ${entry.id}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`);
  };
  if (since !== undefined) for (const entry of kit.journal.entries({ since })) send(entry);
  const unsubscribe = kit.journal.subscribe(send);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  function stop(): void {
    unsubscribe();
    clearInterval(heartbeat);
    kit.closing.signal.removeEventListener('abort', end);
  }
  function end(): void {
    stop();
    res.end();
  }
  kit.closing.signal.addEventListener('abort', end, { once: true });
  res.on('close', stop);
}

function toSince(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value);
}
