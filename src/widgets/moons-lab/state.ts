/**
 * The moons lab's state: data, network and training settings, as one table. The defaults are
 * the seed article's exact setup, so "Article defaults" and a fresh page train its classifier.
 */
import { choiceField, numberField, type ListField, type StateOf } from '../common/state.ts';

const hidden: ListField = { kind: 'list', label: 'Hidden layers', min: 1, max: 64, minLength: 1, maxLength: 5, default: [32, 16, 8] };

/** Every field, keyed by its URL name (prefixed "lab." in the address). */
export const SCHEMA = {
  data: choiceField(
    'Data set',
    [
      { value: 'moons', label: 'Two moons' },
      { value: 'circles', label: 'Circles' },
      { value: 'xor', label: 'XOR' },
      { value: 'spiral', label: 'Spiral' },
    ],
    'moons',
  ),
  noise: numberField('Noise', 0, 0.5, 0.01, 0.2),
  points: numberField('Points', 100, 5000, 100, 2000),
  seed: numberField('Seed', 0, 9999, 1, 42),
  hidden,
  activation: choiceField(
    'Hidden activation',
    [
      { value: 'relu', label: 'ReLU' },
      { value: 'leaky_relu', label: 'Leaky ReLU' },
      { value: 'elu', label: 'ELU' },
      { value: 'swish', label: 'Swish' },
      { value: 'tanh', label: 'tanh' },
      { value: 'sigmoid', label: 'sigmoid' },
    ],
    'relu',
  ),
  lr: numberField('Learning rate', 0.0001, 10, 0.0001, 0.05, 'log'),
  batch: numberField('Batch size', 1, 1024, 1, 64, 'log'),
  epochs: numberField('Epochs', 1, 2000, 1, 500),
  optimizer: choiceField(
    'Optimiser',
    [
      { value: 'sgd', label: 'SGD' },
      { value: 'momentum', label: 'SGD with momentum' },
      { value: 'adam', label: 'Adam' },
    ],
    'sgd',
  ),
  backward: choiceField(
    'Backward pass',
    [
      { value: 'correct', label: 'Corrected' },
      { value: 'article', label: 'As printed in the article' },
    ],
    'correct',
  ),
} as const;

/** The lab's full state. */
export type LabState = StateOf<typeof SCHEMA>;
