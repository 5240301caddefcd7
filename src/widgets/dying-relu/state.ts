/**
 * The dying-ReLU widget's state as one table: two runs side by side (A and B) that differ only
 * in their hidden activation, on shared data, network shape, bias initialisation, seed and
 * training settings, so they start from the same weights and see the same shuffles.
 */
import { ACTIVATION_LABELS } from '../common/labels.ts';
import { choiceField, numberField, type ListField, type StateOf } from '../common/state.ts';
import { DYING_ACTIVATIONS, DYING_OPTIMIZERS, type DyingActivation, type DyingOptimizer, type SideSettings } from './model.ts';

const OPTIMIZER_LABELS: Readonly<Record<DyingOptimizer, string>> = { sgd: 'SGD', adam: 'Adam' };
const activationOptions = DYING_ACTIVATIONS.map((id) => ({ value: id, label: ACTIVATION_LABELS[id] }));

const layers: ListField = { kind: 'list', label: 'Hidden layers', min: 1, max: 32, minLength: 1, maxLength: 4, default: [16, 16, 16] };

/**
 * Every field, keyed by its URL name (prefixed with the widget's id, "dying.lr=2"). The
 * learning rate has the lab's grid (0.0001 to 10 in steps of 0.0001, log slider).
 *
 * The defaults were measured (seed 42, 2-16-16-16-1, He, batch 64; share of units dead per
 * hidden layer after 30 epochs, see tests/unit/widgets/dying-relu/measured.test.ts): plain SGD
 * at 0.05 leaves 0/0/6% dead, at 0.5 0/6/0%, at 2 25/56/44% while the accuracy stays near
 * 93%: a high learning rate kills units without wrecking the run, which is what the lesson
 * shows. SGD, not Adam, because under SGD a dead first-layer unit receives exactly nothing and
 * stays dead (measured: never revived), whereas Adam's running averages keep moving its
 * weights and revived some. A negative bias init kills units before training starts instead
 * (-1: 6/25/56% at initialisation), which the reader can try; -2 kills the whole third layer,
 * so nothing learns. Leaky ReLU (0.01) at the same settings has no dead unit by definition:
 * its units with every pre-activation negative still pass 1% of the gradient, and revive.
 */
export const SCHEMA = {
  activationA: choiceField<DyingActivation>('Run A hidden activation', activationOptions, 'relu'),
  activationB: choiceField<DyingActivation>('Run B hidden activation', activationOptions, 'leaky_relu'),
  layers,
  bias: numberField('Initial hidden bias', -3, 0, 0.1, 0),
  seed: numberField('Seed', 0, 9999, 1, 42),
  lr: numberField('Learning rate', 0.0001, 10, 0.0001, 2, 'log'),
  optimizer: choiceField<DyingOptimizer>(
    'Optimiser',
    DYING_OPTIMIZERS.map((id) => ({ value: id, label: OPTIMIZER_LABELS[id] })),
    'sgd',
  ),
  epochs: numberField('Epochs', 5, 300, 5, 30),
} as const;

/** The widget's full state. */
export type DyingState = StateOf<typeof SCHEMA>;

/** The two runs, by the letter the reader sees ("Run A"). */
export const SIDES = ['A', 'B'] as const;

/** One of the two runs. */
export type Side = (typeof SIDES)[number];

/** Side `side`'s settings: its own activation on the shared shape, bias, seed and training settings. */
export function sideSettings(state: DyingState, side: Side): SideSettings {
  return {
    hidden: state.layers,
    activation: side === 'A' ? state.activationA : state.activationB,
    biasInit: state.bias,
    seed: state.seed,
    learningRate: state.lr,
    optimizer: state.optimizer,
  };
}
