// Faces checked when the tool was built are not hashed again, unless they changed since.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/core/node-world.js';
import { checkedFaces, settled } from '../../src/fonts/checked-faces.js';
import { checkedFacesRecord } from '../../src/fonts/font-book.js';
import { readFontFile } from '../../src/fonts/font-file.js';
import { REPO, tempProject } from '../helpers/project.js';

const KOREAN = 'npm:@expo-google-fonts/noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf';
const LATIN = 'npm:source-serif/TTF/SourceSerif4-Regular.ttf';
const world = nodeWorld(REPO, {});
const pins = Object.values(JSON.parse(readFileSync(path.join(REPO, 'fonts', 'fonts.json'), 'utf8')).families as Record<string, Record<string, { file: string; sha256: string }>>).flatMap((styles) => Object.values(styles));
const project = tempProject();
afterAll(() => project.dispose());

describe('checked faces', () => {
  it('records every pinned face by fingerprint, and the build reads that record', async () => {
    const record = await checkedFacesRecord(world);
    const expected = await Promise.all(
      pins.map(async (pin) => {
        const file = await world.openFile(pin.file, 'tool');
        file.close();
        return [file.fingerprint, pin.sha256];
      }),
    );
    expect(Object.entries(record).sort()).toEqual(expected.sort());
    // The test setup ran `npm run build`'s bundle script, which wrote the record.
    expect([...(await checkedFaces(world))].sort()).toEqual(expected.sort());
  });

  it('reads a checked face as a hashed one, without hashing it', async () => {
    for (const rel of [KOREAN, LATIN]) {
      const hashed = readFontFile(await world.openFile(rel, 'tool'));
      const checked = readFontFile(await world.openFile(rel, 'tool'), 'a'.repeat(64));
      expect(checked.sha256).toBe('a'.repeat(64));
      expect(Buffer.from(checked.bytes).equals(Buffer.from(hashed.bytes)), rel).toBe(true);
      expect(checked.outlines === undefined).toBe(hashed.outlines === undefined);
      hashed.outlines?.close();
      checked.outlines?.close();
    }
  });

  it('gives a rewritten file a new fingerprint, and records a file only once it has settled', async () => {
    const other = nodeWorld(project.root, {});
    project.write('fonts/face.ttf', 'one version');
    const first = await other.openFile('fonts/face.ttf');
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 30));
    project.write('fonts/face.ttf', 'two version');
    const second = await other.openFile('fonts/face.ttf');
    expect(readFontFile(second).sha256).toBe(createHash('sha256').update('two version').digest('hex'));
    second.close();
    expect(second.size).toBe(first.size);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(settled(second, new Date())).toBe(false);
    expect(settled(second, new Date(Date.now() + 5000))).toBe(true);
  });
});
