// Runs the CLI in-process with captured output and a fixed clock.

import { main } from '../../src/cli/main.js';

/** The date `--joined` defaults to in tests. */
export const TODAY = new Date('2025-04-01T09:00:00Z');

export async function runCli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, env: {}, now: () => TODAY, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
