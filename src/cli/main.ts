import { run } from './run.js';

/** Entry point of the bundle: the real process as the CLI's I/O. */
process.exitCode = await run({
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
