/**
 * The pairing lab's state as one table. Each preset fixes both runs' output activation and loss
 * (PRESET_RUNS in model.ts): a free choice per run would let the reader build pairs whose data
 * do not fit (one sigmoid on three classes), so the lesson's pairs are the presets themselves.
 */
import { choiceField, numberField, type StateOf } from '../common/state.ts';
import { PAIRING_OPTIMIZERS, PAIRING_PRESETS, type PairingOptimizer, type PairingPreset, type PairSettings } from './model.ts';

// Short enough for a select on a 360 px phone (a select cannot wrap): the legend under the
// toolbar names each run's output and loss in full.
const PRESET_LABELS: Readonly<Record<PairingPreset, string>> = {
  softmax: 'Softmax: cross-entropy or MSE',
  sigmoid: 'Sigmoid: BCE or MSE',
  regression: 'Regression: linear or sigmoid',
  double: 'Double softmax or logits',
  multilabel: 'Multi-label: BCE or softmax',
  refused: 'Linear into BCE: refused',
};
const OPTIMIZER_LABELS: Readonly<Record<PairingOptimizer, string>> = { sgd: 'SGD', adam: 'Adam' };

/**
 * Every field, keyed by its URL name ("pairing.preset=double"). Plain SGD at 0.1 by default:
 * under Adam at 0.01 (measured) the MSE runs reach the same accuracy as cross-entropy in 50
 * epochs, since Adam rescales their smaller gradients away; SGD keeps the difference visible.
 */
export const SCHEMA = {
  preset: choiceField<PairingPreset>('Pairing', PAIRING_PRESETS.map((id) => ({ value: id, label: PRESET_LABELS[id] })), 'softmax'),
  seed: numberField('Seed', 0, 9999, 1, 42),
  epochs: numberField('Epochs', 5, 200, 5, 50),
  lr: numberField('Learning rate', 0.0001, 1, 0.0001, 0.1, 'log'),
  optimizer: choiceField<PairingOptimizer>('Optimiser', PAIRING_OPTIMIZERS.map((id) => ({ value: id, label: OPTIMIZER_LABELS[id] })), 'sgd'),
} as const;

/** The widget's full state. */
export type PairingState = StateOf<typeof SCHEMA>;

/** The model's settings from the state. */
export function pairSettings(state: PairingState): PairSettings & { epochs: number } {
  return { preset: state.preset, seed: state.seed, learningRate: state.lr, optimizer: state.optimizer, epochs: state.epochs };
}
