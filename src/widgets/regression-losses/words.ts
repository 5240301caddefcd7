/**
 * What the regression-losses widget says: each loss's name and how it is drawn, a line as an
 * equation, a point's name, the shares of loss and pull, the convergence summary and the live
 * region's announcements. Pure, so the live view and the build-time figure say the same thing.
 */
import { formatExponential, formatFixed, formatPercent, plural } from '../common/format.ts';
import type { Line } from './fits.ts';
import { NETWORK_EPOCHS, NETWORK_LAYERS } from './network-fit.ts';
import type { Contribution, Convergence, PerLoss, RegressionLoss, RegressionModel } from './model.ts';
import { REGRESSION_LOSSES } from './model.ts';
import type { RegressionPoint } from './points.ts';

/** How each loss is named and drawn: colour and dash both tell the three apart. */
export const LOSS_LOOK: PerLoss<{ readonly name: string; readonly colour: string; readonly dash: string; readonly constant: string }> = {
  mse: { name: 'MSE', colour: 'var(--series-1)', dash: 'none', constant: 'mean' },
  mae: { name: 'MAE', colour: 'var(--series-2)', dash: '9 5', constant: 'median' },
  huber: { name: 'Huber', colour: 'var(--series-3)', dash: '2 4', constant: 'Huber’s constant' },
};

/** How the three lines are found, said once in the widget. */
export const SOLVED_HOW =
  'MSE and MAE are solved exactly (MSE by the normal equations, MAE by searching the lines through pairs of points), Huber by iteratively reweighted least squares to 1e-12.';

/** How the fits are found for the fitted model chosen: the lines, or the lines and the networks drawn instead. */
export function solvedText(fit: 'line' | 'network'): string {
  if (fit === 'line') return SOLVED_HOW;
  const layers = NETWORK_LAYERS.join('-');
  return `The curves are small networks (${layers}, tanh), one per loss from the same seeded start, each trained by full-batch Adam for ${NETWORK_EPOCHS} epochs: they refit when you let go of a point. The readout, the table and the descent are for the lines: ${SOLVED_HOW}`;
}

/** A number as the readout shows it: two decimals, or powers of ten where two decimals would hide it. */
export function formatValue(value: number): string {
  return Number.isFinite(value) && value !== 0 && Math.abs(value) < 0.005 ? formatExponential(value, 1) : formatFixed(value, 2);
}

/** A line as an equation, "y = 1.92x + 1.73" (with a true minus sign). */
export function lineText(line: Line): string {
  const sign = line.intercept < 0 && formatFixed(line.intercept, 2) !== '0.00' ? '−' : '+';
  return `y = ${formatFixed(line.slope, 2).replace('-', '−')}x ${sign} ${formatFixed(Math.abs(line.intercept), 2)}`;
}

/** A coordinate pair as shown, "(−2.06, 6.66)". */
export function positionText(point: { x: number; y: number }): string {
  return `(${formatFixed(point.x, 2).replace('-', '−')}, ${formatFixed(point.y, 2).replace('-', '−')})`;
}

/** A point's name: its place in the list, 1-based, and what kind it is. */
export function pointName(point: RegressionPoint, index: number): string {
  const kind = point.key.origin === 'added' ? ', added by you' : point.outlier ? ', outlier' : '';
  return `Point ${index + 1}${kind}`;
}

/** Shares of a sum of sizes: each |value| over the sum of all |values| (0 when all are 0). */
export function sharesOf(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + Math.abs(value), 0);
  return values.map((value) => (total > 0 ? Math.abs(value) / total : 0));
}

/**
 * Each point's pull on a loss's slope: its share of Σ|∂ℓᵢ/∂slope|. At the fit the signed
 * contributions cancel (the gradient is 0), so the sizes are what says who pulls hardest.
 */
export function slopePulls(contributions: readonly Contribution[]): number[] {
  return sharesOf(contributions.map((c) => c.gradient.slope));
}

/** Each point's share of a loss's value (every ℓᵢ ≥ 0, so these sum to 1). */
export function lossShares(contributions: readonly Contribution[]): number[] {
  return sharesOf(contributions.map((c) => c.loss));
}

/** The three slopes in words, "MSE 1.92, MAE 1.95, Huber 2.00". */
export function slopesText(model: RegressionModel): string {
  return REGRESSION_LOSSES.map((id) => `${LOSS_LOOK[id].name} ${formatFixed(model.losses[id].line.slope, 2)}`).join(', ');
}

/** What the live region says after a point moves, is added or removed. */
export function announcement(model: RegressionModel, selected: number | null, lead = ''): string {
  const point = selected === null ? undefined : model.points[selected];
  const where = point ? `${pointName(point, selected!)} at ${positionText(point)}. ` : '';
  const pull = point ? ` Its pull on the MSE slope: ${formatPercent(slopePulls(model.losses.mse.contributions)[selected!])}.` : '';
  return `${lead}${where}Slopes: ${slopesText(model)}.${pull}`;
}

/** The convergence run in one sentence per loss: where each ended, how far from its exact fit. */
export function convergenceSummary(curves: PerLoss<Convergence>, distances: PerLoss<readonly number[]>, settings: { lr: number; steps: number }): string {
  const parts = REGRESSION_LOSSES.map((id: RegressionLoss) => {
    const run = curves[id];
    const name = LOSS_LOOK[id].name;
    if (run.divergedAt !== null) return `${name} diverged at step ${run.divergedAt} (its loss passed 1e150)`;
    const last = distances[id].at(-1) ?? Number.NaN;
    return `${name} ended ${formatValue(last)} from its exact fit`;
  });
  return `Plain gradient descent from the line y = 0, ${plural(settings.steps, 'step')} at learning rate ${settings.lr}: ${parts.join('; ')}.`;
}
