// Bundle the CLI into one file, dist/kamcheck.cjs, and make V8 code caches for it (of a terminal, a JSON and a
// markdown report; bin/kamcheck.js loads the bundle and one of them). Lazily imported modules (the interactive
// prompts, renderers, the questionnaire schema) are in the file but run only when imported. The bundle is built
// beside dist/ and swapped in at the end, so a CLI running meanwhile never sees half a build.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
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
const FINAL = resolve('dist/kamcheck.cjs');

/** The bundle loaded as bin/kamcheck.js loads it, under the name it has once in place. */
function load(path) {
  const script = new Script(readFileSync(path, 'latin1'), { filename: FINAL });
  const bundle = { exports: {}, script };
  script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(path), bundle, path, dirname(path));
  return bundle;
}

/** Run the CLI in this process; its output, or an error when it fails. */
async function cli(bundle, argv, stdin = '') {
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
}

// `--code-cache DIR BUILD [FORMAT]`: load DIR/kamcheck.cjs as bin/kamcheck.js does, make reports in FORMAT, write
// DIR/kamcheck.cjs.FORMAT.cache; without FORMAT, terminal reports, into DIR/kamcheck.cjs.cache.
if (process.argv[2] === '--code-cache') {
  const dir = process.argv[3];
  const only = process.argv[5];
  const bundle = load(`${dir}/kamcheck.cjs`);
  const example = 'examples/midsize-components.en.yaml';
  await cli(bundle, ['report', example, '--format', only ?? 'terminal']);
  // V8 keeps the file name in the cache and stack traces show it: the name is the one the bundle has once it is
  // in place, and the cache starts with that name and the build on a line of their own, so that bin/kamcheck.js
  // uses it only for that very file and build.
  const build = process.argv[4];
  writeFileSync(
    `${dir}/kamcheck.cjs${only ? `.${only}` : ''}.cache`,
    Buffer.concat([Buffer.from(`${FINAL} ${build}\n`), bundle.script.createCachedData()]),
  );
  process.exit(0);
}

const { build } = await import('esbuild');

// commander loads node:child_process at start for subcommands run as separate programs, which kamcheck has
// none of; loading it costs about as much as the rest of start-up. It gets a stand-in that loads it on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

// The libraries a report never runs (the YAML parser, the schema library, the command-line parser, the
// interactive prompts) are files of their own in dist/lib/, required on first use. A report then reads, and keeps
// in memory, a bundle of about half the size. Each library file holds what kamcheck imports from it, found in the
// sources; @inquirer/prompts and @inquirer/core share one file, as the prompts are built on that very core.
const LIBS = {
  yaml: 'yaml',
  'zod/mini': 'zod',
  commander: 'commander',
  '@inquirer/prompts': 'prompts',
  '@inquirer/core': 'prompts',
};
const libFilter = new RegExp(
  `^(${Object.keys(LIBS)
    .map((k) => k.replace(/[/]/g, '\\/'))
    .join('|')})$`,
);
const splitLibs = {
  name: 'split-libs',
  setup(b) {
    b.onResolve({ filter: libFilter }, (args) =>
      args.importer.includes(`${resolve('src')}`) ? { path: `./lib/${LIBS[args.path]}.cjs`, external: true } : undefined,
    );
  },
};

/** Each library file's entry: the names the sources import from its packages (for `import * as z`, each `z.name` used). */
async function libEntries() {
  const entries = {};
  const files = readdirSync('src', { recursive: true }).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const text = readFileSync(join('src', f), 'utf8');
    // Every mention of a library must be an import statement read here: any other form (a re-export, a dynamic
    // import) would reach a name the library file does not hold, which shows only when that code runs.
    const mentions = text.match(new RegExp(`['"](${Object.keys(LIBS).join('|')})['"]`, 'g'))?.length ?? 0;
    const statements = [...text.matchAll(/^import (type )?([^'";]*?) from '([^']+)';/gms)].filter((m) => LIBS[m[3]]);
    if (mentions !== statements.length) {
      console.error(`build: src/${f} uses a library in a form other than \`import … from '…';\` on lines of its own`);
      process.exit(1);
    }
    for (const [, typeOnly, what, spec] of statements) {
      const lib = LIBS[spec];
      if (typeOnly) continue;
      entries[lib] ??= new Map();
      const entry = entries[lib];
      // `* as z`: the names the file uses of it (z.string), but not a namespace of types (z.core.$ZodType); names only
      // types use (z.infer) are no exports and are left out below. `{ a, b as c, type T }`: a and b, which must exist.
      const ns = /^\* as (\w+)$/.exec(what.trim())?.[1];
      const named = /^\{([^}]*)\}$/.exec(what.trim())?.[1];
      if (ns) {
        for (const use of text.matchAll(new RegExp(`\\b${ns}\\.(\\w+)(?![\\w.])`, 'g'))) {
          const key = `${spec}\u0000${use[1]}`;
          if (!entry.has(key)) entry.set(key, false);
        }
      } else if (named !== undefined) {
        for (const item of named.split(',')) {
          const name = item.trim().split(/\s+as\s+/)[0];
          if (name && !name.startsWith('type ')) entry.set(`${spec}\u0000${name}`, true);
        }
      } else {
        console.error(`build: src/${f} imports '${spec}' as \`${what.trim()}\`; only \`* as name\` and \`{ names }\` are split`);
        process.exit(1);
      }
    }
  }
  const exported = {};
  for (const spec of Object.keys(LIBS)) exported[spec] = new Set(Object.keys(await import(spec)));
  return Object.fromEntries(
    Object.entries(entries).map(([lib, names]) => {
      const seen = new Set();
      const lines = [];
      for (const [key, required] of names) {
        const [spec, name] = key.split('\u0000');
        if (required && !exported[spec].has(name)) {
          console.error(`build: '${spec}' has no export ${name}`);
          process.exit(1);
        }
        if (seen.has(name) || !exported[spec].has(name)) continue;
        seen.add(name);
        lines.push(`export { ${name} } from '${spec}';`);
      }
      return [lib, lines.join('\n')];
    }),
  );
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Names this build: the bundle's first line and its code caches carry it (see bin/kamcheck.js).
const BUILD = `${pkg.version}+${Date.now().toString(36)}`;
const out = resolve(`.dist-${process.pid}`);
// A build that was stopped leaves its folder behind: the folders of builds no longer running are removed.
for (const name of readdirSync('.')) {
  const pid = /^\.dist-(\d+)$/.exec(name)?.[1];
  if (pid === undefined || Number(pid) === process.pid) continue;
  try {
    process.kill(Number(pid), 0);
  } catch (e) {
    if (e.code === 'ESRCH') rmSync(name, { recursive: true, force: true });
  }
}
const file = `${out}/kamcheck.cjs`;
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // yaml's ES module build (the same code as its CommonJS one) lets the bundler drop what kamcheck never calls.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  logLevel: 'warning',
};
// The bundle is the function a CommonJS module's code becomes (Node.js's Module.wrap), written out whole: run as a
// script it gives that function, and bin/kamcheck.js calls it. A wrapper added at run time would make a second string
// of the whole 300 kB source at every start.
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '})'];
await build({
  ...common,
  entryPoints: ['src/cli/run.ts'],
  outfile: file,
  banner: { js: `/*kamcheck-build ${BUILD}*/${WRAPPER[0]}` },
  footer: { js: WRAPPER[1] },
  define: {
    __KAMCHECK_VERSION__: JSON.stringify(pkg.version),
    __KAMCHECK_BUILD__: JSON.stringify(BUILD),
    // The bundle's folder, without turning paths into URLs and back (node:url costs start-up time).
    __KAMCHECK_BUNDLE_DIR__: '__dirname',
    // Source code reaches its folder through import.meta.url only where the bundle's folder is not given.
    'import.meta.url': '""',
  },
  plugins: [splitLibs],
});
for (const [lib, contents] of Object.entries(await libEntries())) {
  await build({
    ...common,
    stdin: { contents, resolveDir: resolve('.'), sourcefile: `lib-${lib}.js`, loader: 'js' },
    outfile: `${out}/lib/${lib}.cjs`,
    plugins: [lazyChildProcess],
  });
}

// bin/kamcheck.js reads the bundle as Latin-1, a plain copy, which is right only for ASCII. esbuild escapes what
// is not ASCII in strings; a regular expression must be written with \u escapes for it.
const nonAscii = readFileSync(file).findIndex((b) => b > 0x7f);
if (nonAscii >= 0) {
  const text = readFileSync(file, 'utf8');
  console.error(`build: the bundle is not ASCII near: ${JSON.stringify(text.slice(Math.max(0, nonAscii - 60), nonAscii + 20))}`);
  process.exit(1);
}

// The bundled questionnaire, validated by the CLI just built, cached as JSON with its source bytes: a report then
// skips parsing 150 kB of YAML. src/cli/io.ts readCompiled() compares the bytes on every use.
const source = 'questionnaires/kam-five-pitfalls.yaml';
const built = load(file);
const doc = await cli(built, ['show', '-q', source, '--format', 'json']);
writeFileSync(`${out}/kam-five-pitfalls.compiled`, built.exports.packEntry(readFileSync(source), JSON.parse(doc)));

// The code cache comes from a process of its own that only makes reports, so that it holds the compiled code of
// what a report runs and nothing more: a larger cache costs every start to read, and the YAML and schema
// libraries, which a report from a plain answers file never loads, are compiled when another command needs them.
// A report in JSON (what CI asks for) or markdown has a cache of its own, of what it runs alone; any other run has
// the terminal report's. A cache of every format would be a third larger for JSON, which would pay 2 M
// instructions and 80 page faults to load code it never runs.
for (const only of [[], ['json'], ['markdown']]) {
  const warm = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--code-cache', out, BUILD, ...only], { stdio: 'inherit' });
  if (warm.status !== 0) process.exit(warm.status ?? 1);
}

rmSync('dist', { recursive: true, force: true });
renameSync(out, 'dist');
