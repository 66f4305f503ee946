// Bundle the CLI into dist/: one entry file plus chunks loaded on use (commands, renderers, the prompts).
// The bundle is built beside dist/ and swapped in at the end, so a CLI running meanwhile never sees half a build.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = `.dist-${process.pid}`;
await build({
  entryPoints: { kamcheck: 'src/cli/main.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.KAMCHECK_MINIFY === '1',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __KAMCHECK_VERSION__: JSON.stringify(pkg.version) },
  // yaml's ES module build (the same code as its CommonJS one) lets the bundler drop what kamcheck never calls.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import{createRequire as __kcRequire}from'node:module';const require=__kcRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The bundled questionnaire, validated by the CLI just built, cached as JSON with the hash of its source:
// a report then skips parsing 150 kB of YAML. src/cli/io.ts readCompiled() checks the hash on every use.
const source = 'questionnaires/kam-five-pitfalls.yaml';
const doc = execFileSync(process.execPath, [`${out}/kamcheck.js`, 'show', '-q', source, '--format', 'json'], { encoding: 'utf8' });
// Same key as contentKey() in src/cli/io.ts: FNV-1a and the length.
const bytes = readFileSync(source);
let h = 0x811c9dc5;
for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
const key = `${bytes.length}-${(h >>> 0).toString(16)}`;
writeFileSync(`${out}/kam-five-pitfalls.compiled.json`, `{"key":"${key}","doc":${JSON.stringify(JSON.parse(doc))}}\n`);

rmSync('dist', { recursive: true, force: true });
renameSync(out, 'dist');
