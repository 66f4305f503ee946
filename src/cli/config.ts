import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Model } from '../core/model.js';
import { diag, InputError } from '../diagnostics.js';
import { issuesToDiagnostics, PARSE_OPTIONS } from '../load/issues.js';
import { locate, type Source } from '../load/source.js';
import type { Severity } from '../schema/constants.js';
import type { Thresholds } from './gates.js';
import { type Io, readInput } from './io.js';

export const CONFIG_FILE = 'kamcheck.config.yaml';

/** A config file, read and checked, with its paths made relative to the working folder. */
export interface LoadedConfig {
  questionnaire?: string;
  lang?: string;
  format?: string;
  baseline?: string;
  gates: { failUnder?: Thresholds; minCoverage?: number; failOn?: Severity; maxDrop?: number };
  /** Refuse `failUnder` ids that are not dimensions of this questionnaire, at their line. */
  checkDimensions(model: Model): void;
}

/**
 * The config named with --config, else kamcheck.config.yaml in the working folder, else none. `offered` are the
 * formats of the command that reads it: another format in the file is an error at its line.
 */
export async function readConfig(
  io: Io,
  named: string | undefined,
  command: string,
  offered: readonly string[],
): Promise<LoadedConfig | undefined> {
  const path = named ?? (existsSync(resolve(io.cwd, CONFIG_FILE)) ? CONFIG_FILE : undefined);
  if (path === undefined) return undefined;
  // The YAML library and the schema are loaded only when there is a config file to read.
  const { parseYaml } = await import('../load/yaml.js');
  const { source, diagnostics } = parseYaml(path, await readInput(io, path));
  if (!source) throw new InputError(diagnostics);
  const { Config } = await import('../schema/config.js');
  const r = Config.safeParse(source.data, PARSE_OPTIONS);
  if (!r.success) throw new InputError(issuesToDiagnostics(source, r.error.issues));
  const c = r.data;
  if (c.format !== undefined && !offered.includes(c.format)) {
    throw new InputError([diag('config-format', { found: c.format, command, values: offered.join(', ') }, locate(source, ['format']))]);
  }
  const base = dirname(resolve(io.cwd, path));
  // Relative to the config file, shown relative to the working folder (as a user would type them).
  const near = (p: string | undefined) => (p === undefined || p === '-' ? p : show(io.cwd, isAbsolute(p) ? p : resolve(base, p)));
  const failUnder = typeof c.gates?.failUnder === 'number' ? { overall: c.gates.failUnder } : c.gates?.failUnder;
  return {
    ...defined({ questionnaire: near(c.questionnaire), lang: c.lang, format: c.format, baseline: near(c.baseline) }),
    gates: defined({ failUnder, minCoverage: c.gates?.minCoverage, failOn: c.gates?.failOn, maxDrop: c.gates?.maxDrop }),
    checkDimensions: (model) => checkDimensions(source, failUnder, model),
  };
}

function show(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function checkDimensions(source: Source, failUnder: Thresholds | undefined, model: Model): void {
  const ids = model.dimensions.map((d) => d.id);
  const bad = Object.keys(failUnder ?? {}).filter((id) => id !== 'overall' && !ids.includes(id));
  if (bad.length === 0) return;
  throw new InputError(
    bad.map((id) => diag('config-dimension', { found: id, values: ids.join(', ') }, locate(source, ['gates', 'failUnder', id], true))),
  );
}

/** Thresholds of the config, with those of the command line winning id by id. */
export function mergeThresholds(fromConfig: Thresholds | undefined, fromFlags: Thresholds | undefined): Thresholds | undefined {
  if (fromConfig === undefined) return fromFlags;
  return { ...fromConfig, ...fromFlags };
}
