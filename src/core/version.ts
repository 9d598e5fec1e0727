// The tool's own version, from its package.json (recorded in every manifest).

import { createRequire } from 'node:module';

export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
