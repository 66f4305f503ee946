// The planning example of docs/scoring.md: every `<!-- check: plan FILE -->` table is recomputed from the CLI's JSON,
// and the `explain` transcript is what the CLI prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { arithmeticAgrees, checkMarks, codeBlocks, docFolder, shows, table, unquote, valueAt } from './helpers/doc-tables.js';

const SCORING = readFileSync(join(ROOT, 'docs/scoring.md'), 'utf8');
const Q = join(ROOT, 'tests/fixtures/valid/small.yaml');
const dir = docFolder(SCORING);

const marks = checkMarks(SCORING).filter((m) => m.startsWith('plan '));
const tables = marks.filter((m) => !m.startsWith('plan explain ')).map((m) => m.slice('plan '.length));

describe('docs/scoring.md, gains, roadmap and targets', () => {
  it('has the example', () => {
    expect(tables).toEqual(['plan-answers.yaml']);
  });

  it.each(tables)('every number of %s is the JSON report’s', async (name) => {
    const r = await runCli(['report', name, '-q', Q, '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    const rows = table(SCORING, `plan ${name}`);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
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

  it('the explain transcript is what kamcheck prints', async () => {
    const mark = marks.find((m) => m.startsWith('plan explain '));
    const [file, ...ids] = (mark ?? '').split(' ').slice(2);
    const block = codeBlocks(SCORING).find((b) => b.marks.includes(`check: ${mark}`));
    expect(block).toBeDefined();
    const r = await runCli(['explain', file as string, '-q', Q, ...ids], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(block?.text);
  });
});
