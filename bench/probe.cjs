// Preloaded into every process the bench times (`node --require bench/probe.cjs script …`):
// at exit, writes the process's peak RSS and exit code to stderr for bench/run.mjs to read.
'use strict';

process.on('exit', (code) => {
  process.stderr.write(`\n@@${JSON.stringify({ rss: process.resourceUsage().maxRSS / 1024, code: process.exitCode ?? code })}`);
});
