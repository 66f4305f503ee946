#!/usr/bin/env node
// Start the bundled CLI (dist/kamcheck.cjs, one file) with a V8 code cache, so that a report does not pay for
// parsing and compiling the bundle again. V8 keeps the file name a cache was made for (stack traces show it), so a
// cache starts with that name on its own line and is used only for that very file: the build's in a checkout, else
// one made on the first run and kept in the user's cache folder. V8 itself rejects a cache of another Node.js.
// Then: run() with the real process as its I/O.
// This file is CommonJS (bin/package.json): Node starts a CommonJS main module without its ES module loader.
'use strict';
const { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } = require('node:fs');
// The module system's class, as every CommonJS module reaches it: require('node:module') would load the ES module
// loader and the source map support as well, half a millisecond of start-up.
const Module = module.constructor;
const { dirname, isAbsolute, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'kamcheck.cjs');
// The bundle and then its code cache are read into one buffer: memory a process touches for the first time costs
// start-up more than reading does. The buffer fits the larger of the two. With `head`, the file is read only when it
// starts with those bytes (a cache for another copy of the bundle, or another build, is told by its first line).
let buffer = Buffer.allocUnsafeSlow(0);
const read = (path, head) => {
  const fd = openSync(path, 'r');
  try {
    if (head && (readSync(fd, buffer, 0, head.length, 0) !== head.length || !head.equals(buffer.subarray(0, head.length))))
      return undefined;
    const size = fstatSync(fd).size;
    if (buffer.length < size) buffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * buffer.length, 512 * 1024));
    let got = 0;
    for (let n = 1; n > 0 && got < size; got += n) n = readSync(fd, buffer, got, size - got, got);
    return buffer.subarray(0, got);
  } finally {
    closeSync(fd);
  }
};
// The build makes the bundle pure ASCII, which Latin-1 reads as it is, without decoding UTF-8. Its first line names
// the build; V8 checks only a source's length, so a cache is used only with the very build it was made from.
const source = read(file).toString('latin1');
const build = /^\/\*kamcheck-build ([^*\s]+)\*\//.exec(source)?.[1] ?? '';
const header = `${file} ${build}`;
const headLine = Buffer.from(`${header}\n`);
const cacheFor = (path) => {
  // No user cache is the usual case: asked so, a missing file costs no exception.
  if (!existsSync(path)) return undefined;
  try {
    return read(path, headLine)?.subarray(headLine.length);
  } catch {}
};
// The user's cache folder, as src/cli/cache.ts finds it; the entry is named by the bundle's path and build. It is
// made when the build's own cache does not fit this Node.js (V8 rejects a cache of another version), and then
// preferred to it.
const env = process.env;
const home = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
const folder = home
  ? join(home, 'kamcheck')
  : process.platform === 'win32'
    ? env.LOCALAPPDATA && join(env.LOCALAPPDATA, 'kamcheck', 'Cache')
    : env.HOME && (process.platform === 'darwin' ? join(env.HOME, 'Library', 'Caches', 'kamcheck') : join(env.HOME, '.cache', 'kamcheck'));
let hash = 0x811c9dc5;
for (const ch of header) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
const userCache = folder && join(folder, `code-${(hash >>> 0).toString(16)}.cache`);
// A report in JSON or markdown has a cache of its own, of what such a report runs alone; other runs have the terminal
// report's. The format is found as the CLI finds it: the last -f/--format, else the extension of -o (as in
// src/cli/format.ts, which this file cannot load before the bundle). Any cache of this build fits the bundle, so a
// format given otherwise (in a configuration file) only costs compiling what is missing.
const argv = process.argv;
let format;
let output;
for (let i = 2; i < argv.length && argv[i] !== '--'; i++) {
  const a = argv[i];
  if (a === '-f' || a === '--format' || a === '-o' || a === '--output') {
    if (a === '-o' || a === '--output') output = argv[++i];
    else format = argv[++i];
  } else if (a.startsWith('--format=')) format = a.slice(9);
  else if (a.startsWith('--output=')) output = a.slice(9);
  else if (a.length > 2 && a[0] === '-' && a[2] !== '-' && (a[1] === 'f' || a[1] === 'o')) {
    if (a[1] === 'f') format = a.slice(2);
    else output = a.slice(2);
  }
}
if (format === undefined && output?.includes('.')) {
  const ext = output.split('.').pop().toLowerCase();
  format = ext === 'json' ? 'json' : ext === 'md' || ext === 'markdown' ? 'markdown' : undefined;
}
const own = format === 'json' || format === 'markdown' ? format : undefined;
const cachedData = (userCache && cacheFor(userCache)) ?? (own ? cacheFor(`${file}.${own}.cache`) : undefined) ?? cacheFor(`${file}.cache`);

// The bundle is the function that Node.js would wrap a CommonJS module's code in, written out (scripts/build.js).
const script = new Script(source, { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dirname(file));

/**
 * Standard output written straight to its file descriptor when it is a file, a pipe or /dev/null: building
 * process.stdout (a stream over a file or a pipe) costs more than a report takes to write. A terminal gets
 * process.stdout, which knows its width; a pipe that would block hands the rest over to process.stdout too.
 */
function directStdout() {
  let stat;
  try {
    stat = fstatSync(1);
  } catch {
    return undefined;
  }
  // /dev/null is character device 1:3 on Linux; other character devices may be terminals.
  const devNull = process.platform === 'linux' && stat.isCharacterDevice() && stat.rdev === 259;
  if (!stat.isFile() && !stat.isFIFO() && !stat.isSocket() && !devNull) return undefined;
  let stream;
  const listeners = [];
  const handOver = () => {
    stream = process.stdout;
    for (const [method, event, listener] of listeners) stream[method](event, listener);
    return stream;
  };
  const listen = (method) => (event, listener) => {
    if (stream) stream[method](event, listener);
    else listeners.push([method, event, listener]);
    return out;
  };
  const out = {
    fd: 1,
    isTTY: false,
    write(chunk, encoding, done) {
      const cb = typeof encoding === 'function' ? encoding : done;
      if (stream) return stream.write(chunk, cb);
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      try {
        while (bytes.length > 0) bytes = bytes.subarray(writeSync(1, bytes));
      } catch (e) {
        if (e.code !== 'EAGAIN') {
          if (!cb) throw e;
          cb(e);
          return true;
        }
        return handOver().write(bytes, cb);
      }
      cb?.();
      return true;
    },
    // Listeners wait for the stream, if there is ever one: a direct write reports its error to its callback.
    on: listen('on'),
    once: listen('once'),
    /** Whether every write so far is done, its error reported: true until a write hands over to the stream. */
    get settled() {
      return stream === undefined;
    },
  };
  return out;
}
let stdout;
// Whether Node.js built one of its own streams, for kamcheck's I/O or anything else (console included): their writes
// may be under way when run() ends. Where the streams are not built by getters of process's own, assume they are.
let streams = false;
for (const name of ['stdin', 'stdout', 'stderr']) {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (typeof own?.get !== 'function' || !own.configurable) streams = true;
  else
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: own.enumerable,
      get() {
        streams = true;
        return own.get.call(process);
      },
    });
}

bundle.exports
  .run({
    argv: process.argv.slice(2),
    // process.stdin, stdout and stderr build their streams on first use: a report never reads standard input
    // and writes no message when all is well.
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      stdout ??= directStdout() ?? process.stdout;
      return stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env,
    cwd: process.cwd(),
  })
  .then((code) => {
    process.exitCode = code;
    if (userCache && (!cachedData || script.cachedDataRejected)) {
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        writeFileSync(userCache, Buffer.concat([Buffer.from(`${header}\n`), script.createCachedData()]), { mode: 0o600 });
      } catch {}
    }
    // Everything is written and nothing else is under way: end now, rather than take the heap apart piece by piece.
    if (!streams && (stdout === undefined || stdout.settled)) process.exit(code);
  });
