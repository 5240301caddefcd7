/**
 * What the loss-descent widget says: the charts' descriptions, each loss's gradient in words
 * (or why there is none), the live region's announcements and the sentence after a descent.
 * Pure, so the live view and the build-time figure say the same thing; every number goes
 * through common/format.ts.
 */
import { formatFixed, formatPercent } from '../common/format.ts';
import { DESCENT_LOSS_LABELS, accuracy, boundaryOf, type DescentLoss, type LineData, type LossGradient } from './classifier.ts';
import { DESCENT_STEPS, type CurvePoint, type Descent, type LossMark, type PathPoint } from './model.ts';

/** A loss value, a gradient or a weight as the widget writes it: three decimals. */
export function formatValue(value: number): string {
  return formatFixed(value, 3);
}

/** A weight or bias as its slider shows it: two decimals. */
function formatSetting(value: number): string {
  return formatFixed(value, 2);
}

/** "2 of 20 points right (10.0%)". */
export function rightCount(share: number, size: number): string {
  return `${Math.round(share * size)} of ${size} points right (${formatPercent(share)})`;
}

/** Why a loss has no derivative at this (w, b), and the value descent uses there. */
export function undefinedWords(id: DescentLoss): string {
  if (id === 'zero_one') return 'a point lies exactly on the boundary, where 0-1 loss jumps; descent takes 0 there';
  if (id === 'perceptron') return 'a point has y·s = 0 exactly, a kink of max(0, −y·s); descent takes that point’s slope as 0 there';
  if (id === 'hinge') return 'a point has y·s = 1 exactly, a kink of max(0, 1 − y·s); descent takes that point’s slope as 0 there, as PyTorch’s relu(1 − y·s) does';
  return 'binary cross-entropy has a derivative everywhere';
}

/** One partial derivative as the readout shows it, or "not defined here" at a jump or kink. */
export function partialText(gradient: LossGradient, along: 'w' | 'b'): string {
  return gradient.defined ? formatValue(gradient[along]) : 'not defined here';
}

/** The data chart's description; `live` adds how to move the boundary (the build-time figure cannot). */
export function describeData(data: LineData, w: number, b: number, live = true): string {
  const size = data.x.length;
  const ones = data.labels.filter((label) => label === 1).length;
  const boundary = boundaryOf(w, b);
  const where =
    boundary === null
      ? `With w = 0 there is no boundary: every score is b = ${formatSetting(b)}, so every point gets the same class.`
      : `The boundary w·x + b = 0 is at x = ${formatSetting(boundary)}; points to its ${w > 0 ? 'right' : 'left'} are predicted class 1.`;
  return `${size} points on the feature axis: ${size - ones} of class 0 (circles, lower row) and ${ones} of class 1 (triangles, upper row), filled when classified right and hollow when wrong. ${where} ${rightCount(accuracy(data, w, b), size)}.${live ? ' Drag on the chart to move the boundary (this sets b, keeping w), or use the sliders.' : ''}`;
}

/** One loss at the current w, in words: value and slope along w, or why there is no slope. */
function markWords(mark: LossMark): string {
  const slope = mark.gradient.defined ? `∂L/∂w ${formatValue(mark.gradient.w)}` : `no derivative (${undefinedWords(mark.loss)})`;
  return `${DESCENT_LOSS_LABELS[mark.loss]} ${formatValue(mark.value)}, ${slope}`;
}

/** The loss chart's description: which curves, the current values and slopes, how arrows are drawn, and the trail. */
export function describeLosses(curves: readonly { loss: DescentLoss; points: readonly CurvePoint[] }[], marks: readonly LossMark[], w: number, b: number, trail: readonly PathPoint[]): string {
  const names = curves.map((curve) => (curve.loss === 'zero_one' ? '0-1 loss (a staircase: flat between jumps, open circles at the jumps)' : DESCENT_LOSS_LABELS[curve.loss]));
  const trailText =
    trail.length > 0
      ? ` The dotted trail is gradient descent so far, ${trail.length - 1} of ${DESCENT_STEPS} steps: the loss at each step's own w and b. Descent moves b too, and the curves are drawn at the current b, so the trail meets its curve only at the current step.`
      : '';
  const arrows = curves.some((curve) => curve.loss !== 'zero_one')
    ? "Each arrow points downhill along its curve's tangent, moving w by −½ ∂L/∂w (at most 1.5); a loss whose slope is 0, or which has no slope here, has no arrow."
    : 'It is flat between its jumps, so its slope is 0 wherever it has one, and there is no arrow to draw.';
  return `Mean loss over the data as w goes from −5 to 5, with b held at ${formatSetting(b)}: ${names.join(', ')}. At w = ${formatSetting(w)}: ${marks.map(markWords).join('; ')}. ${arrows}${trailText}`;
}

/** A steps chart's description. */
export function describeSteps(kind: 'loss' | 'accuracy', loss: DescentLoss, path: readonly PathPoint[], reached: number): string {
  const first = path[0];
  const last = path[Math.min(reached, path.length - 1)];
  const value = (point: PathPoint) => (kind === 'loss' ? formatValue(point.loss) : formatPercent(point.accuracy));
  const what = kind === 'loss' ? DESCENT_LOSS_LABELS[loss] : 'Accuracy';
  const shown = reached >= DESCENT_STEPS ? `after ${DESCENT_STEPS} steps` : `at step ${reached}`;
  return `${what} during gradient descent under ${DESCENT_LOSS_LABELS[loss]} from w = ${formatSetting(first.w)}, b = ${formatSetting(first.b)}: ${value(first)} at the start, ${value(last)} ${shown}.`;
}

/** What the live region says after the reader moves w, b or another setting. */
export function announcement(data: LineData, w: number, b: number, marks: readonly LossMark[]): string {
  const values = marks.map((mark) => `${DESCENT_LOSS_LABELS[mark.loss]} ${formatValue(mark.value)}`).join(', ');
  return `w = ${formatSetting(w)}, b = ${formatSetting(b)}: ${rightCount(accuracy(data, w, b), data.x.length)}. ${values}.`;
}

/**
 * The sentence after a descent: for a loss that did not move, why (for 0-1 loss, ZERO_ONE_STUCK)
 * and that w, b and the mistakes are unchanged; otherwise where it went. `reached` is the step
 * it got to (less than DESCENT_STEPS when the reader pressed Stop); `held` is where w and b were
 * put when the end point lay outside the sliders' range (null when it did not).
 */
export function descentSummary(run: Descent, reached: number, size: number, held: { w: number; b: number } | null = null): string {
  const first = run.path[0];
  const last = run.path[Math.min(reached, run.path.length - 1)];
  const name = DESCENT_LOSS_LABELS[run.loss];
  if (run.stuck !== null) {
    const wrong = Math.round((1 - first.accuracy) * size);
    return `${run.stuck} After ${DESCENT_STEPS} steps w and b are still ${formatSetting(first.w)} and ${formatSetting(first.b)}, and ${wrong} of ${size} points are still wrong.`;
  }
  const when = reached >= DESCENT_STEPS ? `${DESCENT_STEPS} steps` : `Stopped after ${reached} of ${DESCENT_STEPS} steps`;
  const result = `${when} of gradient descent under ${name}: the loss went from ${formatValue(first.loss)} to ${formatValue(last.loss)}, and ${rightCount(last.accuracy, size)}`;
  if (held === null) return `${result}. Now w = ${formatSetting(last.w)} and b = ${formatSetting(last.b)} (the sliders round to 0.01).`;
  return `${result}, at w = ${formatSetting(last.w)}, b = ${formatSetting(last.b)}. That is outside the sliders’ range, so w and b are held at its edge: w = ${formatSetting(held.w)}, b = ${formatSetting(held.b)}.`;
}

/** The line above the readout: accuracy and where the boundary is. */
export function positionSummary(data: LineData, w: number, b: number): string {
  const boundary = boundaryOf(w, b);
  const where = boundary === null ? 'no boundary (w = 0)' : `boundary at x = ${formatSetting(boundary)}, class 1 to its ${w > 0 ? 'right' : 'left'}`;
  return `At w = ${formatSetting(w)}, b = ${formatSetting(b)}: ${rightCount(accuracy(data, w, b), data.x.length)}; ${where}.`;
}

/** The steps charts' title: a forecast from here, or the run under way or finished. */
export function stepsTitle(loss: DescentLoss, learningRate: number, run: { start: PathPoint; reached: number } | null): string {
  const name = DESCENT_LOSS_LABELS[loss];
  if (run === null) return `What ${DESCENT_STEPS} steps of gradient descent under ${name} would do from here (learning rate ${learningRate})`;
  return `Gradient descent under ${name} from w = ${formatSetting(run.start.w)}, b = ${formatSetting(run.start.b)} (learning rate ${learningRate}): step ${run.reached} of ${DESCENT_STEPS}`;
}
