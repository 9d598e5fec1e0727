// `npm run bench`: whole-process timings of `letter build`, median of 5 runs after a warm-up,
// with peak RSS. Speed lives here, never in the test suite. Figures on a noisy 2-core machine
// are for comparing within one run (ratios), not across machines.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin', 'letter.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** A project holding the seed letter, with `extra` generated signatories appended. */
function project(extra) {
  const root = mkdtempSync(path.join(tmpdir(), 'letter-bench-'));
  cpSync(path.join(repo, 'letters', 'nk-pows-2025'), path.join(root, 'letters', 'seed'), { recursive: true });
  if (extra) {
    const file = path.join(root, 'letters', 'seed', 'letter.yaml');
    const family = '김이박최정강조윤장임한오서신권황안송류홍';
    const given = ['민준', '서연', '지호', '하은', '도윤', '수아', '예준', '지우', '시우', '서윤', '현우', '지민'];
    const latin = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim'];
    let list = '';
    for (let i = 0; i < extra; i++) {
      const org = i % 3 === 0;
      const ko = `${family[i % family.length]}${given[(i * 7) % given.length]}${org ? ' 인권모임' : ''} ${i}`;
      const en = `${latin[i % latin.length]} ${given[(i * 7) % given.length]}${org ? ' Rights Group' : ''} ${i}`;
      list += `    - kind: ${org ? 'organization' : 'individual'}\n      name: {en: "${en}", ko: "${ko}"}\n`;
      if (i % 5 === 0) list += `      note: {en: "volunteer since ${2000 + (i % 25)}", ko: "${2000 + (i % 25)}년부터 자원봉사"}\n`;
    }
    writeFileSync(file, readFileSync(file, 'utf8').replace('links:\n', `${list}links:\n`));
  }
  return root;
}

/** One whole process: wall time (ms) and peak RSS (MiB), measured by the child itself. */
function runOnce(root, args) {
  const probe = `const t=performance.now();const {main}=await import(${JSON.stringify(path.join(repo, 'dist/cli/main.js'))});` +
    `const code=await main(${JSON.stringify(['-C', root, ...args])},{cwd:process.cwd(),env:process.env,stdout(){},stderr:(s)=>process.stderr.write(s)});` +
    `process.stdout.write(JSON.stringify({code,rss:process.resourceUsage().maxRSS/1024}));`;
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`bench run failed: ${r.stderr}`);
  const { code, rss } = JSON.parse(r.stdout);
  if (code !== 0) throw new Error(`letter exited ${code}: ${r.stderr}`);
  return { ms, rss };
}

function measure(name, root, args) {
  runOnce(root, args); // warm-up: file cache, compiled code
  const runs = Array.from({ length: RUNS }, () => runOnce(root, args));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const rss = Math.max(...runs.map((r) => r.rss));
  console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   peak ${rss.toFixed(0).padStart(4)} MiB`);
  return ms;
}

const node = measure('letter --version (start-up, module loading)', '.', ['--version']);
const roots = [];
const seed = project(0);
roots.push(seed);
const full = measure('seed, 4 artifacts (pdf+docx × en+ko)', seed, ['build', '--force']);
const noop = measure('seed, nothing changed (no-op build)', seed, ['build']);
measure('seed, PDFs only', seed, ['build', '--force', '--format', 'pdf']);
measure('seed, DOCX only', seed, ['build', '--force', '--format', 'docx']);
const big = project(2000);
roots.push(big);
const t2000 = measure('seed + 2,000 signatories, 4 artifacts', big, ['build', '--force']);
console.log(`\nratios: 4 artifacts / start-up ${(full / node).toFixed(1)}×; no-op / full ${(noop / full).toFixed(2)}×; 2,000 signatories / seed ${(t2000 / full).toFixed(2)}×`);
for (const r of roots) rmSync(r, { recursive: true, force: true });
