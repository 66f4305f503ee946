import { streamSafe } from '../render/safe.js';
import type { Io } from './io.js';

type Out = Io['stdout'];

/** What went wrong writing standard output, if anything: a closed pipe is not an error. */
interface Outcome {
  error?: NodeJS.ErrnoException;
  closed: boolean;
  /** Whether the stream was asked for at all. */
  opened?: boolean;
}

/**
 * A stream that makes text safe before it reaches a terminal (control characters shown, not obeyed; colour
 * codes kept when colour is on) and that records write errors instead of letting them end the process.
 * `raw` is the stream itself, for the interactive prompts, which draw with cursor movements of their own.
 * The stream is taken from `get` on first use: Node.js builds process.stderr only when asked, and a run that
 * writes no message should not pay for it.
 */
function guard(get: () => Out, terminal: () => boolean, colour: () => boolean, outcome: Outcome): Out {
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') outcome.closed = true;
    else outcome.error ??= e;
  };
  let stream: Out | undefined;
  const open = (): Out => {
    if (stream === undefined) {
      stream = get();
      (stream as NodeJS.EventEmitter).on?.('error', onError);
      outcome.opened = true;
    }
    return stream;
  };
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const done = rest.find((r) => typeof r === 'function') as ((e?: Error | null) => void) | undefined;
    if (outcome.closed || outcome.error) {
      done?.();
      return true;
    }
    const target = open();
    const text = typeof chunk === 'string' && terminal() ? streamSafe(chunk, colour()) : chunk;
    try {
      return (target.write as (c: unknown, cb?: (e?: Error | null) => void) => boolean).call(target, text, (e) => {
        if (e) onError(e as NodeJS.ErrnoException);
        done?.();
      });
    } catch (e) {
      onError(e as NodeJS.ErrnoException);
      return true;
    }
  };
  return new Proxy({} as Out, {
    get(_, prop) {
      if (prop === 'write') return write;
      const t = open();
      if (prop === 'raw') return t;
      const v = Reflect.get(t, prop, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

/** The stream under a guarded one, for prompts that move the cursor themselves. */
export const rawStream = (s: Out): Out => (s as Out & { raw?: Out }).raw ?? s;

/**
 * The run's I/O with guarded output streams, and `finish`, which waits until standard output has taken
 * everything and turns a write error into exit 2 with a one-line reason. A closed pipe (`| head`) ends quietly.
 */
export function guardIo(io: Io, colour: () => boolean): { io: Io; finish: (code: number) => Promise<number> } {
  const out: Outcome = { closed: false };
  const err: Outcome = { closed: false };
  const stdout = guard(
    () => io.stdout,
    () => io.stdout.isTTY === true,
    colour,
    out,
  );
  // Messages are for people, whether stderr is a terminal or a CI log.
  const stderr = guard(
    () => io.stderr,
    () => true,
    colour,
    err,
  ) as Io['stderr'];
  const finish = async (code: number): Promise<number> => {
    if (!out.opened) return code;
    // Writes straight to a descriptor (bin/kamcheck.js) are done, errors and all, when they return; a stream's
    // may still be under way, and an error of its last write is emitted on the next turn of the event loop.
    if (!(io.stdout as Out & { settled?: boolean }).settled) {
      if (!out.closed && !out.error) await new Promise<void>((resolve) => stdout.write('', () => resolve()));
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!out.error) return code;
    const e = out.error;
    const reason = e.code === 'ENOSPC' ? 'no space left on the device' : (e.code ?? e.message);
    stderr.write(`kamcheck: error: cannot write the output: ${reason}\n`);
    return 2;
  };
  // Standard input too is left to be built when a command reads it.
  const guarded: Io = {
    argv: io.argv,
    env: io.env,
    cwd: io.cwd,
    get stdin() {
      return io.stdin;
    },
    stdout,
    stderr,
  };
  return { io: guarded, finish };
}
