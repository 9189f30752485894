import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { MockError } from '../errors.js';

/**
 * Reads a credentials file (JSON or YAML): one list of accepted credentials per provider slug.
 *
 * @example
 * sippet: [sk_test_abc]
 * signalwire: ["0b7c…:PT123"]          # project_id:api_token
 * voicetel: [0123456789abcdef0123456789abcdef, "12345:secret"]   # keys, or logins for account/apikey
 * nebrija: [nbj_live_abc]
 * yeti: ["admin:111111"]               # admin logins for POST /api/rest/admin/auth
 */
export async function loadCredentialsFile(file: string, knownSlugs: string[]): Promise<Record<string, string[]>> {
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `cannot read credentials file ${file}: ${(error as Error).message}` });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `credentials file ${file} must map provider slugs to lists of credentials` });
  }
  const credentials: Record<string, string[]> = {};
  for (const [slug, list] of Object.entries(parsed)) {
    if (!knownSlugs.includes(slug)) {
      throw new MockError('MOCK_ERR_CONFIG', { why: `credentials file ${file} names unknown provider "${slug}"; known: ${knownSlugs.join(', ')}` });
    }
    if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string' && typeof entry !== 'number')) {
      throw new MockError('MOCK_ERR_CONFIG', { why: `credentials file ${file}: "${slug}" must be a list of strings` });
    }
    credentials[slug] = list.map(String);
  }
  return credentials;
}
