import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LetterError } from '../../src/core/diagnostics.js';
import { writeFilesAtomic } from '../../src/publish/atomic-write.js';
import { tempProject } from '../helpers/project.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('writeFilesAtomic', () => {
  it('writes every file of the set', async () => {
    const p = tempProject();
    dispose = p.dispose;
    p.write('out/a.txt', 'old a');
    await writeFilesAtomic(['a', 'b'].map((n) => ({ file: path.join(p.root, 'out', `${n}.txt`), bytes: new TextEncoder().encode(`new ${n}`), shown: `out/${n}.txt` })));
    expect(readFileSync(path.join(p.root, 'out/a.txt'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(p.root, 'out/b.txt'), 'utf8')).toBe('new b');
    expect(readdirSync(path.join(p.root, 'out')).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('renames none of them when one cannot be written, and leaves no temp file', async () => {
    const p = tempProject();
    dispose = p.dispose;
    p.write('out/a.txt', 'old a');
    p.write('out/blocked', 'a file where a folder is needed');
    const files = [
      { file: path.join(p.root, 'out/a.txt'), bytes: new TextEncoder().encode('new a'), shown: 'out/a.txt' },
      { file: path.join(p.root, 'out/blocked/b.txt'), bytes: new TextEncoder().encode('new b'), shown: 'out/blocked/b.txt' },
    ];
    const failure = await writeFilesAtomic(files).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(LetterError);
    expect((failure as LetterError).diagnostics[0]!.pos.file).toBe('out/blocked/b.txt');
    expect(readFileSync(path.join(p.root, 'out/a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(path.join(p.root, 'out')).sort()).toEqual(['a.txt', 'blocked']);
  });
});
