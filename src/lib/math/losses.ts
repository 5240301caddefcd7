/**
 * Loss functions on plain arrays, mean-reduced as PyTorch does by default, with their gradient
 * with respect to the predictions. Inputs are validated here; the arithmetic is in loss-kernels.ts.
 */
import { LOSS_IDS, isRowLoss, meanLoss, type BatchLayout, type LossId } from './loss-kernels.ts';
import { describe, positiveParameter, resolveParameters, type ParameterSpec } from './params.ts';

/** The shapes of yTrue, yPred and the gradient for each loss. */
export interface LossShapes {
  mse: ElementwiseShape;
  mae: ElementwiseShape;
  huber: ElementwiseShape;
  bce: ElementwiseShape;
  bce_logits: ElementwiseShape;
  hinge: ElementwiseShape;
  zero_one: ElementwiseShape;
  cce: { yTrue: readonly (readonly number[])[]; yPred: readonly (readonly number[])[]; grad: number[][] };
  sparse_cce: { yTrue: readonly number[]; yPred: readonly (readonly number[])[]; grad: number[][] };
  cce_logits: { yTrue: readonly (readonly number[])[]; yPred: readonly (readonly number[])[]; grad: number[][] };
}

/** yTrue and yPred are arrays of equal length, and so is the gradient. */
export interface ElementwiseShape {
  yTrue: readonly number[];
  yPred: readonly number[];
  grad: number[];
}

/** A loss: its mean value over a batch and the gradient of that mean with respect to yPred. */
export interface Loss<K extends LossId = LossId> {
  readonly id: K;
  /** Display name, e.g. "Binary cross-entropy". */
  readonly name: string;
  /** KaTeX source of the per-sample loss. */
  readonly formula: string;
  /** Resolved parameters (defaults filled in). */
  readonly params: Readonly<Record<string, number>>;
  value(yTrue: LossShapes[K]['yTrue'], yPred: LossShapes[K]['yPred']): number;
  grad(yTrue: LossShapes[K]['yTrue'], yPred: LossShapes[K]['yPred']): LossShapes[K]['grad'];
}

interface Description {
  readonly name: string;
  readonly formula: string;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  /** What yTrue must hold, or null for any finite number; the message names the rule. */
  readonly target: TargetRule | null;
  /** What yPred must hold beyond being finite. */
  readonly prediction: TargetRule | null;
}

interface TargetRule {
  readonly allowed: string;
  readonly isValid: (value: number) => boolean;
}

const PROBABILITY: TargetRule = { allowed: 'a probability in [0, 1]', isValid: (v) => v >= 0 && v <= 1 };
const SIGN_LABEL: TargetRule = { allowed: '-1 or +1', isValid: (v) => v === -1 || v === 1 };
const CLASS_LABEL: TargetRule = { allowed: 'an integer class label', isValid: Number.isInteger };

const DESCRIPTIONS: Readonly<Record<LossId, Description>> = {
  mse: {
    name: 'Mean squared error',
    formula: '\\mathrm{MSE} = \\frac{1}{n}\\sum_i (\\hat y_i - y_i)^2',
    parameters: {},
    target: null,
    prediction: null,
  },
  mae: {
    name: 'Mean absolute error',
    formula: '\\mathrm{MAE} = \\frac{1}{n}\\sum_i \\lvert \\hat y_i - y_i \\rvert',
    parameters: {},
    target: null,
    prediction: null,
  },
  huber: {
    name: 'Huber',
    formula:
      'L_\\delta(r) = \\begin{cases} \\tfrac12 r^2 & \\lvert r\\rvert < \\delta \\\\ ' +
      '\\delta\\,(\\lvert r\\rvert - \\tfrac12\\delta) & \\text{otherwise} \\end{cases}, \\quad r = \\hat y - y',
    parameters: { delta: positiveParameter(1) },
    target: null,
    prediction: null,
  },
  bce: {
    name: 'Binary cross-entropy',
    formula: '\\mathrm{BCE} = -\\frac{1}{n}\\sum_i \\bigl[y_i \\ln p_i + (1 - y_i) \\ln(1 - p_i)\\bigr]',
    parameters: {},
    target: PROBABILITY,
    prediction: PROBABILITY,
  },
  bce_logits: {
    name: 'Binary cross-entropy with logits',
    formula: '\\mathrm{BCE}(z) = -\\frac{1}{n}\\sum_i \\bigl[y_i \\ln \\sigma(z_i) + (1 - y_i) \\ln(1 - \\sigma(z_i))\\bigr]',
    parameters: {},
    target: PROBABILITY,
    prediction: null,
  },
  hinge: {
    name: 'Hinge',
    formula: '\\mathrm{Hinge} = \\frac{1}{n}\\sum_i \\max(0,\\, 1 - y_i s_i)',
    parameters: {},
    target: SIGN_LABEL,
    prediction: null,
  },
  cce: {
    name: 'Categorical cross-entropy',
    formula: '\\mathrm{CCE} = -\\frac{1}{n}\\sum_i \\sum_k y_{ik} \\ln p_{ik}',
    parameters: {},
    target: PROBABILITY,
    prediction: PROBABILITY,
  },
  sparse_cce: {
    name: 'Sparse categorical cross-entropy',
    formula: '\\mathrm{SCCE} = -\\frac{1}{n}\\sum_i \\ln p_{i,t_i}',
    parameters: {},
    target: CLASS_LABEL,
    prediction: PROBABILITY,
  },
  cce_logits: {
    name: 'Categorical cross-entropy from logits',
    formula: '\\mathrm{CE}(z) = -\\frac{1}{n}\\sum_i \\sum_k y_{ik} \\ln \\operatorname{softmax}(z_i)_k',
    parameters: {},
    target: PROBABILITY,
    prediction: null,
  },
  zero_one: {
    name: 'Zero-one loss',
    formula: 'L_{0/1} = \\frac{1}{n}\\sum_i \\mathbb{1}[\\hat y_i \\ne y_i]',
    parameters: {},
    target: CLASS_LABEL,
    prediction: CLASS_LABEL,
  },
};

/**
 * What is wrong with `value` as a target of loss `id` whose predictions have `units` columns,
 * or null when it is fine (the same rules value() and grad() apply).
 */
export function targetProblem(id: LossId, value: number, units: number): string | null {
  if (!Number.isFinite(value)) return `must be a finite number, got ${value}`;
  const rule = DESCRIPTIONS[id].target;
  if (rule !== null && !rule.isValid(value)) return `must be ${rule.allowed}, got ${value}`;
  if (id === 'sparse_cce' && value >= units) return `is class ${value} but there are ${units} outputs (0 to ${units - 1})`;
  return null;
}

/** True when `id` names a loss; use it to validate ids from URLs or attributes. */
export function isLossId(id: unknown): id is LossId {
  return typeof id === 'string' && (LOSS_IDS as readonly string[]).includes(id);
}

/**
 * The loss `id` (huber takes `{ delta }`, default 1). Conventions follow PyTorch: MAE's gradient
 * is 0 at zero residual; Huber's is clip(r, -delta, delta)/n; BCE clamps each log at -100 (p = 0
 * with y = 1 costs 100) and its gradient divides by max(p(1-p), 1e-12); cce and sparse_cce
 * (probability rows; one-hot rows or class indices, the same numbers) clamp the same way;
 * cce_logits is PyTorch's CrossEntropyLoss (logit rows, log-softmax inside, finite for ±1000);
 * hinge's gradient is 0 at margin exactly 1; zero_one's gradient is 0 everywhere. value and grad
 * throw an Error naming the problem for mismatched lengths, NaN, or labels and probabilities
 * out of range.
 */
export function loss<K extends LossId>(id: K, params?: Readonly<Record<string, number>>): Loss<K> {
  if (!isLossId(id)) throw new Error(`Unknown loss ${JSON.stringify(id)}: expected one of ${LOSS_IDS.join(', ')}`);
  const description = DESCRIPTIONS[id];
  const owner = `loss "${id}"`;
  const resolved = resolveParameters(owner, description.parameters, params);
  const delta = resolved.delta ?? 1;
  const evaluate = (yTrue: unknown, yPred: unknown, grad: boolean): { value: number; grad: number[][] | number[] } => {
    const batch = flatten(id, owner, description, yTrue, yPred);
    const flatGrad = grad ? new Array<number>(batch.yPred.length).fill(0) : null;
    const value = meanLoss(id, delta, batch.yTrue, batch.yPred, flatGrad, batch.layout);
    if (flatGrad === null || !isRowLoss(id)) return { value, grad: flatGrad ?? [] };
    const { rows, cols } = batch.layout;
    return { value, grad: Array.from({ length: rows }, (_, r) => flatGrad.slice(r * cols, (r + 1) * cols)) };
  };
  return Object.freeze({
    id,
    name: description.name,
    formula: description.formula,
    params: resolved,
    value: (yTrue: unknown, yPred: unknown) => evaluate(yTrue, yPred, false).value,
    grad: (yTrue: unknown, yPred: unknown) => evaluate(yTrue, yPred, true).grad,
  }) as unknown as Loss<K>;
}

interface FlatBatch {
  yTrue: number[];
  yPred: number[];
  layout: BatchLayout;
}

/** Validates both arguments for loss `id` and lays them out row-major for the kernel. */
function flatten(id: LossId, owner: string, rules: Description, yTrue: unknown, yPred: unknown): FlatBatch {
  const trueRows = requireArray(owner, 'yTrue', yTrue);
  const predRows = requireArray(owner, 'yPred', yPred);
  if (trueRows.length !== predRows.length) {
    throw new Error(`${owner}: yTrue has ${trueRows.length} entries but yPred has ${predRows.length}`);
  }
  if (!isRowLoss(id)) {
    const t = trueRows.map((v, i) => checkNumber(owner, `yTrue[${i}]`, v, rules.target));
    const p = predRows.map((v, i) => checkNumber(owner, `yPred[${i}]`, v, rules.prediction));
    return { yTrue: t, yPred: p, layout: { rows: t.length, cols: 1, rowStride: 1, colStride: 1 } };
  }
  const pred = predRows.map((row, r) => requireArray(owner, `yPred[${r}]`, row));
  const cols = pred[0].length;
  const flatPred: number[] = [];
  const flatTrue: number[] = [];
  pred.forEach((row, r) => {
    if (row.length !== cols) throw new Error(`${owner}: yPred[${r}] has ${row.length} entries but yPred[0] has ${cols}`);
    row.forEach((v, c) => flatPred.push(checkNumber(owner, `yPred[${r}][${c}]`, v, rules.prediction)));
  });
  if (id === 'sparse_cce') {
    trueRows.forEach((v, r) => {
      const label = checkNumber(owner, `yTrue[${r}]`, v, rules.target);
      if (label < 0 || label >= cols) {
        throw new Error(`${owner}: yTrue[${r}] is class ${label} but yPred rows have ${cols} classes (0 to ${cols - 1})`);
      }
      flatTrue.push(label, ...new Array<number>(cols - 1).fill(0));
    });
  } else {
    trueRows.forEach((row, r) => {
      const values = requireArray(owner, `yTrue[${r}]`, row);
      if (values.length !== cols) throw new Error(`${owner}: yTrue[${r}] has ${values.length} entries but yPred[${r}] has ${cols}`);
      values.forEach((v, c) => flatTrue.push(checkNumber(owner, `yTrue[${r}][${c}]`, v, rules.target)));
    });
  }
  return { yTrue: flatTrue, yPred: flatPred, layout: { rows: pred.length, cols, rowStride: cols, colStride: 1 } };
}

function requireArray(owner: string, what: string, value: unknown): readonly unknown[] {
  const isArray = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isArray) throw new Error(`${owner}: ${what} must be an array, got ${describe(value)}`);
  const array = Array.from(value as ArrayLike<unknown>);
  if (array.length === 0) throw new Error(`${owner}: ${what} must not be empty`);
  return array;
}

function checkNumber(owner: string, what: string, value: unknown, rule: TargetRule | null): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${owner}: ${what} must be a finite number, got ${describe(value)}`);
  }
  if (rule !== null && !rule.isValid(value)) throw new Error(`${owner}: ${what} must be ${rule.allowed}, got ${value}`);
  return value;
}
