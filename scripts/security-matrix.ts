// Writes the authorization matrix (the test's expected table) into docs/SECURITY.md:
// `npm run security:matrix`. The matrix test fails when the document is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { projectRoot } from '../server/config';
import { registryDocs } from '../tests/integration/authorization/registry';
import {
  MATRIX_BEGIN,
  MATRIX_END,
  matrixMarkdown,
} from '../tests/integration/authorization/markdown';

const file = path.join(projectRoot, 'docs', 'SECURITY.md');
const doc = readFileSync(file, 'utf8');
const a = doc.indexOf(MATRIX_BEGIN);
const b = doc.indexOf(MATRIX_END);
if (a < 0 || b < a) throw new Error(`docs/SECURITY.md needs ${MATRIX_BEGIN} ... ${MATRIX_END}`);
const table = matrixMarkdown(registryDocs());
const next = `${doc.slice(0, a + MATRIX_BEGIN.length)}\n\n${table}\n\n${doc.slice(b)}`;
const options = (await prettier.resolveConfig(file)) ?? {};
writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
console.log(`docs/SECURITY.md: matrix of ${table.split('\n').length} lines written`);
process.exit(0);
