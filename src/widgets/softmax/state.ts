/**
 * The softmax widget's state as one table: how many logits, each logit, the temperature, the
 * true class for the cross-entropy and whether the naive formula is drawn beside the stable one.
 */
import { choiceField, numberField, parseState, type NumberField, type StateOf } from '../common/state.ts';

/** The most logits the widget offers (z1 … z10 are all in the table; `count` says how many are used). */
export const MAX_CLASSES = 10;

/** The fewest logits: softmax of one logit is always 1, which teaches nothing. */
export const MIN_CLASSES = 2;

/**
 * The window each logit's slider and draggable bar cover. The number box takes the whole field
 * (−1000 to 1000), so a reader can type 1000 and watch the naive formula overflow; a slider
 * over ±1000 in steps of 0.01 would move 0.01 per key press and be useless between −10 and 10,
 * where softmax does everything interesting. A logit typed outside the window puts its slider
 * at the window's end (its spoken value stays the real one); moving the slider brings it back in.
 */
export const LOGIT_WINDOW = [-10, 10] as const;

/** How far one arrow key moves a logit's slider inside the window. */
export const LOGIT_SLIDER_STEP = 0.1;

/** The lesson's logits: a clear winner, a runner-up, and two small ones, then spares for count > 4. */
const DEFAULT_LOGITS = [2, 1, 0.1, -1, 0.5, -0.5, 1.5, -2, 0, -1.5] as const;

/**
 * A logit field: −1000 to 1000 in steps of 0.01. ±1000 is past float64's overflow point of
 * e^x (x ≈ 709.78) with room to spare, and 0.01 is fine enough for any value a lesson quotes.
 */
function logitField(index: number): NumberField {
  return numberField(`Logit z${index + 1}`, -1000, 1000, 0.01, DEFAULT_LOGITS[index]);
}

const NAIVE_OPTIONS = [
  { value: 'shown', label: 'shown' },
  { value: 'hidden', label: 'hidden' },
] as const;

const classOptions = Array.from({ length: MAX_CLASSES }, (_, index) => ({ value: String(index + 1), label: `class ${index + 1}` }));

/**
 * Every field, keyed by its URL name. The temperature is on a log slider from 0.01 to 100
 * (grid 0.01): at 0.01 the lesson's logits give a one-hot vector to float64 precision, at 100
 * they are within 0.4 percentage points of uniform, and 1 (plain softmax) sits mid-slider.
 * The true class is a choice, so a select offers only the classes there are (the view hides
 * those past `count`; `classProblems` refuses a URL that names one).
 */
export const SCHEMA = {
  count: numberField('Number of classes', MIN_CLASSES, MAX_CLASSES, 1, 4),
  z1: logitField(0),
  z2: logitField(1),
  z3: logitField(2),
  z4: logitField(3),
  z5: logitField(4),
  z6: logitField(5),
  z7: logitField(6),
  z8: logitField(7),
  z9: logitField(8),
  z10: logitField(9),
  t: numberField('Temperature T', 0.01, 100, 0.01, 1, 'log'),
  y: choiceField('True class y', classOptions, '1'),
  naive: choiceField('Naive formula beside the stable one', NAIVE_OPTIONS, 'shown'),
} as const;

/** The widget's full state. */
export type SoftmaxState = StateOf<typeof SCHEMA>;

/** The name of a logit's field (z1 … z10). */
export type LogitName = `z${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`;

/** The field name of logit `index` (0-based). */
export function logitName(index: number): LogitName {
  return `z${index + 1}` as LogitName;
}

/** The logits in use, the first `count` of z1 … z10. */
export function logitsOf(state: SoftmaxState): number[] {
  return Array.from({ length: state.count }, (_, index) => state[logitName(index)]);
}

/** The true class as a 0-based index. */
export function trueIndex(state: SoftmaxState): number {
  return Number(state.y) - 1;
}

/**
 * The one rule the table cannot say field by field: the true class must be one of the `count`
 * classes. A state that breaks it gets class 1 and a message in the notice's words.
 */
export function classProblems(state: SoftmaxState): { state: SoftmaxState; problems: string[] } {
  if (trueIndex(state) < state.count) return { state, problems: [] };
  const problem = `${SCHEMA.y.label}: class ${state.y} is not one of the ${state.count} classes, so class 1 is used.`;
  return { state: { ...state, y: '1' }, problems: [problem] };
}

/**
 * The lesson's starting state from a <Softmax> element's props, or an Error naming every bad
 * prop (an unknown name, a refused value, a true class past `count`), which fails the build.
 */
export function stateFromProps(props: Readonly<Record<string, unknown>>, where: string): SoftmaxState {
  const unknown = Object.keys(props).filter((name) => !(name in SCHEMA)).map((name) => `${name} is not a setting of this widget.`);
  const parsed = parseState(SCHEMA, Object.fromEntries(Object.entries(props).map(([name, value]) => [name, String(value)])));
  const checked = classProblems(parsed.state);
  const problems = [...unknown, ...parsed.problems, ...checked.problems];
  if (problems.length > 0) throw new Error(`<Softmax> in ${where}: ${problems.join(' ')}`);
  return checked.state;
}
