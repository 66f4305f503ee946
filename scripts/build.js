// Bundle the CLI into dist/: one entry file, plus lazily loaded chunks (the interactive prompts).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { kamcheck: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __KAMCHECK_VERSION__: JSON.stringify(pkg.version) },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import{createRequire as __kcRequire}from'node:module';const require=__kcRequire(import.meta.url);" },
  logLevel: 'warning',
});
