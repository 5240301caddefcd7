/**
 * What the lab says when a run stops: paused, finished (and whether it failed all the same),
 * diverged, or stopped because a hidden layer went silent; and what Article defaults cleared.
 * Pure, so Node tests read them.
 */
import { formatFixed, formatPercent, plural } from '../common/format.ts';
import { optionLabel } from '../common/state.ts';
import type { EpochPoint, LabReport, StopReason } from './protocol.ts';
import { SCHEMA, type LabState } from './state.ts';

/** A run whose validation loss ends above this many times the untrained network's has failed. */
const LOSS_RISE_FACTOR = 2;
/** Validation accuracy at or below this, on two roughly balanced classes, is what guessing gives. */
const CHANCE_ACCURACY = 0.55;

/** A tenth-ish of a rate that was too large, as one significant figure. */
function suggestedRate(rate: number): number {
  return Number((rate / 20).toPrecision(1));
}

/** The status line while a retrain's float32 preview is shown and its float64 run confirms it. */
export function previewMessage(epoch: number): string {
  return `Preview (float32) of ${plural(epoch, 'epoch')}: confirming in float64…`;
}

/** The status line for a run that stopped in `epoch`; `deadLayer` is the 1-based silent layer for 'dead'. */
export function stopMessage(reason: StopReason, epoch: number, state: LabState, deadLayer: number): string {
  if (reason === 'paused') return `Paused after epoch ${epoch}.`;
  if (reason === 'completed') return `Finished ${plural(epoch, 'epoch')}.`;
  const advice = `A learning rate of ${state.lr} is too large for this network; try ${suggestedRate(state.lr)} and press Reset.`;
  if (reason === 'dead') {
    // Only a ReLU is truly dead (0 for every negative input); the others got there by being
    // pushed so far into a flat tail that their output, and its slope, round to 0.
    const why = state.activation === 'relu' ? 'dead ReLUs' : `${optionLabel(SCHEMA.activation, state.activation)} units saturated in the flat tail where output and slope are 0`;
    return (
      `Training stopped in epoch ${epoch}: every unit in hidden layer ${deadLayer} outputs 0 for every training point, ` +
      `so no gradient flows back and the network cannot recover (${why}). ${advice}`
    );
  }
  return `Training stopped in epoch ${epoch}: the loss became infinite or not a number, so the weights blew up. ${advice}`;
}

/**
 * A warning for a run that completed but failed: its validation loss ended far above the
 * untrained network's (`startLoss`), or its validation accuracy at chance. Null for a run that learned.
 */
export function failedRunWarning(last: EpochPoint, startLoss: number, state: LabState): string | null {
  const rose = last.validationLoss > LOSS_RISE_FACTOR * startLoss;
  const chance = last.validationAccuracy <= CHANCE_ACCURACY;
  if (!rose && !chance) return null;
  const what = rose
    ? `its validation loss ended at ${formatFixed(last.validationLoss, 2)}, far above the untrained network's ${formatFixed(startLoss, 2)}`
    : `its validation accuracy ended at ${formatPercent(last.validationAccuracy)}, what guessing gives on two balanced classes`;
  const advice =
    rose || state.lr >= 1
      ? `Lower the learning rate (try ${suggestedRate(state.lr)}) or choose Adam, then press Reset.`
      : 'Train for more epochs, raise the learning rate, or choose Adam, then press Reset.';
  return `This run failed: ${what}. ${advice}`;
}

/** What the live region says when a run stops: its message, the validation accuracy of a run that learned, any warning. */
export function stopAnnouncement(report: Extract<LabReport, { type: 'stopped' }>, last: EpochPoint | undefined): string {
  const broken = report.reason === 'diverged' || report.reason === 'dead';
  const accuracy = !broken && last && Number.isFinite(last.validationAccuracy) ? ` Validation accuracy ${formatPercent(last.validationAccuracy)}.` : '';
  return `${report.message}${accuracy}${report.warning ? ` ${report.warning}` : ''}`;
}

/** The notice after Article defaults cleared the reader's `cleared` points. */
export function defaultsNotice(cleared: number): string {
  return `Back to the article's setup; your ${plural(cleared, 'point')} ${cleared === 1 ? 'was' : 'were'} cleared too.`;
}
