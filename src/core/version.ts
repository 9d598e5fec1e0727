// The tool's own version, from its package.json (recorded in every manifest). Read as a file:
// require() of a JSON file through createRequire took 2.5 ms of every start.

import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
