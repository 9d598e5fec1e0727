// zod as the project uses it: the functional `zod/mini` build with zod's English messages.
// The classic build attaches every method to every schema it makes and bundled to 580 KB;
// importing it cost 70–100 ms of each `letter` run, a no-op build's largest single part.
// Schema modules import `zod/mini` as a namespace (esbuild keeps only what they use) and
// this module beside it, which sets the messages before anything is parsed.

import { config, globalRegistry, type core, type ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

/**
 * A copy of `schema` carrying metadata for the JSON Schema (an `id`, a `description`), made as
 * classic zod's `.meta()` and `.describe()` make it: registered with only these fields, so a
 * described use of a named schema refers to it instead of repeating its `id`.
 */
export function withMeta<T extends ZodMiniType>(schema: T, meta: core.GlobalMeta): T {
  const copy = schema.clone() as T;
  globalRegistry.add(copy, meta);
  return copy;
}
