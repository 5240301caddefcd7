import { expect, test } from 'vitest';
import katex from 'katex';
import { ACTIVATION_IDS } from '../../../../src/lib/index.ts';
import { FORMULAS, typeset, typesetFormulas } from '../../../../src/widgets/activation-explorer/formulas.ts';
import { formulaMarkup } from '../../../../src/widgets/activation-explorer/markup.ts';

test.each(ACTIVATION_IDS)('%s has f and f′ TeX, both typeset by KaTeX in strict mode', (id) => {
  const { f, df } = FORMULAS[id];
  expect(f.length).toBeGreaterThan(0);
  expect(df.length).toBeGreaterThan(0);
  for (const tex of [f, df]) expect(() => katex.renderToString(tex, { strict: 'error', throwOnError: true })).not.toThrow();
  const html = typesetFormulas(id);
  expect(html.f).toContain('class="katex-display"');
  expect(html.df).not.toContain('katex-error');
  expect(formulaMarkup(id, html.f, html.df)).toContain(`data-formula="${id}"`);
});

test('every activation has its own formulas, and none is missing', () => {
  expect(Object.keys(FORMULAS).sort()).toEqual([...ACTIVATION_IDS].sort());
  expect(new Set(ACTIVATION_IDS.map((id) => FORMULAS[id].f)).size).toBeGreaterThanOrEqual(ACTIVATION_IDS.length - 1);
});

test('the parameterised functions write α, GELU is the exact erf form, the step takes H(0) = 1', () => {
  for (const id of ['leaky_relu', 'prelu', 'elu'] as const) expect(FORMULAS[id].f).toContain('\\alpha');
  expect(FORMULAS.gelu.f).toContain('erf');
  expect(FORMULAS.gelu.f).not.toContain('tanh');
  expect(FORMULAS.step.f).toMatch(/1 & z \\ge 0/);
});

test('a formula KaTeX refuses fails with the place named', () => {
  expect(() => typeset('\\frac{1}{', 'sigmoid f')).toThrow(/sigmoid f: the formula/);
  expect(() => typeset('é', 'unicode')).toThrow(/unicode/);
});
