// Reading a large face without its outlines: the hash is the whole file's, and every outline a
// subset asks for arrives as if the file had been read whole.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/core/node-world.js';
import { readFontFile } from '../../src/fonts/font-file.js';
import { subsetGlyf } from '../../src/fonts/glyf-subset.js';
import { glyphClosure, readSfnt } from '../../src/fonts/sfnt.js';
import { REPO } from '../helpers/project.js';

const KOREAN = 'npm:@expo-google-fonts/noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf';
const LATIN = 'npm:source-serif/TTF/SourceSerif4-Regular.ttf';
const world = nodeWorld(REPO, {});
const whole = (rel: string) => readFileSync(path.join(REPO, 'node_modules', rel.slice(4)));

describe('readFontFile', () => {
  it('hashes every byte and leaves a large face’s outlines to be read when needed', async () => {
    const bytes = whole(KOREAN);
    const read = readFontFile(await world.openFile(KOREAN, 'tool'));
    expect(read.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(read.outlines).toBeDefined();
    const font = readSfnt(read.bytes);
    const glyf = font.tables.get('glyf')!;
    // Everything but the outlines is there from the start.
    expect(Buffer.from(read.bytes.subarray(0, glyf.offset)).equals(bytes.subarray(0, glyf.offset))).toBe(true);
    expect(read.bytes.subarray(glyf.offset, glyf.offset + glyf.length).some((b) => b !== 0)).toBe(false);

    font.outlines = { file: read.outlines!, loaded: new Uint8Array(font.glyphOffsets.length - 1) };
    const reference = readSfnt(bytes);
    const gids = [1200, 1201, 1202, 5000, 14000, 30];
    const keep = glyphClosure(font, gids);
    expect([...keep].sort()).toEqual([...glyphClosure(reference, gids)].sort());
    expect(Buffer.from(subsetGlyf(font, { glyphs: gids }).bytes).equals(Buffer.from(subsetGlyf(reference, { glyphs: gids }).bytes))).toBe(true);
  });

  it('reads a small face whole', async () => {
    const read = readFontFile(await world.openFile(LATIN, 'tool'));
    expect(read.outlines).toBeUndefined();
    expect(Buffer.from(read.bytes).equals(whole(LATIN))).toBe(true);
  });
});
