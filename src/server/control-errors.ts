import type { NextFunction, Request, Response } from 'express';
import { MOCK_ERRORS, MockError } from '../errors.js';

/**
 * The control API's errors: JSON `{ error: <catalog code>, message, violations? }` with
 * `x-sipmock-error`, like provider errors. Malformed JSON and unexpected failures included: no
 * HTML page and no stack trace reach a client.
 */
export function sendControlError(res: Response, error: MockError, details: Record<string, unknown> = {}): void {
  const body: Record<string, unknown> = { error: error.code, message: error.message, ...details };
  if (error.violations.length > 0) body.violations = error.violations;
  res.status(error.status).set('x-sipmock-error', error.code).json(body);
}

/** The last handler of the control router: every error becomes a catalog error. */
export function controlErrorHandler(logger: { error(message: string): void }) {
  return function handleControlError(thrown: unknown, req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) return next(thrown);
    sendControlError(res, toControlError(thrown, req, logger));
  };
}

function toControlError(thrown: unknown, req: Request, logger: { error(message: string): void }): MockError {
  if (thrown instanceof MockError && MOCK_ERRORS[thrown.code].scope !== 'startup') return thrown;
  // body-parser marks its own failures (malformed JSON, too large) with a type and a status.
  const parser = thrown as { type?: string; status?: number; message?: string };
  if (parser?.type === 'entity.parse.failed') return new MockError('MOCK_ERR_CONTROL_BODY', { why: parser.message ?? 'unparseable' });
  if (parser?.type === 'entity.too.large') return new MockError('MOCK_ERR_CONTROL_BODY', { why: 'the body is too large' });
  if (thrown instanceof MockError) return new MockError('MOCK_ERR_CONTROL_INTERNAL', { why: thrown.message });
  logger.error(`${req.method} ${req.originalUrl}: ${(thrown as Error)?.stack ?? thrown}`);
  return new MockError('MOCK_ERR_CONTROL_INTERNAL', { why: (thrown as Error)?.message ?? String(thrown) });
}
