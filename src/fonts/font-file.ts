// Reads a font file once: every byte is hashed (the pin in fonts.json), every table is kept
// but the outlines of a large face, whose glyphs are read later as a subset needs them
// (sfnt.ts loadOutlines). A 14 MB CJK face is mostly outlines, and a letter sets a few
// hundred of its glyphs; on the machines we measured, each fresh megabyte a process touches
// costs 3–4 ms, so holding the whole file cost more than hashing it. A file whose hash is
// already known for its fingerprint (checked-faces.ts) is not hashed, and a large one is read
// without its outlines at all.

import { createHash } from 'node:crypto';
import type { OpenFile } from '../core/world.js';

/** Faces smaller than this are kept whole: the DOCX embeds a Latin face's subset from all of it. */
const WHOLE_BELOW = 4 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface FontFile {
  /** The file's bytes, except (when `outlines` is set) its glyf table, left zero. */
  bytes: Uint8Array;
  sha256: string;
  /** Where the missing outlines are read from. */
  outlines?: OpenFile;
}

/** `checked`: the file's SHA-256, known for this version of it; the file is then not hashed. */
export function readFontFile(file: OpenFile, checked?: string): FontFile {
  // Zero-filled and untouched until written: the outlines left out cost nothing.
  const bytes = new Uint8Array(file.size);
  if (checked !== undefined) return readChecked(file, bytes, checked);
  const hash = createHash('sha256');
  if (file.size < WHOLE_BELOW) {
    readFully(file, bytes, 0);
    return { bytes, sha256: hash.update(bytes).digest('hex') };
  }
  const chunk = new Uint8Array(CHUNK);
  let glyf: { start: number; end: number } | undefined;
  for (let pos = 0; pos < file.size; ) {
    const piece = chunk.subarray(0, Math.min(CHUNK, file.size - pos));
    readFully(file, piece, pos);
    hash.update(piece);
    if (pos === 0) glyf = glyfRange(piece);
    const end = pos + piece.length;
    // Everything but the outlines: the part of this piece before glyf, and the part after it.
    const skipFrom = glyf ? Math.max(pos, Math.min(end, glyf.start)) : end;
    const skipTo = glyf ? Math.max(skipFrom, Math.min(end, glyf.end)) : end;
    bytes.set(piece.subarray(0, skipFrom - pos), pos);
    bytes.set(piece.subarray(skipTo - pos), skipTo);
    pos = end;
  }
  return { bytes, sha256: hash.digest('hex'), ...(glyf ? { outlines: file } : {}) };
}

function readChecked(file: OpenFile, bytes: Uint8Array, sha256: string): FontFile {
  if (file.size < WHOLE_BELOW) {
    readFully(file, bytes, 0);
    return { bytes, sha256 };
  }
  // The table directory, then everything but the outlines it locates.
  readFully(file, bytes.subarray(0, 12), 0);
  const count = (bytes[4]! << 8) | bytes[5]!;
  const directoryEnd = Math.min(file.size, 12 + 16 * count);
  readFully(file, bytes.subarray(12, directoryEnd), 12);
  const glyf = glyfRange(bytes.subarray(0, directoryEnd));
  const skipFrom = Math.max(directoryEnd, Math.min(file.size, glyf?.start ?? file.size));
  const skipTo = Math.max(skipFrom, Math.min(file.size, glyf?.end ?? file.size));
  readFully(file, bytes.subarray(directoryEnd, skipFrom), directoryEnd);
  readFully(file, bytes.subarray(skipTo), skipTo);
  return { bytes, sha256, ...(glyf ? { outlines: file } : {}) };
}

function readFully(file: OpenFile, into: Uint8Array, position: number): void {
  for (let at = 0; at < into.length; ) {
    const n = file.readAt(into.subarray(at), position + at);
    if (n === 0) throw new Error('the font file ended before its stated size (was it changed while it was read?)');
    at += n;
  }
}

/** The glyf table's place, from a table directory at the start of `head` (undefined if not there). */
function glyfRange(head: Uint8Array): { start: number; end: number } | undefined {
  if (head.length < 12) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const count = view.getUint16(4);
  for (let i = 0; i < count && 12 + i * 16 + 16 <= head.length; i++) {
    const at = 12 + i * 16;
    if (String.fromCharCode(head[at]!, head[at + 1]!, head[at + 2]!, head[at + 3]!) !== 'glyf') continue;
    const start = view.getUint32(at + 8);
    return { start, end: start + view.getUint32(at + 12) };
  }
  return undefined;
}
