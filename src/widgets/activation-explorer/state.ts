/**
 * The activation explorer's state as one table: up to three activations and their parameters,
 * the plotted z range, the probe, and the settings of "where the inputs land" (one layer's
 * pre-activations at initialisation). The defaults suit lesson 2: sigmoid against tanh, and
 * N(0, 1) weights with fan-in 100, which put most sigmoid units where f' is nearly 0.
 */
import { ACTIVATION_IDS, type ActivationId } from '../../lib/index.ts';
import { ACTIVATION_LABELS, INIT_LABELS } from '../common/labels.ts';
import { choiceField, numberField, type StateOf } from '../common/state.ts';

/** A slot's choice: an activation, or 'none' (slots 2 and 3 only) to leave it empty. */
export type SlotChoice = ActivationId | 'none';

/** The initialisations of "where the inputs land"; 'normal' is N(0, 1), 'custom' uses the chosen σ. */
export const INITIALISATIONS = ['xavier', 'he', 'normal', 'custom'] as const;

/** One initialisation. */
export type Initialisation = (typeof INITIALISATIONS)[number];

const activationOptions = ACTIVATION_IDS.map((id) => ({ value: id, label: ACTIVATION_LABELS[id] }));

const optionalOptions: { value: SlotChoice; label: string }[] = [{ value: 'none', label: 'none' }, ...activationOptions];

/**
 * Every field, keyed by its URL name. Each alpha belongs to its function, not to a slot, so its
 * default can be the library's (Leaky ReLU 0.01, PReLU 0.25, ELU 1); two slots showing the same
 * function show the same curve anyway.
 *
 * The probe z accepts -1000 to 1000 in steps of 0.01: the issue asks for any finite number with
 * z = ±1000 included, and a number field must have a grid. Beyond ±1000 every activation here is
 * on its asymptote or its straight branch (σ(±40) is already 0 or 1 to float precision), so
 * nothing new would be seen; 0.01 is finer than any feature of the curves, and keeps the kink at
 * 0 on the grid. The view's slider should span the z range while the number box takes the field.
 */
export const SCHEMA = {
  f1: choiceField('Function 1', activationOptions, 'sigmoid'),
  f2: choiceField('Function 2', optionalOptions, 'tanh'),
  f3: choiceField('Function 3', optionalOptions, 'none'),
  leakyAlpha: numberField('Leaky ReLU α', 0, 1, 0.01, 0.01),
  preluAlpha: numberField('PReLU α', 0, 1, 0.01, 0.25),
  eluAlpha: numberField('ELU α', 0, 3, 0.05, 1),
  range: numberField('z range (±)', 3, 20, 1, 6),
  saturation: choiceField<'on' | 'off'>('Shade the saturated zone', [{ value: 'on', label: 'on' }, { value: 'off', label: 'off' }], 'on'),
  z: numberField('Probe z', -1000, 1000, 0.01, 2),
  fanIn: numberField('Fan-in n', 1, 1000, 1, 100, 'log'),
  init: choiceField<Initialisation>(
    'Initialisation',
    [
      { value: 'xavier', label: INIT_LABELS.xavier },
      { value: 'he', label: INIT_LABELS.he },
      { value: 'normal', label: INIT_LABELS.normal },
      { value: 'custom', label: 'N(0, σ²), chosen σ' },
    ],
    'normal',
  ),
  sigma: numberField('Weight standard deviation σ', 0.001, 10, 0.001, 0.1, 'log'),
  seed: numberField('Seed', 0, 9999, 1, 42),
} as const;

/** The explorer's full state. */
export type ActivationExplorerState = StateOf<typeof SCHEMA>;

/** The activations chosen, in slot order, without the empty slots (slot 1 is never empty). */
export function chosenActivations(state: ActivationExplorerState): ActivationId[] {
  return [state.f1, state.f2, state.f3].filter((choice): choice is ActivationId => choice !== 'none');
}

/** The parameters the library takes for `id` under this state: the function's alpha, if it has one. */
export function parametersOf(state: ActivationExplorerState, id: ActivationId): { alpha: number } | undefined {
  if (id === 'leaky_relu') return { alpha: state.leakyAlpha };
  if (id === 'prelu') return { alpha: state.preluAlpha };
  if (id === 'elu') return { alpha: state.eluAlpha };
  return undefined;
}
