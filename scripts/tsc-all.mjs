// Type-checks every JS file of the page and the widget against the TypeScript contract the
// bindings emit (pkg-web/recount.d.ts): one tsc run per tsconfig*.json (each file set has its
// own globals: the page, its workers, the widget and its worker). Fails when a www/ script is
// in no config or opts out with @ts-nocheck, so a new file cannot go unchecked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const configs = readdirSync('.').filter((f) => /^tsconfig.*\.json$/.test(f)).sort();
const listed = new Set(configs.flatMap((c) => JSON.parse(readFileSync(c, 'utf8')).files || []));
/** @param {string} dir @returns {string[]} */
const scripts = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  (e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
const problems = [];
for (const f of scripts('www')) {
  if (!listed.has(f)) problems.push(`${f}: in no tsconfig*.json`);
  const head = readFileSync(f, 'utf8').split('\n').slice(0, 3).join('\n');
  if (!/@ts-check/.test(head)) problems.push(`${f}: no // @ts-check at the top`);
  if (/@ts-nocheck/.test(head)) problems.push(`${f}: @ts-nocheck`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const c of configs) {
  execFileSync('node_modules/.bin/tsc', ['-p', c], { stdio: 'inherit' });
}
console.log(`tsc: ${listed.size} files in ${configs.length} configs, no error`);
