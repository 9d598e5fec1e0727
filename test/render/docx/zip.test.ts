// The zip writer under the DOCX: readable by another implementation, entries in the order
// given, every entry dated with the document's time read in UTC, whatever the machine's zone.

import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflatePart, zipParts } from '../../../src/render/docx/zip.js';

describe('zipParts', () => {
  const parts: [string, Uint8Array][] = [
    ['[Content_Types].xml', Buffer.from('<Types/>'.repeat(50))],
    ['word/media/image1.png', Uint8Array.from({ length: 256 }, (_, i) => (i * 7919) % 251)],
    ['word/문서.xml', Buffer.from('한국어 '.repeat(100))],
  ];
  const when = new Date(Date.UTC(2025, 2, 11, 13, 45, 30));

  it('round-trips through another unzipper, in order', () => {
    const out = unzipSync(zipParts(parts, when));
    expect(Object.keys(out)).toEqual(parts.map(([n]) => n));
    for (const [name, data] of parts) expect(Buffer.from(out[name]!).equals(Buffer.from(data))).toBe(true);
  });

  it('stamps every local and central header with the UTC time, and is the same bytes twice', () => {
    const zip = Buffer.from(zipParts(parts, when));
    const time = (13 << 11) | (45 << 5) | (30 >> 1);
    const date = ((2025 - 1980) << 9) | (3 << 5) | 11;
    let locals = 0;
    let centrals = 0;
    for (let at = 0; at + 4 <= zip.length; at++) {
      const sig = zip.readUInt32LE(at);
      if (sig === 0x04034b50) {
        locals++;
        expect([zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]).toEqual([time, date]);
      } else if (sig === 0x02014b50) {
        centrals++;
        expect([zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)]).toEqual([time, date]);
      }
    }
    expect([locals, centrals]).toEqual([3, 3]);
    expect(Buffer.from(zipParts(parts, when)).equals(zip)).toBe(true);
  });

  it('makes the same bytes of parts deflated beforehand as of parts it deflates itself', () => {
    const zip = Buffer.from(zipParts(parts, when));
    const prepared = parts.map(([name, data]) => [name, deflatePart(data)] as const);
    expect(Buffer.from(zipParts(prepared, when)).equals(zip)).toBe(true);
  });
});
