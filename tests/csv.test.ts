import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from '../src/render/csv.js';
import { runCli } from './helpers/cli.js';

const BOM = '\uFEFF';
/** Read CSV text back as a spreadsheet would: BOM, CRLF and quoting handled by a CSV library. */
const rows = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false });

describe('CSV cells and files', () => {
  it('quotes what must be quoted and keeps formulas from running', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const s of ['=SUM(A1:A9)', '+1', '-1', '@cmd', '\tx', '\rx']) expect(csvCell(s)).toBe(s === '\rx' ? `"'\rx"` : `'${s}`);
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(null)).toBe('');
  });

  it('writes a byte-order mark, a header and CRLF line ends that a CSV reader reads back', () => {
    const text = csvFile(
      ['a', 'b'],
      [
        ['=1+1', '王伟, "总监"'],
        [1, null],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(rows(text)).toEqual([
      ['a', 'b'],
      ["'=1+1", '王伟, "总监"'],
      ['1', ''],
    ]);
  });
});

describe('report -f csv', () => {
  it('one row per question, labels in the report language and raw values', async () => {
    const r = await runCli(['report', 'examples/pump-maker-early.zh.yaml', '-f', 'csv']);
    expect(r.code).toBe(0);
    const [head, ...body] = rows(r.stdout);
    expect(head).toEqual(['dimension', 'question', 'text', 'state', 'answer', 'value', 'score', 'weight', 'note', 'evidence']);
    const json = JSON.parse((await runCli(['report', 'examples/pump-maker-early.zh.yaml', '-f', 'json'])).stdout);
    expect(body.map((row) => row[1])).toEqual(json.answers.map((a: { id: string }) => a.id));
    body.forEach((row, i) => {
      const a = json.answers[i];
      expect(row[0]).toBe(a.dimension);
      expect(row[3]).toBe(a.state);
      expect(row[4]).toBe(a.label ?? '');
      expect(row[6]).toBe(a.score === null ? '' : String(a.score));
      expect(row[8]).toBe((a.note ?? '').replace(/^([=+\-@\t\r])/, "'$1"));
    });
    expect(body.some((row) => /[\u4e00-\u9fff]/.test(row[4] ?? ''))).toBe(true);
  });

  it('-o FILE.csv picks the format from the extension; several files are refused', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kamcheck-csv-')), 'answers.csv');
    expect((await runCli(['report', 'examples/midsize-components.en.yaml', '-o', out])).code).toBe(0);
    expect(rows(readFileSync(out, 'utf8'))[0]?.[0]).toBe('dimension');
    const many = await runCli(['report', 'examples/pump-maker-early.zh.yaml', 'examples/midsize-components.en.yaml', '-f', 'csv']);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/team -f csv/);
  });
});

describe('team -f csv', () => {
  it('one row per respondent with a column per dimension', async () => {
    const r = await runCli(['team', 'tests/fixtures/team', '-q', 'tests/fixtures/valid/team.yaml', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([
      ['file', 'name', 'role', 'unit', 'organization', 'perspective', 'date', 'overall', 'level', 'coverage', 'strategy', 'relationship'],
      ['tests/fixtures/team/ana.yaml', 'Ana', 'sales', '', '', 'internal', '', '91.7', 'leading', '1', '100', '75'],
      ['tests/fixtures/team/ben.yaml', 'Ben', 'sales', '', '', 'internal', '', '75', 'leading', '1', '75', '75'],
      ['tests/fixtures/team/cai.yaml', 'Cai', 'production', '', '', 'internal', '', '35', 'starting', '1', '40', '25'],
      ['tests/fixtures/team/dora.yaml', 'Dora', 'production', '', '', 'internal', '', '50', 'developing', '0.75', '50', '50'],
      ['tests/fixtures/team/eve.yaml', 'Eve', 'buyer', '', 'customer', 'customer', '', '41.7', 'developing', '1', '50', '25'],
    ]);
  });
});
