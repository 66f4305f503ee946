// The team example of docs/scoring.md: every number of the `<!-- check: team -->` table is recomputed from the CLI's JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { arithmeticAgrees, codeBlocks, docFolder, fileName, shows, table, unquote, valueAt } from './helpers/doc-tables.js';

const SCORING = readFileSync(join(ROOT, 'docs/scoring.md'), 'utf8');
const Q = join(ROOT, 'tests/fixtures/valid/team.yaml');
const FILES = ['ana.yaml', 'ben.yaml', 'cai.yaml', 'dora.yaml', 'eve.yaml'];
const dir = docFolder(SCORING, (name) => FILES.includes(name));
const blocks = codeBlocks(SCORING).filter((b) => FILES.includes(fileName(b) ?? ''));

describe('docs/scoring.md, the team example', () => {
  it('shows the answers of tests/fixtures/team byte for byte', () => {
    expect(blocks.map((b) => fileName(b))).toEqual(FILES);
    for (const b of blocks)
      expect(b.text, fileName(b)).toBe(readFileSync(join(ROOT, 'tests/fixtures/team', fileName(b) as string), 'utf8'));
  });

  it('every number is the team JSON’s', async () => {
    const r = await runCli(['team', ...FILES, '-q', Q, '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const rows = table(SCORING, 'team');
    let variance: number | undefined;
    for (const row of rows) {
      const path = unquote(row.JSON as string);
      const value = row.value as string;
      const arithmetic = row.arithmetic as string;
      if (path === '—') {
        // An intermediate step: its arithmetic must give the value shown, and the next row takes its root.
        arithmeticAgrees(arithmetic, value, `step before ${value}`);
        variance = Number(value);
        continue;
      }
      const actual = valueAt(doc, path);
      expect(actual, `${path} exists`).not.toBeUndefined();
      if (value.startsWith('`')) expect(actual, path).toEqual(JSON.parse(unquote(value)));
      else {
        shows(value, actual as number, path);
        arithmeticAgrees(arithmetic, value, path);
        const root = /^√ ([\d.]+)$/.exec(arithmetic.trim());
        if (root) {
          shows(value, Math.sqrt(Number(root[1])), `square root in ${path}`);
          expect(Math.abs(Number(root[1]) - (variance ?? Number.NaN)), `${path} takes the root of the row before`).toBeLessThan(0.05);
        }
      }
    }
    // Every number of the team, its dimensions, groups, gaps and the customer's view is accounted for.
    const paths = rows.map((row) => unquote(row.JSON as string));
    for (const d of [0, 1])
      for (const k of ['score', 'median', 'min', 'max', 'sd', 'consensus', 'coverage']) expect(paths).toContain(`dimensions.${d}.${k}`);
    for (const k of ['score', 'coverage', 'level.id']) expect(paths).toContain(`overall.${k}`);
    for (const g of [0, 1])
      for (const k of ['dimensions.strategy', 'dimensions.relationship', 'overall']) expect(paths).toContain(`groups.${g}.${k}`);
    const each = (list: unknown[], path: (i: number) => string) => {
      for (let i = 0; i < list.length; i++) expect(paths).toContain(path(i));
    };
    each(doc.gaps, (i) => `gaps.${i}.gap`);
    each(doc.remedies, (i) => `remedies.${i}.priority`);
    each(doc.perspectives[0].dimensions, (i) => `perspectives.0.dimensions.${i}.gap`);
    each(doc.perspectives[0].questions, (i) => `perspectives.0.questions.${i}.gap`);
  });
});
