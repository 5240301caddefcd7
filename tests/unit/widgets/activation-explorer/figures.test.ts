import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { drawChart } from '../../../../src/widgets/common/plot-theme.ts';
import { formatPercent } from '../../../../src/widgets/common/format.ts';
import { SCHEMA, type ActivationExplorerState } from '../../../../src/widgets/activation-explorer/state.ts';
import { curves, inputsLand, type Curve } from '../../../../src/widgets/activation-explorer/model.ts';
import { DEFAULT_WIDTH, MARGINS, derivativeFigure, functionFigure, inputsLandFigure, seriesName } from '../../../../src/widgets/activation-explorer/figures.ts';

const DEFAULTS = defaultState(SCHEMA);
const state = (changes: Partial<ActivationExplorerState>): ActivationExplorerState => ({ ...DEFAULTS, ...changes });

type Kind = 'function' | 'derivative' | 'inputs';

/** The figure drawn with jsdom as Plot draws it (not compacted as the build's still is, so every mark's own elements can be read), as markup and as a document to query. */
function render(kind: Kind, s: ActivationExplorerState) {
  const c = curves(s);
  const options = kind === 'function' ? functionFigure(s, c) : kind === 'derivative' ? derivativeFigure(s, c) : inputsLandFigure(s, inputsLand(s), c);
  const markup = drawChart(options, new JSDOM('').window.document).outerHTML;
  const svg = new JSDOM(markup).window.document.querySelector('svg')!;
  return { markup, svg, curves: c };
}

/** The z a pixel x stands for, with the figures' fixed margins. */
function zAt(x: number, range: number): number {
  const inner = DEFAULT_WIDTH - MARGINS.marginLeft - MARGINS.marginRight;
  return -range + ((x - MARGINS.marginLeft) / inner) * 2 * range;
}

const EDGES: [string, Partial<ActivationExplorerState>][] = [
  ['the defaults', {}],
  ['three functions', { f1: 'sigmoid', f2: 'relu', f3: 'step' }],
  ['z range 20', { range: 20, f2: 'gelu', f3: 'leaky_relu' }],
  ['the probe at 1000, outside the range', { z: 1000 }],
  ['saturation off', { saturation: 'off', f3: 'elu' }],
  ['step and ReLU kinks', { f1: 'step', f2: 'relu', f3: 'prelu', z: 0 }],
  ['only the step, every unit outside the window', { f1: 'step', f2: 'none', init: 'custom', sigma: 10, fanIn: 1000, range: 3 }],
];
const KINDS: Kind[] = ['function', 'derivative', 'inputs'];

describe.each(EDGES)('%s', (_, changes) => {
  const s = state(changes);

  test.each(KINDS)('%s chart: one path per function, told apart by dash as well as colour', (kind) => {
    const { svg, curves: c } = render(kind, s);
    const groups = [...svg.querySelectorAll('g.al-curve')];
    expect(groups).toHaveLength(c.length);
    for (const group of groups) expect(group.querySelectorAll('path')).toHaveLength(1);
    const dashes = groups.map((group) => group.getAttribute('stroke-dasharray') ?? 'solid');
    expect(new Set(dashes).size).toBe(c.length);
    expect(groups.map((group) => group.querySelector('title')?.textContent)).toEqual(c.map((curve) => seriesName(s, curve)));
  });

  test.each(KINDS)('%s chart: shading only with saturation on, inside the model\'s saturated zones', (kind) => {
    const { svg, curves: c } = render(kind, s);
    const shaded = svg.querySelectorAll('g.al-saturated');
    if (s.saturation === 'off') {
      expect(shaded).toHaveLength(0);
      expect(svg.querySelector('.al-threshold')).toBeNull();
      return;
    }
    // A function never saturated here (Leaky ReLU's f' is α = 0.01, not below it) draws no group.
    expect(shaded).toHaveLength(c.filter((curve) => curve.saturated.length > 0).length);
    c.forEach((curve: Curve, slot) => {
      const rects = [...svg.querySelectorAll(`g.al-saturated-${slot + 1} rect`)];
      expect(rects).toHaveLength(curve.saturated.length);
      rects.forEach((rect, i) => {
        const x = Number(rect.getAttribute('x'));
        const [from, to] = [zAt(x, s.range), zAt(x + Number(rect.getAttribute('width')), s.range)];
        expect(from).toBeGreaterThanOrEqual(curve.saturated[i][0] - 1e-6);
        expect(to).toBeLessThanOrEqual(curve.saturated[i][1] + 1e-6);
        expect(to - from).toBeCloseTo(curve.saturated[i][1] - curve.saturated[i][0], 6);
      });
    });
    if (kind !== 'function') expect(svg.querySelector('.al-threshold')).not.toBeNull();
  });

  test.each(KINDS)('%s chart: the probe rule only in range, labelled axes, words for every function, no NaN', (kind) => {
    const { svg, markup, curves: c } = render(kind, s);
    const probe = svg.querySelector('g.al-probe line');
    if (kind === 'inputs' || Math.abs(s.z) > s.range) expect(probe).toBeNull();
    else expect(zAt(Number(probe!.getAttribute('x1')), s.range)).toBeCloseTo(s.z, 6);
    const text = svg.textContent ?? '';
    expect(text).toContain('z (pre-activation)');
    expect(text).toContain({ function: 'f(z)', derivative: 'f′(z)', inputs: 'share of units per bin' }[kind]);
    const [label, description] = [svg.getAttribute('aria-label') ?? '', svg.getAttribute('aria-description') ?? ''];
    for (const curve of c) {
      expect(label).toContain(seriesName(s, curve));
      expect(description).toContain(seriesName(s, curve));
    }
    expect(description).toContain(s.saturation === 'on' ? 'saturated' : 'f');
    expect(markup).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('what the charts mark', () => {
  test('kinks are dots at the library’s value, and jumps are gaps, not steep segments', () => {
    const s = state({ f1: 'step', f2: 'relu', f3: 'tanh' });
    const f = render('function', s).svg;
    const df = render('derivative', s).svg;
    expect(f.querySelectorAll('g.al-kink-1 circle')).toHaveLength(1);
    expect(f.querySelectorAll('g.al-kink-2 circle')).toHaveLength(1);
    expect(f.querySelector('g.al-kink-3')?.querySelectorAll('circle') ?? []).toHaveLength(0);
    const moves = (svg: Element, slot: number) => (svg.querySelector(`g.al-curve-${slot} path`)?.getAttribute('d')?.match(/M/g) ?? []).length;
    expect([moves(f, 1), moves(f, 2), moves(f, 3)]).toEqual([2, 1, 1]);
    expect([moves(df, 1), moves(df, 2), moves(df, 3)]).toEqual([2, 2, 1]);
    expect(df.getAttribute('aria-description')).toContain('ReLU at z = 0.00, where the library takes f′ = 0.00');
  });

  test('the probe is said to lie outside the window at z = 1000', () => {
    expect(render('function', state({ z: 1000 })).svg.getAttribute('aria-description')).toContain('probe at z = 1000.00 lies outside the window');
  });

  test("an α shows in the series name: Leaky ReLU's own", () => {
    const s = state({ f1: 'leaky_relu', leakyAlpha: 0.2 });
    expect(render('function', s).svg.getAttribute('aria-label')).toContain('Leaky ReLU (α = 0.20)');
  });

  test("the inputs chart's description gives each function's saturated share and the units outside", () => {
    const s = state({ f3: 'relu' });
    const land = inputsLand(s);
    const description = render('inputs', s).svg.getAttribute('aria-description') ?? '';
    for (const item of land.saturated) expect(description).toContain(`${item.name} ${formatPercent(item.share)}`);
    expect(description).toContain(`${formatPercent((land.below + land.above) / land.samples.length)} fall outside the window`);
    expect(render('inputs', s).svg.querySelectorAll('g.al-bins rect').length).toBeGreaterThan(0);
  });
});
