// The v1.1 worked example of docs/scoring.md: every `<!-- check: v11 FILE -->` table is recomputed from the CLI's JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { arithmeticAgrees, checkMarks, docFolder, shows, table, unquote, valueAt } from './helpers/doc-tables.js';

const SCORING = readFileSync(join(ROOT, 'docs/scoring.md'), 'utf8');
const Q = join(ROOT, 'tests/fixtures/v11/perspectives.yaml');
const dir = docFolder(SCORING);

const marked = checkMarks(SCORING)
  .filter((m) => m.startsWith('v11 '))
  .map((m) => m.slice(4));

describe('docs/scoring.md, format v1.1', () => {
  it('has the skipped-score, overall-cap and customer examples', () => {
    expect(marked).toEqual(['no-crm-no-sponsor.yaml', 'customer.yaml']);
  });

  it.each(marked)('every number of %s is the JSON report’s', async (name) => {
    const r = await runCli(['report', name, '-q', Q, '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    for (const row of table(SCORING, `v11 ${name}`)) {
      const path = unquote(row.JSON as string);
      const value = row.value as string;
      const actual = valueAt(report, path);
      expect(actual, `${path} exists`).not.toBeUndefined();
      if (value.startsWith('`')) expect(actual, path).toEqual(JSON.parse(unquote(value)));
      else {
        shows(value, actual as number, path);
        arithmeticAgrees(row.arithmetic as string, value, path);
      }
    }
  });
});
