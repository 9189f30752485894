import express, { type Router } from 'express';
import { MockError } from '../errors.js';
import { toJournalFilter } from '../journal/journal-filter.js';
import type { TestKit } from './test-kit.js';

const OVERRIDE_BODY_LIMIT = '1mb';

/**
 * /__sipmock/journal (GET with filters, DELETE) and /__sipmock/overrides (POST, GET, DELETE, one
 * or all). Errors reach the control router's handler, which answers JSON.
 */
export function createKitRoutes(kit: TestKit): Router {
  const router = express.Router();

  router.get('/journal', (req, res) => {
    const filter = toJournalFilter(req.query as Record<string, unknown>);
    res.json({ entries: kit.journal.entries(filter) });
  });
  router.delete('/journal', (req, res) => {
    kit.journal.clear();
    res.status(204).end();
  });

  router.post('/overrides', express.json({ limit: OVERRIDE_BODY_LIMIT, type: () => true }), (req, res) => {
    // express.json leaves the body undefined when there was none.
    const view = kit.overrides.add(req.body ?? null);
    res.status(201).location(`/__sipmock/overrides/${view.id}`).json(view);
  });
  router.get('/overrides', (req, res) => {
    res.json({ overrides: kit.overrides.list() });
  });
  router.get('/overrides/:id', (req, res) => {
    res.json(kit.overrides.get(req.params.id));
  });
  router.delete('/overrides', (req, res) => {
    kit.overrides.clear();
    res.status(204).end();
  });
  router.delete('/overrides/:id', (req, res) => {
    if (!kit.overrides.remove(req.params.id)) throw new MockError('MOCK_ERR_OVERRIDE_NOT_FOUND', { id: req.params.id });
    res.status(204).end();
  });
  return router;
}
