// Adds signatories to a letter.yaml in place: duplicates (src/signatories/identity.ts) are
// skipped and reported, the file keeps its comments, key order and formatting (the yaml
// Document API), and is replaced atomically. All or nothing: the caller validates first.

import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { error, LetterError, type SourcePos } from '../core/diagnostics.js';
import type { World } from '../core/world.js';
import { letterFile } from '../load/letter-file.js';
import { parseLetter } from '../load/load-letter.js';
import type { SignatoryData } from '../load/schema.js';
import type { CharPolicy } from '../load/text-checks.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { sameSignatory } from './identity.js';

export interface Candidate {
  entry: SignatoryData;
  /** Where the entry came from, for the report: `people.csv:4` or `--name`. */
  source: string;
}

export interface AddReport {
  added: Candidate[];
  skipped: { candidate: Candidate; duplicateOf: string }[];
  /** The letter's fixed `as_of` date, when it is now older than a signatory's `joined`. */
  staleAsOf?: { asOf: string; newest: string; pos: SourcePos };
}

export async function addSignatories(world: World, id: string, candidates: Candidate[], policy: CharPolicy = {}): Promise<AddReport> {
  const file = letterFile(id);
  const bytes = await world.readFile(file);
  // Loading validates the file as it is, so an edit never builds on a broken letter.
  const letter = await parseLetter(id, file, bytes, policy);
  const doc = parseDocument(new TextDecoder().decode(bytes), { version: '1.2', keepSourceTokens: false });
  const existing = letter.data.signatories.list;
  const report: AddReport = { added: [], skipped: [] };
  for (const candidate of candidates) {
    const twin = existing.findIndex((s) => sameSignatory(s, candidate.entry));
    if (twin >= 0) {
      report.skipped.push({ candidate, duplicateOf: `${file}:${letter.where.valueAt(['signatories', 'list', twin]).line} (${describe(existing[twin]!)})` });
      continue;
    }
    const earlier = report.added.find((a) => sameSignatory(a.entry, candidate.entry));
    if (earlier) {
      report.skipped.push({ candidate, duplicateOf: `${earlier.source} (${describe(earlier.entry)})` });
      continue;
    }
    report.added.push(candidate);
  }
  if (report.added.length === 0) return report;
  const asOf = letter.data.signatories.as_of;
  const newest = report.added.map((a) => a.entry.joined ?? '').sort().at(-1);
  if (asOf && newest && newest > asOf) report.staleAsOf = { asOf, newest, pos: letter.where.valueAt(['signatories', 'as_of']) };
  appendEntries(doc, report.added.map((a) => a.entry), file);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // The edited file must load as the letter it claims to be before it replaces the old one.
  await parseLetter(id, file, new TextEncoder().encode(text), policy);
  await writeFileAtomic(path.join(world.root, file), new TextEncoder().encode(text), file);
  return report;
}

function appendEntries(doc: Document, entries: SignatoryData[], file: string): void {
  const list = doc.getIn(['signatories', 'list'], true);
  if (!isSeq(list)) throw new LetterError([error({ file }, '`signatories.list` is not a list', 'write `signatories:` with a `list:` under it')]);
  for (const entry of entries) {
    const node = doc.createNode(entry);
    // Language maps on one line, as the letters are written: name: {en: …, ko: …}
    if (isMap(node)) for (const pair of node.items) if (isMap(pair.value)) pair.value.flow = true;
    list.items.push(node);
  }
}

function describe(s: SignatoryData): string {
  return typeof s.name === 'string' ? s.name : Object.values(s.name).join(' / ');
}
