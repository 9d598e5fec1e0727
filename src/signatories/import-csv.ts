// Reads signatories from a CSV export (a web form, a spreadsheet): a header row naming
// `kind`, `name_<lang>`, `note_<lang>`, `short`, `joined`; other columns are ignored with a
// warning and never stored. UTF-8 with or without a BOM; quoted fields may hold commas,
// quotes and newlines. Every bad row is reported as `file.csv:LINE: message`.

import { parse } from 'csv-parse/sync';
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import type { Candidate } from './add-signatories.js';
import type { CharPolicy } from '../load/text-checks.js';
import { candidateEntry, type CandidateFields } from './candidate.js';

export interface CsvImport {
  candidates: Candidate[];
  problems: Diagnostic[];
}

interface Row {
  record: string[];
  info: { lines: number };
}

export function readSignatoryCsv(file: string, bytes: Uint8Array, languages: string[], today: string, policy: CharPolicy = {}): CsvImport {
  const problems: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { candidates: [], problems: [error({ file }, 'the file is not UTF-8', 'export the sheet as "CSV UTF-8"')] };
  }
  let rows: Row[];
  try {
    rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Row[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { candidates: [], problems: [error(line ? { file, line } : { file }, `not a readable CSV: ${(e as Error).message.split('\n')[0]}`)] };
  }
  const [header, ...body] = rows;
  if (!header) return { candidates: [], problems: [error({ file }, 'the file is empty', 'the first row names the columns: kind, name_en, name_ko, note_en, …')] };
  const columns = header.record.map((c) => c.trim());
  const known = (c: string) => ['kind', 'short', 'joined'].includes(c) || /^(name|note)_[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(c);
  for (const c of columns.filter((c) => !known(c))) {
    problems.push(warning({ file, line: 1 }, `column \`${c}\` is not a signatory field; it is ignored`, 'fields: kind, name_<lang>, note_<lang>, short, joined'));
  }
  if (!columns.includes('kind')) problems.push(error({ file, line: 1 }, 'no `kind` column', 'add a column `kind` (individual or organization)'));
  if (!columns.some((c) => c.startsWith('name_'))) problems.push(error({ file, line: 1 }, 'no `name_<lang>` column', `add ${languages.map((l) => `name_${l}`).join(', ')}`));
  if (problems.some((p) => p.severity === 'error')) return { candidates: [], problems };

  const candidates: Candidate[] = [];
  let previousEnd = header.info.lines;
  for (const row of body) {
    // A quoted field may span lines: the row starts on the line after the previous one ended.
    const line = previousEnd + 1;
    previousEnd = row.info.lines;
    const get = (c: string) => row.record[columns.indexOf(c)] ?? '';
    const fields: CandidateFields = { kind: get('kind').trim(), names: {}, notes: {}, short: get('short'), joined: get('joined') };
    columns.forEach((c, i) => {
      const m = /^(name|note)_(.+)$/.exec(c);
      if (m) (m[1] === 'name' ? fields.names : fields.notes)[m[2]!] = row.record[i] ?? '';
    });
    const { entry, problems: bad } = candidateEntry(fields, languages, today, policy);
    for (const message of bad) problems.push(error({ file, line }, message));
    if (entry) candidates.push({ entry, source: `${file}:${line}` });
  }
  return { candidates, problems };
}
