import type { HttpSecurityScheme, IHttpOperation, IHttpParam, IMediaTypeContent } from '@stoplight/types';
import { diffSchemas } from './schema-diff.js';
import type { SchemaSide, SpecChange } from './spec-change.js';

type Located = Omit<SpecChange, 'operationId' | 'method' | 'path'>;

/** Every change between two versions of one operation (already matched by operationId or route). */
export function diffOperation(before: IHttpOperation, after: IHttpOperation): Located[] {
  return [
    ...diffRoute(before, after),
    ...diffDocs(before, after),
    ...diffSecurity(before, after),
    ...diffParameters(before, after),
    ...diffBody(before, after),
    ...diffResponses(before, after),
  ];
}

/** `/gateways/{id}` and `/gateways/{gatewayId}` are the same route on the wire. */
export function routeOf(operation: IHttpOperation): string {
  return `${operation.method.toUpperCase()} ${wirePath(operation.path)}`;
}

function wirePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

function diffRoute(before: IHttpOperation, after: IHttpOperation): Located[] {
  const changes: Located[] = [];
  if (before.method !== after.method) {
    const message = `method ${before.method.toUpperCase()} → ${after.method.toUpperCase()}`;
    changes.push({ kind: 'breaking', where: 'operation', pointer: '', rule: 'method-changed', message });
  }
  if (wirePath(before.path) !== wirePath(after.path)) {
    changes.push({ kind: 'breaking', where: 'operation', pointer: '', rule: 'path-changed', message: `path ${before.path} → ${after.path}` });
  }
  return changes;
}

function diffDocs(before: IHttpOperation, after: IHttpOperation): Located[] {
  const changes: Located[] = [];
  if (before.deprecated !== true && after.deprecated === true) {
    changes.push({ kind: 'non-breaking', where: 'operation', pointer: '', rule: 'deprecated', message: 'operation deprecated' });
  }
  for (const field of ['summary', 'description'] as const) {
    if ((before[field] ?? '') === (after[field] ?? '')) continue;
    changes.push({ kind: 'non-breaking', where: 'operation', pointer: '', rule: 'doc-changed', message: `${field} changed` });
  }
  return changes;
}

/**
 * Security as a set of alternatives (each one a set of schemes the client sends together). An
 * alternative that disappears breaks the clients that use it; a new one is an extra way in.
 */
function diffSecurity(before: IHttpOperation, after: IHttpOperation): Located[] {
  const was = securityAlternatives(before.security);
  const now = securityAlternatives(after.security);
  const changes: Located[] = [];
  for (const alternative of was) {
    if (now.includes(alternative)) continue;
    const message = `auth ${alternative} is no longer accepted; now: ${now.join(' or ')}`;
    changes.push({ kind: 'breaking', where: 'auth', pointer: '', rule: 'auth-removed', message });
  }
  for (const alternative of now) {
    if (was.includes(alternative)) continue;
    changes.push({ kind: 'additive', where: 'auth', pointer: '', rule: 'auth-added', message: `auth ${alternative} is now accepted` });
  }
  return changes;
}

function securityAlternatives(security: HttpSecurityScheme[][] | undefined): string[] {
  if (!security || security.length === 0) return ['(none)'];
  return security.map((alternative) =>
    alternative.length === 0 ? '(none)' : alternative.map(describeScheme).sort().join(' + '),
  );
}

function describeScheme(scheme: HttpSecurityScheme): string {
  const details = scheme as unknown as Record<string, unknown>;
  const how = [details.type, details.scheme, details.in, details.name, details.bearerFormat, details.openIdConnectUrl].filter(Boolean);
  return `${scheme.key} (${how.join(' ')})`;
}

function diffParameters(before: IHttpOperation, after: IHttpOperation): Located[] {
  const was = parametersByKey(before);
  const now = parametersByKey(after);
  const changes: Located[] = [];
  for (const [key, parameter] of was) {
    const where = `${parameter.location} parameter ${parameter.param.name}`;
    const next = now.get(key);
    if (!next) {
      changes.push({ kind: 'breaking', where, pointer: '', rule: 'parameter-removed', message: 'parameter removed' });
      continue;
    }
    if (!parameter.param.required && next.param.required) {
      changes.push({ kind: 'breaking', where, pointer: '', rule: 'parameter-required', message: 'parameter is now required' });
    } else if (parameter.param.required && !next.param.required) {
      changes.push({ kind: 'additive', where, pointer: '', rule: 'parameter-optional', message: 'parameter is now optional' });
    }
    changes.push(...locate(where, diffSchemas(parameter.param.schema ?? {}, next.param.schema ?? {}, 'request')));
  }
  for (const [key, parameter] of now) {
    if (was.has(key)) continue;
    const where = `${parameter.location} parameter ${parameter.param.name}`;
    const required = parameter.param.required === true;
    const message = required ? 'new required parameter' : 'new optional parameter';
    changes.push({ kind: required ? 'breaking' : 'additive', where, pointer: '', rule: 'parameter-added', message });
  }
  return changes;
}

type LocatedParam = { location: string; param: IHttpParam };

/** Path parameters are keyed by position in the path, so renaming one is no change on the wire. */
function parametersByKey(operation: IHttpOperation): Map<string, LocatedParam> {
  const map = new Map<string, LocatedParam>();
  const pathNames = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((found) => found[1]);
  for (const param of operation.request?.path ?? []) {
    map.set(`path#${pathNames.indexOf(param.name)}`, { location: 'path', param });
  }
  for (const location of ['query', 'headers'] as const) {
    for (const param of operation.request?.[location] ?? []) {
      const name = location === 'headers' ? param.name.toLowerCase() : param.name;
      map.set(`${location}:${name}`, { location: location === 'headers' ? 'header' : 'query', param });
    }
  }
  return map;
}

function diffBody(before: IHttpOperation, after: IHttpOperation): Located[] {
  const was = before.request?.body;
  const now = after.request?.body;
  const wasContents = was?.contents ?? [];
  const nowContents = now?.contents ?? [];
  if (wasContents.length === 0 && nowContents.length === 0) return [];
  const where = 'request body';
  if (wasContents.length === 0) {
    const required = now?.required === true;
    return [{ kind: required ? 'breaking' : 'additive', where, pointer: '', rule: 'body-added', message: `new ${required ? 'required' : 'optional'} request body` }];
  }
  if (nowContents.length === 0) {
    return [{ kind: 'breaking', where, pointer: '', rule: 'body-removed', message: 'the operation no longer takes a request body' }];
  }
  const changes: Located[] = [];
  if (was?.required !== true && now?.required === true) {
    changes.push({ kind: 'breaking', where, pointer: '', rule: 'body-required', message: 'the request body is now required' });
  } else if (was?.required === true && now?.required !== true) {
    changes.push({ kind: 'additive', where, pointer: '', rule: 'body-optional', message: 'the request body is now optional' });
  }
  changes.push(...diffContents(wasContents, nowContents, 'request', where));
  return changes;
}

function diffResponses(before: IHttpOperation, after: IHttpOperation): Located[] {
  const changes: Located[] = [];
  const nowCodes = after.responses.map((response) => response.code);
  const successNow = nowCodes.filter((code) => code.startsWith('2'));
  for (const response of before.responses) {
    const where = `response ${response.code}`;
    const next = after.responses.find((candidate) => candidate.code === response.code);
    if (!next) {
      const success = response.code.startsWith('2');
      const message = success
        ? `success status ${response.code} removed; success now: ${successNow.join(', ') || '(none)'}`
        : `status ${response.code} removed; clients handling it never see it again and get another status instead`;
      changes.push({ kind: 'breaking', where, pointer: '', rule: 'status-removed', message });
      continue;
    }
    changes.push(...diffContents(response.contents ?? [], next.contents ?? [], 'response', where));
  }
  for (const response of after.responses) {
    if (before.responses.some((candidate) => candidate.code === response.code)) continue;
    changes.push({ kind: 'additive', where: `response ${response.code}`, pointer: '', rule: 'status-added', message: `new status ${response.code}` });
  }
  return changes;
}

function diffContents(was: IMediaTypeContent[], now: IMediaTypeContent[], side: SchemaSide, where: string): Located[] {
  const changes: Located[] = [];
  const key = (content: IMediaTypeContent) => content.mediaType.toLowerCase();
  for (const content of was) {
    const next = now.find((candidate) => key(candidate) === key(content));
    if (!next) {
      const left = now.map(key).join(', ') || '(no body)';
      changes.push({ kind: 'breaking', where, pointer: '', rule: 'media-type-removed', message: `media type ${key(content)} removed; now: ${left}` });
      continue;
    }
    changes.push(...locate(`${where} ${key(content)}`, diffSchemas(content.schema ?? {}, next.schema ?? {}, side)));
  }
  for (const content of now) {
    if (was.some((candidate) => key(candidate) === key(content))) continue;
    changes.push({ kind: 'additive', where, pointer: '', rule: 'media-type-added', message: `new media type ${key(content)}` });
  }
  return changes;
}

function locate(where: string, changes: ReturnType<typeof diffSchemas>): Located[] {
  return changes.map((change) => ({ ...change, where }));
}
