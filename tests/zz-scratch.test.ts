import { it } from 'vitest';
import { runCli } from './helpers/cli.js';
it('print', async () => {
  for (const f of ['/tmp/h8/titel.yaml', 'tests/fixtures/invalid/q-misspelt-required-key.yaml']) {
    const r = await runCli(['validate', f]);
    console.log(f, r.code, JSON.stringify(r.stderr));
  }
});
