import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';

// Specs are plain YAML trees here; each edit knows the shape it changes.
type Node = Record<string, any>;

/** A real edit of one of our specs, as a provider might publish it. */
export type SpecEdit = { name: string; slug: string; apply(document: Node): void };

export const EDITS = {
  sippetProviderLosesVonage: {
    name: 'sippet GatewayProvider loses the enum value vonage',
    slug: 'sippet',
    apply: (d: Node) => {
      d.components.schemas.GatewayProvider.enum = d.components.schemas.GatewayProvider.enum.filter((v: string) => v !== 'vonage');
    },
  },
  signalwireEncryptionLosesDefault: {
    name: 'signalwire Encryption loses the enum value default',
    slug: 'signalwire',
    apply: (d: Node) => {
      d.components.schemas.Encryption.enum = d.components.schemas.Encryption.enum.filter((v: string) => v !== 'default');
    },
  },
  nebrijaCreateRequiresAdvanced: {
    name: 'nebrija create body requires advanced',
    slug: 'nebrija',
    apply: (d: Node) => {
      d.components.schemas.CreateSipTrunkRequest.required.push('advanced');
    },
  },
  voicetelRenamesIp: {
    name: "voicetel add's 200 rows rename IP to ip",
    slug: 'voicetel',
    apply: (d: Node) => {
      const entry = d.components.schemas.gatewayAddedEntry;
      entry.properties = { route: entry.properties.route, ip: entry.properties.IP };
      entry.required = ['route', 'ip'];
    },
  },
  yetiDropsDeletePop: {
    name: 'yeti drops deletePop',
    slug: 'yeti',
    apply: (d: Node) => {
      delete d.paths['/api/rest/admin/pops/{id}'].delete;
    },
  },
  yetiRenamesDeletePop: {
    name: 'yeti renames the operationId deletePop to destroyPop',
    slug: 'yeti',
    apply: (d: Node) => {
      d.paths['/api/rest/admin/pops/{id}'].delete.operationId = 'destroyPop';
    },
  },
  voicetelMovesAddToV22: {
    name: 'voicetel moves gatewaysAdd to /v2.2/gateways/add/',
    slug: 'voicetel',
    apply: (d: Node) => {
      d.paths['/v2.2/gateways/add/'] = d.paths['/v2.1/gateways/add/'];
      delete d.paths['/v2.1/gateways/add/'];
    },
  },
  nebrijaAddsOptionalNotes: {
    name: 'nebrija create body gets an optional notes field (additive)',
    slug: 'nebrija',
    apply: (d: Node) => {
      d.components.schemas.CreateSipTrunkRequest.properties.notes = { type: 'string', maxLength: 200, description: 'Free text.' };
    },
  },
  yetiCreatePopAnswers200: {
    name: 'yeti createPop answers 200 instead of 201',
    slug: 'yeti',
    apply: (d: Node) => {
      const responses = d.paths['/api/rest/admin/pops'].post.responses;
      responses['200'] = responses['201'];
      delete responses['201'];
    },
  },
  signalwireDropsBasicAuth: {
    name: 'signalwire replaces Basic auth with a bearer token',
    slug: 'signalwire',
    apply: (d: Node) => {
      const [name] = Object.keys(d.components.securitySchemes);
      d.components.securitySchemes[name] = { type: 'http', scheme: 'bearer' };
    },
  },
  nebrijaPortBecomesString: {
    name: 'nebrija gateway port becomes a string in requests',
    slug: 'nebrija',
    apply: (d: Node) => {
      d.components.schemas.GatewayInput.properties.port = { type: 'string', pattern: '^[0-9]+$' };
    },
  },
} satisfies Record<string, SpecEdit>;

/** Reads specs/<slug>.openapi.yaml, applies the edit in memory, and writes the candidate into `dir`. */
export async function writeCandidate(dir: string, edit: SpecEdit): Promise<string> {
  const document = parse(await readFile(join(DEFAULT_SPECS_DIR, `${edit.slug}.openapi.yaml`), 'utf8')) as Node;
  edit.apply(document);
  const file = join(dir, `${edit.slug}.openapi.yaml`);
  await writeFile(file, stringify(document));
  return file;
}
