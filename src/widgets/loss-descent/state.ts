/**
 * The loss-descent widget's state as one table: the classifier's weight and bias, which loss
 * "Gradient descent from here" follows, which losses' curves are drawn, the learning rate, and
 * the data set's seed and size.
 *
 * The design: one choice names the loss descent uses (one at a time, so one path is traced),
 * and one shown/hidden choice per loss says which curves are drawn (several at a time). The
 * descent loss's curve is always drawn, whatever its own choice says (`shownLosses`), so the
 * path always has a curve to lie on.
 */
import { choiceField, numberField, parseState, type StateOf } from '../common/state.ts';
import { DESCENT_LOSSES, DESCENT_LOSS_LABELS, type DescentLoss } from './classifier.ts';

/** Whether a loss's curve is drawn. */
export type Visibility = 'shown' | 'hidden';

const VISIBILITY_OPTIONS = [
  { value: 'shown', label: 'shown' },
  { value: 'hidden', label: 'hidden' },
] as const;

/** A loss curve's shown/hidden field. */
function curveField(id: DescentLoss, value: Visibility) {
  return choiceField<Visibility>(`${DESCENT_LOSS_LABELS[id]} curve`, VISIBILITY_OPTIONS, value);
}

/** The URL name of each loss's shown/hidden field. */
export const CURVE_FIELDS = {
  zero_one: 'showZeroOne',
  perceptron: 'showPerceptron',
  hinge: 'showHinge',
  bce: 'showBce',
} as const satisfies Readonly<Record<DescentLoss, string>>;

/**
 * Every field, keyed by its URL name. w and b go from −5 to 5 in steps of 0.01. The learning
 * rate is on a log slider from 0.001 to 10 (grid 0.001), the data set has 4 to 100 points in
 * steps of 2 (the classes alternate, so each has half).
 *
 * The defaults (measured, and pinned by tests/unit/widgets/loss-descent/model.test.ts): w = −2,
 * b = 1 on 20 points from seed 1 puts the boundary at x = 0.5 the wrong way round, so 18 of the
 * 20 points are misclassified (10 % right). From there 100 steps at learning rate 0.5 take BCE
 * from 2.535 to 0.064 (w = 3.62, b = 0.61), falling at every step: every point is right at step
 * 8, one slips back (95 %) from step 24 to 49 while BCE keeps falling, and all are right from
 * step 50. Hinge goes from 3.326 to 0.024 (w = 2.52, b = 0.83; all right at step 6, and from
 * step 11 on). The perceptron loss goes from 2.385 to 0 at step 6, every point right, and stops
 * there (w = 0.40, b = 0.15): a loss of 0 has gradient 0. 0-1 loss stays at 0.9 and does not
 * move. All four curves are shown; descent follows BCE.
 */
export const SCHEMA = {
  w: numberField('Weight w', -5, 5, 0.01, -2),
  b: numberField('Bias b', -5, 5, 0.01, 1),
  loss: choiceField<DescentLoss>(
    'Loss for gradient descent',
    DESCENT_LOSSES.map((id) => ({ value: id, label: DESCENT_LOSS_LABELS[id] })),
    'bce',
  ),
  showZeroOne: curveField('zero_one', 'shown'),
  showPerceptron: curveField('perceptron', 'shown'),
  showHinge: curveField('hinge', 'shown'),
  showBce: curveField('bce', 'shown'),
  lr: numberField('Learning rate', 0.001, 10, 0.001, 0.5, 'log'),
  seed: numberField('Seed', 0, 9999, 1, 1),
  size: numberField('Data points', 4, 100, 2, 20),
} as const;

/** The widget's full state. */
export type DescentState = StateOf<typeof SCHEMA>;

/** The losses whose curves are drawn, in DESCENT_LOSSES order: those shown, and always the descent loss. */
export function shownLosses(state: DescentState): DescentLoss[] {
  return DESCENT_LOSSES.filter((id) => id === state.loss || state[CURVE_FIELDS[id]] === 'shown');
}

/**
 * The lesson's starting state from a <LossDescent> element's props (`w={-1}`, `loss="zero_one"`),
 * or an Error naming every bad prop, an unknown name or a refused value, which fails the build.
 */
export function stateFromProps(props: Readonly<Record<string, unknown>>, where: string): DescentState {
  const unknown = Object.keys(props).filter((name) => !(name in SCHEMA)).map((name) => `${name} is not a setting of this widget.`);
  const { state, problems } = parseState(SCHEMA, Object.fromEntries(Object.entries(props).map(([name, value]) => [name, String(value)])));
  if (unknown.length + problems.length > 0) throw new Error(`<LossDescent> in ${where}: ${[...unknown, ...problems].join(' ')}`);
  return state;
}
