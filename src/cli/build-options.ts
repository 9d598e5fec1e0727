// How `letter build` reads its list options and whether it runs in CI: shared by the command
// (build-command.ts) and the answer given before the command line loads (quick-build.ts).

/**
 * A list option's parser: `--format pdf,docx` and `--format pdf --format docx` mean the same;
 * commander's default keeps only the last of repeated options, dropping formats without a word.
 * A format named twice is built once.
 */
export function listOption(value: string, previous: string[] | undefined): string[] {
  return [...new Set([...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter(Boolean)])];
}

/** CI systems set CI (GitHub Actions, GitLab, most others): builds there print only problems and the summary. */
export function isCI(env: Record<string, string | undefined>): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}
