import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What an answers template's `$schema` line holds, or why it has none. */
export type SchemaRef = { url: string } | { url: undefined; reason: 'outside-project' };

const SCHEMA = join('schemas', 'answers.schema.json');

/** The folder and its parents, nearest first. */
function* ancestors(folder: string): Generator<string> {
  for (let dir = folder; ; dir = dirname(dir)) {
    yield dir;
    if (dirname(dir) === dir) return;
  }
}

/** A relative reference as editors read it: from the file's folder, with forward slashes, starting with a dot. */
function relativeRef(from: string, to: string): string | undefined {
  const rel = relative(from, to);
  if (rel === '' || isAbsolute(rel)) return undefined; // another drive on Windows
  const slashed = rel.split(sep).join('/');
  return slashed.startsWith('../') ? slashed : `./${slashed}`;
}

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/**
 * Where the `$schema` line of a template written into `folder` points, so that it still works once the file is
 * committed and opened on another machine:
 * 1. `--schema-url`, as given;
 * 2. kamcheck installed in a project above the file (`node_modules/kamcheck`, the nearest, as Node.js finds it):
 *    a path relative to the file, which holds wherever the project's dependencies are installed;
 * 3. a schema inside the file's own project (its git work tree, else the folder of its nearest package.json), as in
 *    a kamcheck checkout: a path relative to the file;
 * 4. a file in no project at all: the schema's absolute file URL, for the one machine the file lives on;
 * 5. otherwise (a project, and kamcheck installed elsewhere): no line, since any path would break on another machine.
 */
export function schemaRef(folder: string, schemaFile: string, explicit?: string): SchemaRef {
  if (explicit !== undefined) return { url: explicit };
  const here = real(folder);
  for (const dir of ancestors(here)) {
    const installed = join(dir, 'node_modules', 'kamcheck', SCHEMA);
    if (existsSync(installed)) {
      const ref = relativeRef(here, installed);
      if (ref) return { url: ref };
    }
  }
  let root: string | undefined;
  for (const dir of ancestors(here)) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
  }
  if (root === undefined) {
    for (const dir of ancestors(here)) {
      if (existsSync(join(dir, 'package.json'))) {
        root = dir;
        break;
      }
    }
  }
  if (root === undefined) return { url: pathToFileURL(schemaFile).href };
  const schema = real(schemaFile);
  const inside = relative(root, schema);
  if (inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) {
    const ref = relativeRef(here, schema);
    if (ref) return { url: ref };
  }
  return { url: undefined, reason: 'outside-project' };
}
