import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cellOf, cellsOf, run } from './lesson-cells-harness.ts';
import { activation } from '../../../src/lib/index.ts';

const sigmoid = activation('sigmoid');

// The numbers lesson 7 states about its code cells, read back from the cells' own runs (the
// tables as the reader sees them), and the graded cell's starter and solution. Every cell also
// runs in lesson-cells.test.ts; the check itself is unit-tested in cells/checks/bce-from-logit.test.ts.

const LESSON = '07-classification-losses.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

/** The tables and texts of a run of cell `id`, cells as the reader sees them (strings). */
async function outputOf(id: string) {
  const { error, output } = await run(cellOf(LESSON, id).code);
  expect(error).toBeUndefined();
  const tables = output.flatMap((entry) => (entry.kind === 'table' ? [entry] : []));
  const texts = output.flatMap((entry) => (entry.kind === 'text' ? [entry.text] : []));
  return { tables, texts };
}

/** One table's rows as objects keyed by column, the shown strings. */
function rowsOf(table: { columns: readonly string[]; rows: readonly (readonly string[])[] }) {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i]])));
}

describe('lesson 7, cell "One loss, four ways"', () => {
  test('naive 30.001 at z = 30, 36.0437 at 36, Infinity from 37; the clamp 100; Keras 16.1181 from z = 20; from the logit exact', async () => {
    const rows = rowsOf((await outputOf('four-ways')).tables[0]);
    const at = (z: string) => rows.find((row) => row.z === z)!;
    expect(rows.map((row) => row.z)).toEqual(['2', '10', '20', '30', '36', '37', '1000']);
    for (const z of ['2', '10']) expect(new Set([at(z).naive, at(z)['clamped (PyTorch)'], at(z)['clipped (Keras)'], at(z)['from the logit']]).size).toBe(1);
    expect([at('30').naive, at('30')['clamped (PyTorch)']]).toEqual(['30.001', '30.001']);
    expect([at('36').naive, at('36')['clamped (PyTorch)']]).toEqual(['36.0437', '36.0437']);
    expect([at('37').naive, at('1000').naive, at('37')['clamped (PyTorch)'], at('1000')['clamped (PyTorch)']]).toEqual(['Infinity', 'Infinity', '100', '100']);
    expect(rows.filter((row) => Number(row.z) >= 20).every((row) => row['clipped (Keras)'] === '16.1181')).toBe(true);
    expect(rows.map((row) => row['from the logit'])).toEqual(['2.12693', '10', '20', '30', '36', '37', '1000']);
    stated('Up to $z = 10$ all four agree');
    stated('From $z \\approx 16.1$ Keras\'s clip holds every loss at 16.118');
    // σ(z) reaches 1 − 1e-7, where the clip starts, at z = ln((1 − 1e-7)/1e-7) ≈ 16.1.
    expect(Math.log((1 - 1e-7) / 1e-7).toFixed(1)).toBe('16.1');
    stated('At $z = 30$ the naive value reads 30.001 and at $z = 36$ it has drifted to 36.044');
    stated('from $z = 37$ the naive value is `Infinity`, and the clamp answers 100');
  });

  test('the gradient via p is 0.093 at z = 30, 0.0002 at 36 and 0 from 37; σ(z) − y reads 1', async () => {
    const rows = rowsOf((await outputOf('four-ways')).tables[0]);
    expect(rows.map((row) => row['gradient via p'])).toEqual(['0.880797', '0.999955', '1', '0.0934808', '0.000222045', '0', '0']);
    expect(rows.slice(2).every((row) => row['gradient σ(z) − y'] === '1')).toBe(true);
    const spread = (z: number) => sigmoid.f(z) * (1 - sigmoid.f(z));
    expect(spread(30).toExponential(2)).toBe('9.35e-14');
    expect(spread(36).toExponential(1)).toBe('2.2e-16');
    stated('the gradient is 0.093 at $z = 30$ and 0.0002 at $z = 36$');
    stated('about $9.35 \\times 10^{-14}$ and then $2.2 \\times 10^{-16}$');
    expect(rows.slice(0, 3).map((row) => row['gradient σ(z) − y'])).toEqual(rows.slice(0, 3).map((row) => row['gradient via p']));
    stated('the same as through $p$ up to $z = 20$, and from there 1 to every digit shown, at 30, 36, 37 and 1000 alike');
    stated('and exactly 0 from $z = 37$');
  });
});

describe('lesson 7, the graded cell', () => {
  test('the lesson has three plain cells and one graded one, bce-from-logit', () => {
    const cells = cellsOf(LESSON);
    expect(cells.filter((cell) => cell.check === undefined).map((cell) => cell.id)).toEqual(['four-ways', 'two-routes', 'best-score']);
    expect(cells.filter((cell) => cell.check !== undefined).map((cell) => cell.check)).toEqual(['bce-from-logit']);
  });

  test('the solution passes, the starter fails; the check is what the lesson says it is', async () => {
    const cell = cellOf(LESSON, 'bce-from-logit');
    const solved = (await run(cell.solution ?? '', 'bce-from-logit')).checks ?? [];
    expect(solved.map((check) => check.passed)).toEqual([true, true]);
    expect((await run(cell.code, 'bce-from-logit')).checks?.some((check) => !check.passed)).toBe(true);
    const names = solved.map((check) => check.name).join(' | ');
    expect(names).toContain('6 simple cases and 1,000 random logits in [−12, 12], targets 0 or 1');
    expect(names).toContain('logits ±40 and ±1000');
    expect(readFileSync(new URL('../../../src/cells/checks/bce-from-logit.ts', import.meta.url), 'utf8')).toContain('const TOLERANCE = 1e-9;');
    stated('on six simple cases of its own and 1,000 seeded random ones (logits between $-12$ and 12, labels 0 and 1) to within $10^{-9}$, then on logits of $\\pm 40$ and $\\pm 1000$ with both labels');
  });

  test('the naive formula through σ(z) passes the first part and fails at z = 40, as the lesson says', async () => {
    const naive = cellOf(LESSON, 'bce-from-logit').code.replace(
      'return 0; // your code',
      'const p = 1 / (1 + Math.exp(-logit)); return -(target * Math.log(p) + (1 - target) * Math.log(1 - p));',
    );
    const checks = (await run(naive, 'bce-from-logit')).checks ?? [];
    expect(checks.map((check) => check.passed)).toEqual([true, false]);
    expect(checks[1].message).toContain('At logit = 40');
    stated('the first part passes and the second fails at $z = 40$');
  });
});

describe('lesson 7, cell "One-hot or index: the same number"', () => {
  test('both label formats 1.151 with a difference of 0, and cce_logits too; at ±1000, 100 through probabilities either way and 1000 from the logits; the memory table', async () => {
    const { tables, texts } = await outputOf('two-routes');
    expect(texts[0]).toMatch(/^one-hot: 1\.1507\d*, index: 1\.1507\d*, difference 0$/);
    expect(texts[1]).toMatch(/^from the logits: 1\.1507\d*$/);
    expect(rowsOf(tables[0])[0]).toMatchObject({ 'cce, probabilities': '100', 'sparse_cce, probabilities': '100', 'cce_logits, logits': '1000' });
    expect(rowsOf(tables[1]).map((row) => [row['one-hot bytes'], row['index bytes']])).toEqual([['2400000', '480000'], ['1638400000', '65536']]);
    stated('here to every bit (1.151 both ways, a difference of 0), and the loss from the logits gives the same 1.151');
    stated('the logarithm is clamped to give 100, with one-hot rows and with indices alike, while `cce_logits` works from the logits and gives the true 1000');
  });
});

describe('lesson 7, cell "What each loss wants the score to be"', () => {
  test('cross-entropy: 0.405, 1.099, 2.197, 4.595 with sigmoids back at the shares; hinge: 1 and 0.731 in every row', async () => {
    const rows = rowsOf((await outputOf('best-score')).tables[0]);
    expect(rows.map((row) => row['best BCE score'])).toEqual(['0.405', '1.099', '2.197', '4.595']);
    expect(rows.map((row) => Number(row['σ(best BCE score)']).toFixed(3))).toEqual(['0.600', '0.750', '0.900', '0.990']);
    expect(rows.every((row) => row['best hinge score'] === '1' && row['σ(best hinge score)'] === '0.731059')).toBe(true);
    stated("Cross-entropy's best scores, 0.405, 1.099, 2.197 and 4.595, are the log-odds, and their sigmoids give back 0.6, 0.75, 0.9 and 0.99");
    stated("Hinge's best score is 1 in every row, and $\\sigma(1) \\approx 0.731$");
  });
});
