import { it } from 'vitest';
import { runCli } from './helpers/cli.js';
const D = 'tests/fixtures/invalid/';
it('print', async () => {
  for (const f of ['q-scale-prototype-name', 'q-scoring-span-overflow', 'q-rule-title-carriage-return', 'q-misspelt-required-key', 'yaml-tag-timestamp', 'yaml-tag-omap', 'yaml-tag-set', 'yaml-tag-binary', 'yaml-lone-carriage-return', 'yaml-alias-large-expansion', 'q-duplicate-question-id']) {
    const r = await runCli(['validate', `${D}${f}.yaml`]);
    console.log(f, r.code, JSON.stringify(r.stderr));
  }
  for (const f of ['a-unknown-key-escape-sequence', 'a-nested-key-escape-sequence', 'a-top-level-key-escape-sequence', 'a-questionnaire-escape-sequence', 'a-organization-line-break', 'a-number-infinity']) {
    const r = await runCli(['validate', `${D}${f}.yaml`, '-q', 'tests/fixtures/valid/small.yaml']);
    console.log(f, r.code, JSON.stringify(r.stderr));
  }
});
