// A PDF file as numbered objects: dictionaries, arrays, names, strings and streams, written
// out with a cross-reference table. Nothing here knows about letters; write-pdf.ts decides
// what the objects are. Output depends only on the objects given: no clock, no randomness.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export class Ref {
  constructor(readonly id: number) {}
}

/** A text string: ASCII as a literal, anything else as UTF-16BE with a byte-order mark. */
export class Text {
  constructor(readonly value: string) {}
}

/** Already serialised PDF (a date, an operator-free token). */
export class Raw {
  constructor(readonly value: string) {}
}

export type PdfValue = number | boolean | null | string | Ref | Text | Raw | PdfValue[] | { [key: string]: PdfValue | undefined };

export class PdfFile {
  private readonly bodies: (Uint8Array | undefined)[] = [];

  /** A new object number, to be filled with `set` or `stream`. */
  ref(): Ref {
    this.bodies.push(undefined);
    return new Ref(this.bodies.length);
  }

  set(ref: Ref, value: PdfValue): Ref {
    this.bodies[ref.id - 1] = Buffer.from(`${ref.id} 0 obj\n${serialise(value)}\nendobj\n`, 'latin1');
    return ref;
  }

  add(value: PdfValue): Ref {
    return this.set(this.ref(), value);
  }

  /** A stream object; deflated unless `dict` names a filter already. */
  stream(dict: Record<string, PdfValue>, data: Uint8Array | string, ref = this.ref()): Ref {
    const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    const body = dict.Filter ? raw : deflateSync(raw);
    const head = serialise({ ...dict, ...(dict.Filter ? {} : { Filter: 'FlateDecode' }), Length: body.length });
    this.bodies[ref.id - 1] = Buffer.concat([Buffer.from(`${ref.id} 0 obj\n${head}\nstream\n`, 'latin1'), body, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    return ref;
  }

  /** The whole file. Its /ID is a digest of the objects, so it changes exactly when they do. */
  finish(root: Ref, info: Ref, version = '1.7'): Uint8Array {
    const header = Buffer.from(`%PDF-${version}\n%\xff\xff\xff\xff\n`, 'latin1');
    const chunks: Uint8Array[] = [header];
    const offsets: number[] = [];
    let at = header.length;
    const digest = createHash('sha256');
    this.bodies.forEach((body, i) => {
      if (!body) throw new Error(`PDF object ${i + 1} was allocated but never written`);
      offsets.push(at);
      chunks.push(body);
      digest.update(body);
      at += body.length;
    });
    const id = digest.digest('hex').slice(0, 32);
    const xref = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    const trailer = `trailer\n${serialise({ Size: offsets.length + 1, Root: root, Info: info, ID: [new Raw(`<${id}>`), new Raw(`<${id}>`)] })}\nstartxref\n${at}\n%%EOF\n`;
    chunks.push(Buffer.from(xref + trailer, 'latin1'));
    return Buffer.concat(chunks);
  }
}

export function serialise(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return pdfName(value);
  if (value instanceof Ref) return `${value.id} 0 R`;
  if (value instanceof Raw) return value.value;
  if (value instanceof Text) return textString(value.value);
  // Loops, not entries, filter, map and join: a tagged PDF of 2,000 signatories has some
  // 10,000 small objects, written once each by code that has not warmed up.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += i === 0 ? serialise(value[i]!) : ` ${serialise(value[i]!)}`;
    return `${out}]`;
  }
  let out = '<<';
  for (const key in value) {
    const v = value[key];
    if (v !== undefined) out += out.length === 2 ? `/${key} ${serialise(v)}` : ` /${key} ${serialise(v)}`;
  }
  return `${out}>>`;
}

/** Names written so far: a file uses a few dozen, thousands of times. */
const names = new Map<string, string>();

function pdfName(value: string): string {
  let name = names.get(value);
  if (name === undefined) {
    name = `/${value.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
    names.set(value, name);
  }
  return name;
}

function textString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'feff';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** A PDF date, in UTC. */
export function pdfDate(d: Date): Raw {
  return new Raw(`(D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`);
}

/** `v` to the three decimals every number in the file is written with. */
export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A PDF number: at most three decimals, no exponent, no trailing zeros. */
export function num(v: number): string {
  const r = round(v);
  return Object.is(r, -0) ? '0' : String(r);
}
