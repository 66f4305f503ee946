#!/usr/bin/env node
// Start the bundled CLI (dist/kamcheck.cjs, one file) with the V8 code cache the build made for it, so that
// a report does not pay for parsing and compiling the bundle again. A cache from another Node.js version is
// rejected by V8 itself and the bundle then compiles as usual. Then: run() with the real process as its I/O.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/kamcheck.cjs', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {}
const bundle = { exports: {} };
new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData })
  .runInThisContext()
  .call(bundle.exports, bundle.exports, createRequire(file), bundle, file, dirname(file));

process.exitCode = await bundle.exports.run({
  argv: process.argv.slice(2),
  // process.stdin builds a stream on first use; most commands never read it.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
