import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/core/diagnostics.js';
import { formatWithFrame, wantsColor } from '../../src/cli/code-frame.js';
import { tempProject } from '../helpers/project.js';

describe('code frames', () => {
  const p = tempProject();
  p.write('letters/x/letter.yaml', 'template: joint-letter\ndtae: 2025-03-11\nsalutation: {ko: 존경하는 대통령님께}\n');
  const plain = { color: false, roots: [p.root] };

  it('show the line with a caret under the key, then the hint', () => {
    expect(formatWithFrame(error({ file: 'letters/x/letter.yaml', line: 2, col: 1 }, 'unknown key `dtae`', 'did you mean `date`?'), plain)).toBe(
      'letters/x/letter.yaml:2:1: unknown key `dtae`\n 2 | dtae: 2025-03-11\n   | ^^^^\n  hint: did you mean `date`?',
    );
  });

  it('count Hangul as two columns, so the caret stands under the word', () => {
    const frame = formatWithFrame(warning({ file: 'letters/x/letter.yaml', line: 3, col: 23 }, 'here'), plain);
    expect(frame.split('\n').slice(1)).toEqual([' 3 | salutation: {ko: 존경하는 대통령님께}', `   | ${' '.repeat(26)}${'^'.repeat(10)}`]);
  });

  it('print the position alone when the file cannot be read, and colour only when asked', () => {
    expect(formatWithFrame(error({ file: '--format' }, 'unknown format `rtf`'), plain)).toBe('--format: unknown format `rtf`');
    expect(formatWithFrame(error({ file: 'letters/x/letter.yaml', line: 2, col: 1 }, 'm'), { ...plain, color: true })).toMatch(/\x1b\[1;31merror\x1b\[0m: m\n.*\x1b\[1;31m\^\^\^\^/s);
  });

  it('are coloured on a terminal only, and never under NO_COLOR or a dumb terminal', () => {
    expect(wantsColor(true, {})).toBe(true);
    expect(wantsColor(false, {})).toBe(false);
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(false);
    expect(wantsColor(true, { TERM: 'dumb' })).toBe(false);
  });
});
