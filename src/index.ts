// The library API: the same core the CLI calls.

export { build, type BuildReport } from './build/build.js';
export { renderLetters, listLetters, type BuildOptions, type RenderedLetter, type RenderedArtifact } from './build/build-letters.js';
export { letterModel } from './build/letter-model.js';
export { staleArtifacts } from './build/check-current.js';
export { checkLetter } from './check/check-letter.js';
export { addSignatories, type AddReport, type Candidate } from './signatories/add-signatories.js';
export { readSignatoryCsv } from './signatories/import-csv.js';
export { listSignatories, type ListedSignatory } from './signatories/list-signatories.js';
export { loadLetter, parseLetter, type Letter } from './load/load-letter.js';
export { letterJsonSchema } from './load/json-schema.js';
export { nodeWorld } from './core/node-world.js';
export type { World } from './core/world.js';
export { LetterError, formatDiagnostic, type Diagnostic, type SourcePos } from './core/diagnostics.js';
export type { DocumentModel } from './model/document.js';
export { FORMATS } from './render/formats.js';
export { main } from './cli/main.js';
