/**
 * The pairing lab's words: each run's pairing as a reader says it, and its final figures in a
 * form that never shows NaN or undefined (a measure that does not apply is "–").
 */
import { formatFixed, formatPercent } from '../common/format.ts';
import type { RunEpoch, RunPairing } from './model.ts';
import type { Side, SideProgress } from './protocol.ts';

const ACTIVATION_WORDS: Readonly<Record<string, string>> = { softmax: 'softmax', sigmoid: 'sigmoid', linear: 'linear output', tanh: 'tanh', relu: 'ReLU' };
const LOSS_WORDS: Readonly<Record<string, string>> = {
  cce: 'categorical cross-entropy',
  cce_logits: 'cross-entropy from logits',
  bce: 'binary cross-entropy',
  bce_logits: 'binary cross-entropy from logits',
  mse: 'MSE',
};

/** "softmax + categorical cross-entropy". */
export function pairingWords(pairing: RunPairing): string {
  const activation = String(pairing.outputActivation);
  return `${ACTIVATION_WORDS[activation] ?? activation} + ${LOSS_WORDS[pairing.loss] ?? pairing.loss}`;
}

/** "A: softmax + categorical cross-entropy". */
export function sideTitle(side: Side, pairing: RunPairing): string {
  return `${side}: ${pairingWords(pairing)}`;
}

/** One run's final figures, every cell a string. */
export interface FinalRow {
  readonly side: Side;
  readonly title: string;
  readonly loss: string;
  /** Validation accuracy, or RMSE for regression, with its name. */
  readonly scoreName: string;
  readonly score: string;
  readonly firstGradient: string;
  readonly lastGradient: string;
  /** The refusal, when the engine refused the pairing; else null. */
  readonly refusal: string | null;
}

const DASH = '–';
const fixed = (value: number | null | undefined, decimals: number) => (value === null || value === undefined ? DASH : formatFixed(value, decimals));

/** The score a run is judged by: accuracy (per label for multi-label), or RMSE when there is none. */
function score(point: RunEpoch | undefined): { name: string; text: string } {
  if (point?.rmse !== null && point?.rmse !== undefined) return { name: 'validation RMSE', text: formatFixed(point.rmse, 3) };
  const name = point?.rowsRight !== null && point?.rowsRight !== undefined ? 'validation label accuracy' : 'validation accuracy';
  return { name, text: point?.accuracy === null || point?.accuracy === undefined ? DASH : formatPercent(point.accuracy) };
}

/** A run's final row from all its epochs. */
export function finalRow(side: Side, progress: SideProgress, points: readonly RunEpoch[]): FinalRow {
  const first = points[0];
  const last = points[points.length - 1];
  const { name, text } = score(last);
  return {
    side,
    title: sideTitle(side, progress.pairing),
    loss: fixed(last?.validationLoss, 4),
    scoreName: name,
    score: progress.refusal !== null ? 'refused' : text,
    firstGradient: fixed(first?.outputGradient, 4),
    lastGradient: fixed(last?.outputGradient, 4),
    refusal: progress.refusal,
  };
}

/** "Finished 50 epochs. A: 100.0% validation accuracy, B: 82.2%." (or the refusal). */
export function finishedWords(epochs: number, rows: readonly [FinalRow, FinalRow]): string {
  const part = (row: FinalRow, named: boolean) => (row.refusal !== null ? `${row.side} was refused` : `${row.side}: ${row.score}${named ? ` ${row.scoreName}` : ''}`);
  return `Finished ${epochs} epochs. ${part(rows[0], true)}, ${part(rows[1], rows[0].refusal !== null)}.`;
}

/** One run's finals as a sentence for the live region: "A: softmax + MSE: validation loss 0.1200, 82.2% validation accuracy." */
export function sideFinalWords(row: FinalRow): string {
  if (row.refusal !== null) return `${row.title} was refused: ${row.refusal}`;
  return `${row.title}: validation loss ${row.loss}, ${row.score} ${row.scoreName}.`;
}
