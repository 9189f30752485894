// Build step after tsc: precompiles the shipped specs (operation model and Ajv validators) into
// dist/precompiled/, so that a fresh install neither parses a spec nor compiles a validator at run
// time. See src/openapi/precompiled.ts.
import { fileURLToPath } from 'node:url';
import { precompileSpecs } from '../dist/openapi/precompile.js';

const specsDir = fileURLToPath(new URL('../specs/', import.meta.url));
const written = await precompileSpecs(specsDir);
if (process.argv.includes('--verbose')) for (const line of written) console.log(`precompiled ${line}`);
