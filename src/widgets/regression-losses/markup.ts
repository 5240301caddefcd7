/**
 * The regression-losses widget's markup: the legend, the chart frames, the readout of the three
 * fits and the table of residuals and shares. Pure strings from the model, so the build-time
 * figure and the live view show the same page; nothing in them comes from the reader's text,
 * only formatted numbers.
 */
import { formatFixed, formatPercent } from '../common/format.ts';
import { REGRESSION_LOSSES, type RegressionModel } from './model.ts';
import { LOSS_LOOK, formatValue, lineText, lossShares, pointName, slopePulls, solvedText } from './words.ts';

/** The charts the widget draws, by their frame's `data-chart`. */
export const CHARTS = ['scatter', 'loss', 'distance'] as const;

/** One of the widget's charts. */
export type ChartName = (typeof CHARTS)[number];

/** How many of the largest pulls on MSE's slope the table lists (the selected point comes first). */
export const TOP_ROWS = 5;

/** A short sample of a loss's line, in its colour and dash, for the legend. */
function swatch(loss: (typeof REGRESSION_LOSSES)[number]): string {
  const look = LOSS_LOOK[loss];
  const dash = look.dash === 'none' ? '' : ` stroke-dasharray="${look.dash}"`;
  return `<svg width="36" height="10" aria-hidden="true"><line x1="0" y1="5" x2="36" y2="5" stroke="${look.colour}" stroke-width="3"${dash}/></svg>`;
}

/** Each loss's colour and dash, as list items. */
function fitKeys(noun: string): string {
  return REGRESSION_LOSSES.map((loss) => `<li>${swatch(loss)} ${LOSS_LOOK[loss].name}${noun}</li>`).join('');
}

/** The legend: each fit's colour and dash, the point shapes, the band. */
export function legendMarkup(): string {
  return `<ul class="al-legend al-rl-legend">${fitKeys(' fit')}<li><span aria-hidden="true">●</span> point</li><li><span aria-hidden="true" class="al-rl-outlier">▲</span> outlier</li><li><span aria-hidden="true" class="al-rl-added">■</span> added by you</li><li><span aria-hidden="true" class="al-rl-band">▮</span> Huber fit ± delta</li></ul>`;
}

/** A chart's frame; `content` is the build-time SVG, or empty for the live view to fill. */
function chartFrame(name: ChartName, title: string, content: string, attributes = ''): string {
  return `<section class="al-rl-panel" data-part="${name}"><p class="al-rl-title">${title}</p><div class="al-chart" data-chart="${name}"${attributes}>${content}</div></section>`;
}

/** Everything but the controls: legend, scatter, readout, table and the descent's two charts. */
export function bodyMarkup(
  model: RegressionModel,
  selected: number | null,
  charts: Partial<Record<ChartName, string>> = {},
  options: { scatterAttributes?: string; convergence?: string; fit?: 'line' | 'network' } = {},
): string {
  return `
    ${legendMarkup()}
    ${chartFrame('scatter', 'The points and the three fits', charts.scatter ?? '', options.scatterAttributes)}
    <p class="al-rl-solved" data-part="solved">${solvedText(options.fit ?? 'line')}</p>
    <div data-part="readout">${readoutMarkup(model)}</div>
    <div data-part="table">${contributionsMarkup(model, selected)}</div>
    <h4 class="al-rl-heading">Convergence at one learning rate</h4>
    <p class="al-rl-summary" data-part="convergence">${options.convergence ?? ''}</p>
    <ul class="al-legend al-rl-legend">${fitKeys('')}</ul>
    <div class="al-rl-pair">
      ${chartFrame('loss', 'Mean loss per step', charts.loss ?? '')}
      ${chartFrame('distance', 'Distance to the exact fit per step', charts.distance ?? '')}
    </div>`;
}

/** The three fits: equation, slope (read back by tests), loss at the fit and best constant. */
export function readoutMarkup(model: RegressionModel): string {
  const rows = REGRESSION_LOSSES.map((loss) => {
    const result = model.losses[loss];
    const look = LOSS_LOOK[loss];
    return `<tr><th scope="row">${swatch(loss)} ${look.name}</th><td>${lineText(result.line)}</td><td data-value="slope-${loss}">${formatFixed(result.line.slope, 4)}</td><td>${formatValue(result.value)}</td><td>${look.constant} ${formatFixed(result.constant, 2)}</td></tr>`;
  }).join('');
  return `<div class="al-table-scroll" tabindex="0" role="region" aria-label="The three fits">
    <table class="al-number-table"><thead><tr><th scope="col">loss</th><th scope="col">fitted line</th><th scope="col">slope</th><th scope="col">mean loss</th><th scope="col">best constant</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The rows the table shows: the selected point, then the largest pulls on MSE's slope. */
export function tableRows(model: RegressionModel, selected: number | null, limit = TOP_ROWS): number[] {
  const pulls = slopePulls(model.losses.mse.contributions);
  const order = pulls.map((_, index) => index).sort((a, b) => pulls[b] - pulls[a] || a - b);
  const rows = selected === null ? [] : [selected];
  for (const index of order) {
    if (rows.length >= limit + (selected === null ? 0 : 1)) break;
    if (index !== selected) rows.push(index);
  }
  return rows;
}

/** Each point's residual, share of the loss and pull on the slope under each loss, as table cells. */
function pointCells(model: RegressionModel) {
  const shares = REGRESSION_LOSSES.map((loss) => ({ loss, value: lossShares(model.losses[loss].contributions), pull: slopePulls(model.losses[loss].contributions) }));
  return {
    shares,
    cells: (index: number) =>
      shares.flatMap(({ loss, value, pull }) => [formatValue(model.losses[loss].contributions[index].residual), formatPercent(value[index]), formatPercent(pull[index])]),
  };
}

const QUANTITIES = ['residual', 'loss share', 'pull on slope'] as const;

/**
 * The selected point and the largest pulls as columns, one row per quantity and loss: six
 * points fit the lesson column this way, where twelve columns of points would not.
 */
function topTable(model: RegressionModel, selected: number | null, indices: readonly number[]): string {
  const { cells } = pointCells(model);
  const columns = indices.map(cells);
  const mark = (index: number) => (index === selected ? ' data-selected="true"' : '');
  const head = `<thead><tr><td></td><td></td>${indices.map((index) => `<th scope="col"${mark(index)}>${pointName(model.points[index], index)}${index === selected ? ' (selected)' : ''}</th>`).join('')}</tr></thead>`;
  const position = (label: string, value: (index: number) => number) =>
    `<tr><th scope="row" colspan="2">${label}</th>${indices.map((index) => `<td${mark(index)}>${formatFixed(value(index), 2)}</td>`).join('')}</tr>`;
  const body = REGRESSION_LOSSES.map((loss, l) =>
    QUANTITIES.map((quantity, q) => {
      const group = q === 0 ? `<th scope="rowgroup" rowspan="3">${LOSS_LOOK[loss].name}</th>` : '';
      return `<tr${q === 0 ? ' class="al-rl-group"' : ''}>${group}<th scope="row">${quantity}</th>${indices.map((index, i) => `<td${mark(index)}>${columns[i][3 * l + q]}</td>`).join('')}</tr>`;
    }).join(''),
  ).join('');
  return `<div class="al-table-scroll" tabindex="0" role="region" aria-label="The selected point and the largest pulls on the MSE slope">
    <table class="al-number-table al-rl-top">${head}<tbody>${position('x', (index) => model.points[index].x)}${position('y', (index) => model.points[index].y)}${body}</tbody></table></div>`;
}

/**
 * Residual, share of the loss and pull on the slope of each point under each loss: the selected
 * point and the largest pulls on MSE's slope in a table of columns, and the whole list, a row
 * per point, behind a disclosure.
 */
export function contributionsMarkup(model: RegressionModel, selected: number | null): string {
  const { shares, cells } = pointCells(model);
  const row = (index: number) => {
    const point = model.points[index];
    return `<tr><th scope="row">${pointName(point, index)}</th><td>${formatFixed(point.x, 2)}</td><td>${formatFixed(point.y, 2)}</td>${cells(index).map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  };
  const head = `<thead><tr><th scope="col" rowspan="2">point</th><th scope="col" rowspan="2">x</th><th scope="col" rowspan="2">y</th>${REGRESSION_LOSSES.map((loss) => `<th scope="colgroup" colspan="3">${LOSS_LOOK[loss].name}</th>`).join('')}</tr>
    <tr>${REGRESSION_LOSSES.map(() => QUANTITIES.map((quantity) => `<th scope="col">${quantity}</th>`).join('')).join('')}</tr></thead>`;
  const mse = slopePulls(model.losses.mse.contributions);
  const all = model.points.map((_, index) => index).sort((a, b) => mse[b] - mse[a] || a - b);
  const pulls = selected === null ? '' : `<p class="al-rl-pull" data-value="pull">${pointName(model.points[selected], selected)}: pull on the slope under ${shares.map(({ loss, pull }) => `${LOSS_LOOK[loss].name} ${formatPercent(pull[selected])}`).join(', ')}.</p>`;
  return `${pulls}<p class="al-rl-note">Residual r = prediction − y at each fit. Loss share: the point’s part of the mean loss. Pull on slope: its share of Σ|∂ℓ<sub>i</sub>/∂slope|, the sizes of the pulls that cancel at the fit.</p>
    ${topTable(model, selected, tableRows(model, selected))}
    <details class="al-rl-details"><summary>Every point (${model.points.length}), largest MSE pull first</summary><div class="al-table-scroll" tabindex="0" role="region" aria-label="Every point"><table class="al-number-table">${head}<tbody>${all.map(row).join('')}</tbody></table></div></details>`;
}
