#!/usr/bin/env node
// Start the bundled CLI (dist/kamcheck.cjs, one file) with a V8 code cache, so that a report does not pay for
// parsing and compiling the bundle again. V8 keeps the file name a cache was made for (stack traces show it), so a
// cache starts with that name on its own line and is used only for that very file: the build's in a checkout, else
// one made on the first run and kept in the user's cache folder. V8 itself rejects a cache of another Node.js.
// Then: run() with the real process as its I/O.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/kamcheck.cjs', import.meta.url));
const cacheFor = (path) => {
  try {
    const bytes = readFileSync(path);
    const eol = bytes.indexOf(10);
    return bytes.toString('utf8', 0, eol) === file ? bytes.subarray(eol + 1) : undefined;
  } catch {}
};
// The user's cache folder, as src/cli/cache.ts finds it; the entry is named by the bundle's path, size and time.
const env = process.env;
const home = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
const folder = home
  ? join(home, 'kamcheck')
  : process.platform === 'win32'
    ? env.LOCALAPPDATA && join(env.LOCALAPPDATA, 'kamcheck', 'Cache')
    : env.HOME && (process.platform === 'darwin' ? join(env.HOME, 'Library', 'Caches', 'kamcheck') : join(env.HOME, '.cache', 'kamcheck'));
const stat = statSync(file);
let hash = 0x811c9dc5;
for (const ch of `${file}:${stat.size}:${stat.mtimeMs}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
const userCache = folder && join(folder, `code-${(hash >>> 0).toString(16)}.cache`);
const cachedData = cacheFor(`${file}.cache`) ?? (userCache && cacheFor(userCache));

const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(file), bundle, file, dirname(file));

process.exitCode = await bundle.exports.run({
  argv: process.argv.slice(2),
  // process.stdin builds a stream on first use; most commands never read it.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  cwd: process.cwd(),
});
if (userCache && (!cachedData || script.cachedDataRejected)) {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(userCache, Buffer.concat([Buffer.from(`${file}\n`), script.createCachedData()]), { mode: 0o600 });
  } catch {}
}
