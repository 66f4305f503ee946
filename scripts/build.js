// Bundle the CLI into one file, dist/kamcheck.cjs, and make a V8 code cache for it (bin/kamcheck.js loads both).
// Lazily imported modules (the interactive prompts, renderers, the questionnaire schema) are in the file but run
// only when imported. The bundle is built beside dist/ and swapped in at the end, so a CLI running meanwhile never
// sees half a build.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Script } from 'node:vm';

// `--checkout` is the `dependencies` script: npm runs it in a checkout after `npm ci` (or any change to
// node_modules), which is what builds the CLI there. npm never runs it for a package installed from its tarball,
// which comes built (`prepack`) and has no install script at all (npm counts `prepare` as one). It does nothing
// where esbuild, a devDependency, is not installed.
if (process.argv.includes('--checkout')) {
  if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);
  try {
    await import('esbuild');
  } catch {
    process.exit(0);
  }
}
const { build } = await import('esbuild');

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = resolve(`.dist-${process.pid}`);
const file = `${out}/kamcheck.cjs`;
await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: file,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    __KAMCHECK_VERSION__: JSON.stringify(pkg.version),
    __KAMCHECK_BUILD__: JSON.stringify(`${pkg.version}+${Date.now().toString(36)}`),
    'import.meta.url': '__kcUrl',
  },
  banner: { js: "const __kcUrl=require('node:url').pathToFileURL(__filename).href;" },
  // yaml's ES module build (the same code as its CommonJS one) lets the bundler drop what kamcheck never calls.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  logLevel: 'warning',
});

// Load the bundle as bin/kamcheck.js does, keeping the Script to take its code cache from. V8 keeps the file name
// in the cache and stack traces show it: the name is the one the bundle has once it is in place, and the cache
// starts with that name on a line of its own, so that bin/kamcheck.js uses it only for that very file.
const final = resolve('dist/kamcheck.cjs');
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: final });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(file), bundle, file, out);
const cli = async (argv, stdin = '') => {
  let text = '';
  const sink = new Writable({
    write(chunk, _, done) {
      text += chunk;
      done();
    },
  });
  const code = await bundle.exports.run({ argv, stdin: Readable.from([stdin]), stdout: sink, stderr: sink, env: {}, cwd: process.cwd() });
  if (code !== 0) throw new Error(`kamcheck ${argv.join(' ')} exited ${code}:\n${text}`);
  return text;
};

// The bundled questionnaire, validated by the CLI just built, cached as JSON with a key of its source:
// a report then skips parsing 150 kB of YAML. src/cli/io.ts readCompiled() checks the key on every use.
const source = 'questionnaires/kam-five-pitfalls.yaml';
const doc = await cli(['show', '-q', source, '--format', 'json']);
const key = bundle.exports.contentKey(readFileSync(source));
writeFileSync(`${out}/kam-five-pitfalls.compiled.json`, `{"key":"${key}","doc":${JSON.stringify(JSON.parse(doc))}}\n`);

// Exercise the common paths, then keep the compiled code of every function they ran.
const example = 'examples/midsize-components.en.yaml';
for (const format of ['json', 'terminal', 'markdown']) await cli(['report', example, '--format', format]);
await cli(['validate', example]);
await cli(['team', 'examples/team', '--format', 'json']);
await cli(['--help']);
writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(`${final}\n`), script.createCachedData()]));

rmSync('dist', { recursive: true, force: true });
renameSync(out, 'dist');
