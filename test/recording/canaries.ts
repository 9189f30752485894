import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** Distinct secrets, each a string nothing else contains, so finding one anywhere means it leaked. */
export type Canaries = { sent: Set<string>; next(label: string): string };

export function createCanaries(): Canaries {
  const sent = new Set<string>();
  let n = 0;
  return {
    sent,
    next(label) {
      n += 1;
      const value = `cnry${n}${label.replace(/[^a-z]/gi, '').slice(0, 6)}q${(n * 7919).toString(36)}`;
      sent.add(value);
      return value;
    },
  };
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** A JWT whose payload and signature carry canaries. */
export function jwtOf(canaries: Canaries, label: string): string {
  return `${b64url('{"alg":"HS256"}')}.${b64url(`{"sub":"${canaries.next(`${label}sub`)}"}`)}.${canaries.next(`${label}sig`)}`;
}

/** `Basic base64(user:password)`, the password and the base64 both canaries. */
export function basicOf(canaries: Canaries, label: string): string {
  const encoded = Buffer.from(`user:${canaries.next(`${label}pw`)}`).toString('base64');
  canaries.sent.add(encoded);
  return `Basic ${encoded}`;
}

/** Secret members a JSON body may hold, at the top and nested, with secrets inside values too. */
export function secretMembers(canaries: Canaries, side: string): Record<string, unknown> {
  const c = (name: string) => canaries.next(`${side}${name}`);
  return {
    password: c('password'), passwd: c('passwd'), secret: c('secret'), client_secret: c('clientsecret'), refresh_token: c('refresh'),
    authPassword: c('authpw'), auth_password: c('authpw'), sip_password: c('sippw'), 'auth-password': c('authpw'), api_key: c('apikey'),
    apiKey: c('apikey'), credential: c('cred'), credentials: [c('creds')], jwt: jwtOf(canaries, side),
    nested: { a: { b: { c: { access_token: c('nestedtok') } } } },
    contact: `sip:101:${c('sipuri')}@sip.example.net`,
    note: `header was ${basicOf(canaries, side)} then Bearer ${c('bearer')}1`,
    url: `https://user:${c('userinfo')}@h.example/x?access_token=${c('urltoken')}&page=1`,
    links: { self: `https://api.sippet.ai/api/gateways?token=${c('linktoken')}&page[number]=1`, first: `/api/gateways?apikey=${c('linkkey')}` },
    remark: `see ${jwtOf(canaries, `${side}remark`)} for details`,
  };
}

/** A body nested 10k deep, its secret at the bottom. */
export function deepBody(canaries: Canaries, side: string): string {
  return `{"password":"${canaries.next(`${side}deeptop`)}","d":${'{"a":'.repeat(10_000)}{"token":"${canaries.next(`${side}deepbottom`)}"}${'}'.repeat(10_000)}}`;
}

/**
 * A small upstream that answers every request with secrets in every header and body shape the
 * `?as=` parameter asks for, and echoes what it received (headers, query, parsed body) as httpbin does.
 */
export function createEchoUpstream(canaries: Canaries) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://upstream');
      const as = url.searchParams.get('as') ?? 'json';
      const c = (name: string) => canaries.next(`res${as}${name}`);
      const headers: Record<string, string | string[]> = {
        location: `https://user:${c('locuser')}@h.example/x?token=${c('loctoken')}`,
        link: `<https://h.example/x?apikey=${c('linkkey')}>; rel="next", <https://u:${c('linkuser')}@h.example/>; rel="first"`,
        'www-authenticate': `Bearer realm="${c('realm')}", error_description="token ${c('wwwdesc')} expired"`,
        'set-cookie': [`sid=${c('cookie')}`],
        'x-secret-header': c('xsecret'),
        'x-request-id': 'req-42',
      };
      const text = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown = { bytes: text.length };
      try {
        parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
        JSON.stringify(parsed);
      } catch {
        if (req.headers['content-type'] === 'application/x-www-form-urlencoded') parsed = Object.fromEntries(new URLSearchParams(text));
      }
      const echo = { headers: req.headers, query: Object.fromEntries(url.searchParams), body: parsed };
      const json = (body: unknown) => res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (as === 'form') return void res.writeHead(200, { ...headers, 'content-type': 'application/x-www-form-urlencoded' }).end(`access_token=${c('formtok')}&refresh_token=${c('formrefresh')}`);
      if (as === 'text') return void res.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end(`your token is ${c('plain')}`);
      if (as === 'malformed') return void res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(`{"secret": "${c('malformed')}", `);
      if (as === 'bom') return void res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(`\uFEFF${JSON.stringify({ apikey: c('bom'), echo })}`);
      if (as === 'deep') return void res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(deepBody(canaries, 'res'));
      if (as === 'gzip') return void res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify({ ...secretMembers(canaries, 'resgz'), echo })));
      json({ ...secretMembers(canaries, `res${as}`), echo });
    });
  };
}
