// `npm run build:ferretdb`: builds the embedded FerretDB into TOOLS_DIR (default .tools/) ahead of
// time, with progress; the server and the tests otherwise build it on first use.
import path from 'node:path';
import { projectRoot } from '../server/config';
import { ensureFerretdb } from '../server/db/ferretdbBinary';

const toolsDir = path.resolve(process.env.TOOLS_DIR ?? path.join(projectRoot, '.tools'));
const bin = await ensureFerretdb(toolsDir, (l) => process.stdout.write(l + '\n'));
console.log(`FerretDB ready: ${bin}`);
