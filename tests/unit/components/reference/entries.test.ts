import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ACTIVATION_IDS, LOSS_IDS, activation, loss } from '../../../../src/lib/index.ts';
import { ACTIVATION_ENTRIES } from '../../../../src/components/reference/activations.ts';
import { LOSS_ENTRIES } from '../../../../src/components/reference/losses.ts';
import { ACTIVATION_SHEET, LOSS_SHEET } from '../../../../src/components/reference/cheat-sheets.ts';
import { linkHref } from '../../../../src/components/reference/links.ts';
import { renderInlineMath } from '../../../../src/components/check/inline-math.ts';
import type { LessonLink } from '../../../../src/components/reference/types.ts';
import { headingIds, queryProblems, widgetsOf } from '../../content/configuring-links.ts';

// The reference page's data: every function the library has is on it under the library's own id
// and name, every formula typesets, and every link into a lesson lands on a heading and
// configures a widget of that lesson with values it accepts.

const ENTRIES = [...ACTIVATION_ENTRIES, ...LOSS_ENTRIES];

const directory = new URL('../../../../content/lessons/', import.meta.url);
/** Each lesson's source by its order (from its frontmatter), as the page finds them. */
const LESSONS = new Map(
  readdirSync(directory)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const source = readFileSync(new URL(name, directory), 'utf8');
      return [Number(/^order: (\d+)$/m.exec(source)?.[1]), source] as const;
    }),
);
/** Lessons lesson 1's map promises and that are still being written (so named, not linked). */
const PLANNED: number[] = [];

test('every activation and every loss of the library has exactly one entry, under its id and name', () => {
  for (const id of ACTIVATION_IDS) {
    const found = ACTIVATION_ENTRIES.filter((entry) => entry.library === id);
    expect(found, id).toHaveLength(1);
    expect(found[0].id).toBe(id);
    expect(found[0].name).toBe(activation(id).name);
    expect(found[0].formula).toBe(activation(id).formula);
    expect(found[0].derivative).toBe(activation(id).derivativeFormula);
  }
  for (const id of LOSS_IDS) {
    const found = LOSS_ENTRIES.filter((entry) => entry.library === id);
    expect(found, id).toHaveLength(1);
    expect(found[0].id).toBe(id);
    expect(found[0].name).toBe(loss(id).name);
    expect(found[0].formula).toBe(loss(id).formula);
  }
  expect(new Set(ENTRIES.map((entry) => entry.id)).size).toBe(ENTRIES.length);
});

test('the functions the issue lists that the library lacks are there too, marked as not in the library', () => {
  const outside = ENTRIES.filter((entry) => entry.library === null || entry.library === 'softmax').map((entry) => entry.id);
  expect(outside.sort()).toEqual(['hinge_embedding', 'multi_margin', 'perceptron', 'smooth_l1', 'softmax']);
});

test('the PyTorch and Keras names are the documented ones', () => {
  const names = (id: string) => ENTRIES.find((entry) => entry.id === id)!;
  expect(names('leaky_relu').pytorch).toBe('nn.LeakyReLU(negative_slope=0.01)');
  expect(names('swish').pytorch).toBe('nn.SiLU()');
  expect(names('softmax').pytorch).toBe('nn.Softmax(dim=1)');
  // The library's sparse_cce takes probabilities (Keras's sparse form); CrossEntropyLoss takes logits, as cce_logits does.
  expect(names('sparse_cce').pytorch).toBe('nn.NLLLoss()');
  expect(names('sparse_cce').keras).not.toContain('from_logits');
  expect(names('cce_logits').pytorch).toBe('nn.CrossEntropyLoss()');
  expect(names('cce_logits').keras).toContain('from_logits=True');
  expect(names('bce_logits').keras).toContain('from_logits=True');
  expect(names('multi_margin').pytorch).toBe('nn.MultiMarginLoss(p=1, margin=1.0)');
  expect(names('hinge_embedding').pytorch).toBe('nn.HingeEmbeddingLoss(margin=1.0)');
  // PyTorch has no binary hinge class; HingeEmbeddingLoss is a different loss and must not stand in.
  expect(names('hinge').pytorch).toBe('');
  for (const entry of ENTRIES) expect(entry.pytorch.startsWith('nn.') || entry.pytorch.startsWith('torch.') || entry.pytorch === '', entry.id).toBe(true);
});

describe.each(ENTRIES)('$id', (entry) => {
  test('typesets every formula and every sentence under KaTeX strict mode', () => {
    for (const tex of [entry.formula, entry.derivative, entry.range]) expect(() => renderInlineMath(`$${tex}$`, entry.id)).not.toThrow();
    for (const text of [entry.use, entry.note ?? '']) expect(() => renderInlineMath(text, entry.id)).not.toThrow();
    expect(entry.use.length).toBeGreaterThan(20);
  });
});

/** Every link on the page, with where it comes from. */
const LINKS: [string, LessonLink][] = [
  ...ENTRIES.flatMap((entry) => [...entry.lessons.map((link) => [`${entry.id} lesson`, link] as [string, LessonLink]), ...(entry.widget ? [[`${entry.id} widget`, entry.widget] as [string, LessonLink]] : [])]),
  ...[ACTIVATION_SHEET, LOSS_SHEET].flatMap((sheet) => sheet.rows.flatMap((row) => (row.see ? [[`${sheet.id}: ${row.cells[0]}`, row.see] as [string, LessonLink]] : []))),
];

describe.each(LINKS)('%s', (_where, link) => {
  test('lands on a heading of an existing lesson and configures its widgets with accepted values, or names a planned lesson', () => {
    const source = LESSONS.get(link.lesson);
    if (source === undefined) {
      expect(PLANNED).toContain(link.lesson);
      // Nothing in a lesson not yet written can be checked, so a link to it carries nothing.
      expect(link.query).toBeUndefined();
      expect(link.anchor).toBeUndefined();
      return;
    }
    if (link.anchor !== undefined) expect(headingIds(source).has(link.anchor), `#${link.anchor} in lesson ${link.lesson}`).toBe(true);
    if (link.query !== undefined) {
      expect(link.anchor, 'a configuring link lands on the widget’s heading').toBeDefined();
      expect(queryProblems(link.query, widgetsOf(source))).toEqual([]);
    }
  });
});

test('a link resolves to its lesson’s path, and to nothing while the lesson does not exist', () => {
  const paths = new Map([[3, '/lessons/03-relu-family/']]);
  expect(linkHref({ lesson: 3, query: '?explorer.f1=elu', anchor: 'relu' }, paths)).toBe('/lessons/03-relu-family/?explorer.f1=elu#relu');
  expect(linkHref({ lesson: 3 }, paths)).toBe('/lessons/03-relu-family/');
  expect(linkHref({ lesson: 7 }, paths)).toBeNull();
});

test('both of the article’s cheat sheets have their six rows, each with a check', () => {
  for (const sheet of [ACTIVATION_SHEET, LOSS_SHEET]) {
    expect(sheet.rows).toHaveLength(6);
    for (const row of sheet.rows) {
      expect(row.cells).toHaveLength(sheet.headers.length);
      expect(() => renderInlineMath(row.correction, sheet.id)).not.toThrow();
    }
  }
});
