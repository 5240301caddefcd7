/**
 * The classification-losses widget's state as one table: which mode is shown (binary losses,
 * multi-class cross-entropy, calibration), and each mode's settings. Every mode's fields are in
 * the table and the address, so a link can open any mode configured; only the shown mode's
 * controls appear.
 */
import { choiceField, numberField, parseState, type NumberField, type StateOf } from '../common/state.ts';

/** The most logits multi-class mode offers (z1 … z6 are all in the table; `k` says how many are used). */
export const MAX_CLASSES = 6;

/** The window each logit's slider covers; its number box takes −1000 to 1000, so ±1000 can be typed. */
export const LOGIT_WINDOW = [-10, 10] as const;

/** The lesson's logits: a clear winner, a runner-up, two small ones, then spares. */
const DEFAULT_LOGITS = [2, 1, 0.1, -1, 0.5, -0.5] as const;

function logitField(index: number): NumberField {
  return numberField(`Logit z${index + 1}`, -1000, 1000, 0.01, DEFAULT_LOGITS[index]);
}

const classOptions = Array.from({ length: MAX_CLASSES }, (_, index) => ({ value: String(index + 1), label: `class ${index + 1}` }));

/**
 * Every field, keyed by its URL name.
 *
 * Binary mode: the x axis is the logit z (for the true class `y`) or the margin y±·z; z from
 * −range to range (default ±6); a linear or log y axis; the probe's p for a true class 1 (default
 * 0.01, the article's confident mistake). Measured at the defaults (pinned by
 * tests/unit/widgets/classification-losses/binary.test.ts): z = ln(0.01/0.99) = −4.595;
 * cross-entropy 4.605 with ∂/∂z = −0.990; squared error through a sigmoid 0.980 with ∂/∂z =
 * −0.0196, 50.5 times smaller (1/(2p(1 − p))); hinge 5.595 with ∂/∂z = −1; 0-1 loss 1
 * with gradient 0.
 *
 * Multi-class mode: K = 4 logits 2, 1, 0.1, −1 and true class 1: softmax 0.638, 0.235, 0.095,
 * 0.032; cross-entropy 0.449 by both routes; gradient −0.362, 0.235, 0.095, 0.032. The memory
 * count: 1,000,000 targets over 50,000 classes take 200 GB as float32 one-hot rows and 8 MB as
 * int64 indices (25,000 times less: K/2).
 *
 * Calibration: 2,000 training and 2,000 held-out points from seed 42, class centres 2 apart
 * (standard deviation 1), a linear model trained 50 epochs with SGD (0.05, batch 32) under each
 * loss, 10 bins. Measured (tests/unit/widgets/classification-losses/calibration.test.ts):
 * cross-entropy ECE 0.023 (held-out accuracy 85.3%, weight on x₁ 1.84 against the truth's 2),
 * hinge ECE 0.062 (85.0%, weight 1.37: hinge stops pulling on a point once its margin is past 1, so σ(score) is
 * too timid); the true probabilities score 0.013 on the same bins, the sampling noise floor.
 * Both trainings take 15 to 50 ms in Node, so the page runs them in slices.
 */
export const SCHEMA = {
  mode: choiceField(
    'Show',
    [
      { value: 'binary', label: 'binary losses against the logit' },
      { value: 'multi', label: 'multi-class cross-entropy' },
      { value: 'calibration', label: 'calibration: cross-entropy against hinge' },
    ] as const,
    'binary',
  ),
  axis: choiceField('x axis', [{ value: 'logit', label: 'the logit z' }, { value: 'margin', label: 'the margin y·z (labels ±1)' }] as const, 'logit'),
  y: choiceField('True class y', [{ value: '1', label: 'class 1' }, { value: '0', label: 'class 0' }] as const, '1'),
  scale: choiceField('Loss axis', [{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }] as const, 'linear'),
  range: numberField('Logit range ±', 2, 20, 1, 6),
  p: numberField('Probe: true class 1, predicted p', 0.001, 0.999, 0.001, 0.01),
  k: numberField('Number of classes K', 2, MAX_CLASSES, 1, 4),
  z1: logitField(0),
  z2: logitField(1),
  z3: logitField(2),
  z4: logitField(3),
  z5: logitField(4),
  z6: logitField(5),
  target: choiceField('Target class', classOptions, '1'),
  rows: numberField('Targets in the data set', 1, 1_000_000_000, 1, 1_000_000, 'log'),
  vocab: numberField('Classes for the memory count', 2, 1_000_000, 1, 50_000, 'log'),
  seed: numberField('Seed', 0, 9999, 1, 42),
  points: numberField('Points (training, and as many held out)', 200, 4000, 200, 2000),
  separation: numberField('Distance between class centres', 0.5, 4, 0.1, 2),
  epochs: numberField('Epochs', 10, 200, 10, 50),
  bins: numberField('Reliability bins', 5, 20, 1, 10),
} as const;

/** The widget's full state. */
export type ClassificationState = StateOf<typeof SCHEMA>;

/** The name of a logit's field. */
export type LogitName = `z${1 | 2 | 3 | 4 | 5 | 6}`;

/** The field name of logit `index` (0-based). */
export function logitName(index: number): LogitName {
  return `z${index + 1}` as LogitName;
}

/** The logits in use, the first K of z1 … z6. */
export function logitsOf(state: ClassificationState): number[] {
  return Array.from({ length: state.k }, (_, index) => state[logitName(index)]);
}

/** The target class as a 0-based index. */
export function targetIndex(state: ClassificationState): number {
  return Number(state.target) - 1;
}

/** The rule the table cannot say field by field: the target must be one of the K classes; otherwise class 1, with a message. */
export function classProblems(state: ClassificationState): { state: ClassificationState; problems: string[] } {
  if (targetIndex(state) < state.k) return { state, problems: [] };
  return { state: { ...state, target: '1' }, problems: [`${SCHEMA.target.label}: class ${state.target} is not one of the ${state.k} classes, so class 1 is used.`] };
}

/**
 * The lesson's starting state from a <ClassificationLosses> element's props, or an Error naming
 * every bad prop (an unknown name, a refused value, a target past K), which fails the build.
 */
export function stateFromProps(props: Readonly<Record<string, unknown>>, where: string): ClassificationState {
  const unknown = Object.keys(props).filter((name) => !(name in SCHEMA)).map((name) => `${name} is not a setting of this widget.`);
  const parsed = parseState(SCHEMA, Object.fromEntries(Object.entries(props).map(([name, value]) => [name, String(value)])));
  const checked = classProblems(parsed.state);
  const problems = [...unknown, ...parsed.problems, ...checked.problems];
  if (problems.length > 0) throw new Error(`<ClassificationLosses> in ${where}: ${problems.join(' ')}`);
  return checked.state;
}
