/**
 * The gradient-depth widget's state as one table: two runs side by side (A and B), each with
 * its own hidden activation and initialisation, on a shared network shape, seed, data set and
 * training settings, so the two differ only in what the comparison is about. The defaults are
 * the comparison: sigmoid with Xavier against ReLU with He, 10 hidden layers of 32
 * units, seed 42, on the two moons.
 */
import type { TrainingConfig } from '../../lib/index.ts';
import { ACTIVATION_LABELS, INIT_LABELS } from '../common/labels.ts';
import { choiceField, numberField, type StateOf } from '../common/state.ts';
import {
  DEPTH_ACTIVATIONS,
  DEPTH_DATA,
  DEPTH_INITS,
  DEPTH_OPTIMIZERS,
  trainingConfig,
  type DepthData,
  type DepthSettings,
} from './model.ts';

type Activation = (typeof DEPTH_ACTIVATIONS)[number];
type Init = (typeof DEPTH_INITS)[number];
type Optimizer = (typeof DEPTH_OPTIMIZERS)[number];

const DATA_LABELS: Readonly<Record<DepthData, string>> = { moons: 'Two moons', spiral: 'Spiral' };
const OPTIMIZER_LABELS: Readonly<Record<Optimizer, string>> = { sgd: 'SGD', adam: 'Adam' };

const activationOptions = DEPTH_ACTIVATIONS.map((id) => ({ value: id, label: ACTIVATION_LABELS[id] }));
const initOptions = DEPTH_INITS.map((id) => ({ value: id, label: INIT_LABELS[id] }));

/** The two runs, by the letter the reader sees ("Run A"); the state's per-run fields end in it. */
export const RUNS = ['A', 'B'] as const;

/** One of the two runs. */
export type RunName = (typeof RUNS)[number];

/**
 * Every field, keyed by its URL name. Width moves in steps of 4 (4 to 64: 16 values, enough to
 * see the trend without a slider of 61 near-identical stops). The learning rate has the lab's
 * grid (0.0001 to 10 in steps of 0.0001, log slider) so a value shared from one widget is valid
 * in the other. The default is plain SGD at 0.1, not Adam: Adam divides each parameter's step
 * by the size of its recent gradients, so a layer whose gradient is 1e-11 still moves (measured:
 * after 100 epochs at 0.01 the first layer of the sigmoid/Xavier run had moved 3.6 times its
 * initial norm), which hides exactly what the widget is about. Under SGD at 0.1 the same layer
 * moves less than 0.001 of its norm while the output layer moves 0.39. Epochs go in tens.
 */
export const SCHEMA = {
  activationA: choiceField<Activation>('Run A hidden activation', activationOptions, 'sigmoid'),
  initA: choiceField<Init>('Run A initialisation', initOptions, 'xavier'),
  activationB: choiceField<Activation>('Run B hidden activation', activationOptions, 'relu'),
  initB: choiceField<Init>('Run B initialisation', initOptions, 'he'),
  depth: numberField('Hidden layers', 1, 30, 1, 10),
  width: numberField('Units per hidden layer', 4, 64, 4, 32),
  seed: numberField('Seed', 0, 9999, 1, 42),
  data: choiceField<DepthData>(
    'Data set',
    DEPTH_DATA.map((id) => ({ value: id, label: DATA_LABELS[id] })),
    'moons',
  ),
  lr: numberField('Learning rate', 0.0001, 10, 0.0001, 0.1, 'log'),
  optimizer: choiceField<Optimizer>(
    'Optimiser',
    DEPTH_OPTIMIZERS.map((id) => ({ value: id, label: OPTIMIZER_LABELS[id] })),
    'sgd',
  ),
  epochs: numberField('Epochs', 10, 500, 10, 100),
} as const;

/** The widget's full state. */
export type DepthState = StateOf<typeof SCHEMA>;

/** One run as the model and the worker need it: the network's settings and the engine's training config. */
export interface DepthRun {
  readonly settings: DepthSettings;
  readonly training: TrainingConfig;
}

/** Everything the two runs share, and each run's own settings and config. */
export interface DepthPlan {
  readonly data: DepthData;
  readonly epochs: number;
  readonly runs: Readonly<Record<RunName, DepthRun>>;
}

/** Run `name`'s network settings: its own activation and initialisation on the shared shape and seed. */
export function runSettings(state: DepthState, name: RunName): DepthSettings {
  const activation = name === 'A' ? state.activationA : state.activationB;
  const init = name === 'A' ? state.initA : state.initB;
  return { depth: state.depth, width: state.width, activation, init, seed: state.seed };
}

/** The state as the two runs to train (model.ts's trainingConfig at the chosen learning rate and optimiser). */
export function planOf(state: DepthState): DepthPlan {
  const run = (name: RunName): DepthRun => {
    const settings = runSettings(state, name);
    return { settings, training: trainingConfig(settings, state.lr, undefined, state.optimizer) };
  };
  return { data: state.data, epochs: state.epochs, runs: { A: run('A'), B: run('B') } };
}
