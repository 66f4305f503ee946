// The v1.1 worked example of docs/scoring.md: every `<!-- check: v11 FILE -->` table is recomputed from the CLI's JSON.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { arithmeticAgrees, checkMarks, codeBlocks, fileName, shows, table, unquote } from './helpers/doc-tables.js';

const SCORING = readFileSync(join(ROOT, 'docs/scoring.md'), 'utf8');
const Q = join(ROOT, 'tests/fixtures/v11/perspectives.yaml');
const dir = mkdtempSync(join(tmpdir(), 'kamcheck-docs-v11-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const b of codeBlocks(SCORING)) {
  const name = fileName(b);
  if (name) writeFileSync(join(dir, name), b.text);
}

/** The value at a dotted path such as `dimensions.0.rawScore`. */
const at = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);

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
      const actual = at(report, path);
      expect(actual, `${path} exists`).not.toBeUndefined();
      if (value.startsWith('`')) expect(actual, path).toEqual(JSON.parse(unquote(value)));
      else {
        shows(value, actual as number, path);
        arithmeticAgrees(row.arithmetic as string, value, path);
      }
    }
  });
});
