// Run the CLI in-process, as `bin/kamcheck.js` would, with in-memory streams.
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

/** The repository root: the default working directory, so that fixture paths read as in the docs. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliOptions {
  /** Text on standard input (for a `-` file argument), or a stream of it. Empty when not given. */
  stdin?: string | Readable;
  /** The whole environment the CLI sees; empty by default, so that LANG, NO_COLOR, … of the host never leak in. */
  env?: Record<string, string>;
  /** Working directory; the repository root by default. */
  cwd?: string;
  /** Whether stdin and stdout claim to be a terminal (colour, interactive prompts). False by default. */
  isTTY?: boolean;
  /** Terminal width reported by stdout. */
  columns?: number;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A writable stream that keeps what is written to it as text. */
class Collector extends Writable {
  text = '';
  isTTY?: boolean;
  columns?: number;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

export async function runCli(argv: string[], opts: CliOptions = {}): Promise<CliResult> {
  const stdin = (
    opts.stdin instanceof Readable ? opts.stdin : Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin, 'utf8')])
  ) as Readable & { isTTY?: boolean };
  const stdout = new Collector();
  const stderr = new Collector();
  if (opts.isTTY) {
    stdin.isTTY = true;
    stdout.isTTY = true;
  }
  if (opts.columns !== undefined) stdout.columns = opts.columns;
  const code = await run({ argv, stdin, stdout, stderr, env: opts.env ?? {}, cwd: opts.cwd ?? ROOT });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
