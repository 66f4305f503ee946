// Bundle the CLI into dist/: one entry file, plus lazily loaded chunks (the interactive prompts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { kamcheck: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __KAMCHECK_VERSION__: JSON.stringify(pkg.version) },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import{createRequire as __kcRequire}from'node:module';const require=__kcRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The bundled questionnaire, validated by the CLI just built, cached as JSON with the hash of its source:
// a report then skips parsing 150 kB of YAML. src/cli/io.ts readCompiled() checks the hash on every use.
const source = 'questionnaires/kam-five-pitfalls.yaml';
const doc = execFileSync(process.execPath, ['dist/kamcheck.js', 'show', '-q', source, '--format', 'json'], { encoding: 'utf8' });
const key = createHash('sha256').update(readFileSync(source)).digest('hex');
writeFileSync('dist/kam-five-pitfalls.compiled.json', `{"key":"${key}","doc":${JSON.stringify(JSON.parse(doc))}}\n`);
