/**
 * What the dying-ReLU widget says: each unit's state in words and as a mark, each side's dead
 * counts, the selected unit's readout and the live region's announcements. Pure, so the live
 * view and the build-time figure say the same thing.
 */
import { ACTIVATION_LABELS } from '../common/labels.ts';
import { formatCount, formatExponential, formatFixed, formatPercent, plural } from '../common/format.ts';
import type { DyingActivation, DyingOptimizer, NetworkUnits, UnitHistory, UnitState } from './model.ts';
import type { Side } from './state.ts';

/** How a unit is marked: its state name (a CSS hook), a symbol, and the word for it. */
export interface UnitMark {
  state: 'alive' | 'dead' | 'negative' | 'revived';
  symbol: string;
  word: string;
}

/** The marks, for the legend: shape and colour both tell them apart. */
export const MARKS: Readonly<Record<UnitMark['state'], Omit<UnitMark, 'state'>>> = {
  alive: { symbol: '●', word: 'alive' },
  revived: { symbol: '▲', word: 'alive again (came back from dead, or from all ≤ 0)' },
  dead: { symbol: '✕', word: 'dead (ReLU: output 0 for every training input)' },
  negative: { symbol: '◆', word: 'every pre-activation ≤ 0 (still passes a gradient)' },
};

/**
 * A unit's mark. Only a ReLU unit is dead: with every pre-activation ≤ 0 its output and its
 * gradient are exactly 0. Leaky ReLU, PReLU and ELU units in that state still pass a gradient.
 */
export function unitMark(unit: UnitState, history: UnitHistory, activation: DyingActivation): UnitMark {
  const state = unit.dead ? (activation === 'relu' ? 'dead' : 'negative') : history.revivedAt !== null ? 'revived' : 'alive';
  if (state === 'revived') {
    const from = activation === 'relu' ? 'from dead' : 'from every pre-activation ≤ 0';
    return { state, symbol: MARKS.revived.symbol, word: `alive again (came back ${from})` };
  }
  return { state, ...MARKS[state] };
}

/** The word for "units with every pre-activation ≤ 0" on a side: dead for ReLU, all-negative otherwise. */
function deadWord(activation: DyingActivation): string {
  return activation === 'relu' ? 'dead' : 'with every pre-activation ≤ 0';
}

/** A side's dead (or all-negative) units per layer, e.g. "Dead units: layer 1: 4 of 16, layer 2: 9 of 16." */
export function sideSummary(side: Side, activation: DyingActivation, units: NetworkUnits, revived: readonly number[]): string {
  const { layers, alphas } = units;
  const counts = layers.map((units, l) => `layer ${l + 1}: ${units.filter((unit) => unit.dead).length} of ${units.length}`).join(', ');
  const back = revived.reduce((sum, count) => sum + count, 0);
  const lead = activation === 'relu' ? 'Dead units' : `No dead units (${ACTIVATION_LABELS[activation]} never outputs 0 everywhere). Every pre-activation ≤ 0`;
  const from = activation === 'relu' ? 'from dead' : 'from that';
  const learned = activation === 'prelu' ? ` Learned α per layer (one each, starting at 0.25): ${alphas.map((alpha) => formatFixed(alpha ?? Number.NaN, 3)).join(', ')}.` : '';
  return `Run ${side} (${ACTIVATION_LABELS[activation]}). ${lead}: ${counts}. ${plural(back, 'unit')} came back ${from} at least once.${learned}`;
}

/** What the readout says about one unit. */
export function unitReadout(options: {
  side: Side;
  activation: DyingActivation;
  optimizer: DyingOptimizer;
  layer: number;
  unit: number;
  state: UnitState;
  history: UnitHistory;
  rows: number;
}): string {
  const { side, activation, optimizer, layer, unit, state, history, rows } = options;
  const name = `Run ${side}, layer ${layer + 1}, unit ${unit + 1}`;
  const mark = unitMark(state, history, activation);
  const share = `${formatPercent(state.negativeShare)} of its ${formatCount(rows)} pre-activations are ≤ 0`;
  const gradient = state.gradientNorm === 0 ? 'its incoming gradient (weights and bias) is exactly 0' : `its incoming gradient norm is ${formatExponential(state.gradientNorm, 2)}`;
  const when = history.revivedAt !== null ? `It came back at epoch ${history.revivedAt}.` : 'It has not come back from dead.';
  const story = !state.dead
    ? history.revivedAt !== null
      ? `Alive again: it was dead and came back at epoch ${history.revivedAt}.`
      : ''
    : activation !== 'relu'
      ? `Every pre-activation is ≤ 0, but ${ACTIVATION_LABELS[activation]} still passes a gradient there, so it is not dead.`
      : `Dead since epoch ${history.diedAt ?? 0}. ${when} ${recoveryNote(layer, optimizer)}`;
  return `${name}: ${mark.word}. ${share}; ${gradient}.${story ? ` ${story}` : ''}`;
}

/** Whether a dead ReLU unit can come back, as measured (tests/unit/widgets/dying-relu/measured.test.ts). */
function recoveryNote(layer: number, optimizer: DyingOptimizer): string {
  if (layer > 0) return 'A deeper unit can come back when the layers before it change.';
  return optimizer === 'sgd'
    ? 'A first-layer unit sees fixed inputs and gets exactly zero gradient, so under SGD it never comes back.'
    : "A first-layer unit gets zero gradient, but Adam's running averages can still move its weights, so it might come back.";
}

/** The live region's news every so often: dead counts per layer of both sides. */
export function deadAnnouncement(epoch: number, sides: readonly { side: Side; activation: DyingActivation; shares: readonly number[]; sizes: readonly number[] }[]): string {
  const parts = sides.map(({ side, activation, shares, sizes }) => {
    const counts = shares.map((share, l) => `${Math.round(share * sizes[l])}`).join(', ');
    return `Run ${side} ${deadWord(activation)} per layer: ${counts}`;
  });
  return `Epoch ${epoch}. ${parts.join('. ')}.`;
}
