// The package as users get it: packed, installed from the tarball with no devDependencies, run from elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir: string;
let installed: string;
let installOutput: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kamcheck-pack-'));
  if (!existsSync(join(ROOT, 'dist/kamcheck.cjs'))) spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT });
  // The bundle is built already; --ignore-scripts keeps `prepack` from rebuilding dist/ under the other tests' feet.
  const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const prefix = join(dir, 'prefix');
  const install = spawnSync(
    npm,
    ['install', '-g', '--prefix', prefix, '--omit=dev', '--offline', '--no-audit', '--no-fund', join(dir, tarball)],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(dir, 'npm-cache') } },
  );
  installOutput = `${install.stdout}${install.stderr}`;
  if (install.status !== 0) throw new Error(installOutput);
  installed = prefix;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('declares no runtime dependency and no install script; packing builds', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    // npm counts `prepare` as an install script of a package installed from its tarball.
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[s]).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('node scripts/build.js');
    expect(pkg.license).toBe('MIT');
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true);
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.bugs?.url).toMatch(/^https:\/\//);
  });

  it('installs nothing but itself, and npm finds no install script to warn about', () => {
    expect(installOutput).not.toMatch(/install.scripts/i);
    const root = process.platform === 'win32' ? join(installed, 'node_modules') : join(installed, 'lib', 'node_modules');
    expect(readdirSync(root)).toEqual(['kamcheck']);
    expect(existsSync(join(root, 'kamcheck', 'node_modules'))).toBe(false);
    expect(existsSync(join(root, 'kamcheck', 'LICENSE'))).toBe(true);
    // The build's code caches name the checkout's bundle, which an installed copy is not: they are left out.
    expect(readdirSync(join(root, 'kamcheck', 'dist')).sort()).toEqual(['kam-five-pitfalls.compiled', 'kamcheck.cjs', 'lib']);
  });

  it('reports on an example from an unrelated folder, and keeps its code cache in the user cache folder', () => {
    const elsewhere = join(dir, 'elsewhere');
    const home = join(dir, 'home');
    mkdirSync(elsewhere);
    mkdirSync(home);
    const bin = join(installed, 'bin', 'kamcheck');
    const example = join(ROOT, 'examples/midsize-components.en.yaml');
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(bin, ['report', example], {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: home },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Overall: 56\.6 \/ 100/);
    }
    // The checkout's code cache names the checkout's bundle; the installed copy made its own, named for itself.
    // Both name the build too, which the bundle's first line gives.
    const build = /^\/\*kamcheck-build (\S+)\*\//.exec(readFileSync(join(ROOT, 'dist/kamcheck.cjs'), 'latin1'))?.[1];
    const cache = join(home, '.cache', 'kamcheck');
    const entries = readdirSync(cache).filter((f) => f.startsWith('code-'));
    expect(entries).toHaveLength(1);
    const header = readFileSync(join(cache, entries[0] as string), 'utf8').split('\n')[0];
    expect(header).toBe(`${join(installed, 'lib', 'node_modules', 'kamcheck', 'dist', 'kamcheck.cjs')} ${build}`);
    expect(readFileSync(join(ROOT, 'dist/kamcheck.cjs.cache'), 'utf8').split('\n')[0]).toBe(`${join(ROOT, 'dist/kamcheck.cjs')} ${build}`);
  });
});
