/**
 * What the gradient-depth widget says: each run's name, a layer's name, the toolbar's buttons
 * and status line, and the announcements for the live region. Pure, so Node tests read them
 * and the worker's divergence messages use the same names as the page.
 */
import { formatFixed, plural } from '../common/format.ts';
import { optionLabel } from '../common/state.ts';
import type { DepthDivergence, DepthEpoch } from './protocol.ts';
import { RUNS, SCHEMA, runSettings, type DepthState, type RunName } from './state.ts';

/** The run's name as the reader sees it: "Run B (ReLU, N(0, 1))". */
export function runTitle(state: DepthState, name: RunName): string {
  const settings = runSettings(state, name);
  return `Run ${name} (${optionLabel(SCHEMA[`activation${name}`], settings.activation)}, ${optionLabel(SCHEMA[`init${name}`], settings.init)})`;
}

/** Both runs' names. */
export function runTitles(state: DepthState): Record<RunName, string> {
  return { A: runTitle(state, 'A'), B: runTitle(state, 'B') };
}

/** "hidden layer 3" or "the output layer", for weight layer `layer` (0-based) of a network of `depth` hidden layers. */
export function layerName(layer: number, depth: number): string {
  return layer < depth ? `hidden layer ${layer + 1}` : 'the output layer';
}

/** Where one side stands: still training, trained all its epochs, or stopped on a value that was not finite. */
export type SideStatus = { kind: 'training' } | { kind: 'done' } | { kind: 'diverged'; divergence: DepthDivergence };

/** What the page knows about the runs it shows. */
export interface RunsView {
  /** The worker has built both networks (a 'started' report came). */
  started: boolean;
  running: boolean;
  epochs: Readonly<Record<RunName, number>>;
  sides: Readonly<Record<RunName, SideStatus>>;
  /** Why nothing may train now (a refused setting, a failed start), or null. */
  blocked: string | null;
}

/** The toolbar as the reader sees it. */
export interface ToolbarState {
  playLabel: 'Train' | 'Pause' | 'Resume';
  playDisabled: boolean;
  stepDisabled: boolean;
}

/** The epoch a diverged side stopped in, or null for a side still training or done. */
export function stoppedEpoch(side: SideStatus): number | null {
  return side.kind === 'diverged' ? side.divergence.epoch : null;
}

/** True once neither side has anything left to train. */
export function finished(view: RunsView): boolean {
  return RUNS.every((run) => view.sides[run].kind !== 'training');
}

/** Train pauses while running (always allowed); it is off before the networks are built, once both sides stopped, or while blocked. */
export function toolbarState(view: RunsView): ToolbarState {
  const playDisabled = view.running ? false : !view.started || finished(view) || view.blocked !== null;
  const trained = view.epochs.A + view.epochs.B > 0;
  return {
    playLabel: view.running ? 'Pause' : trained && !finished(view) ? 'Resume' : 'Train',
    playDisabled,
    stepDisabled: view.running || playDisabled,
  };
}

/** The progress line: "Run A: epoch 40 of 100 · Run B: done, 100 epochs". */
export function progressLine(view: RunsView, total: number): string {
  return RUNS.map((run) => {
    const side = view.sides[run];
    const epoch = view.epochs[run];
    if (side.kind === 'diverged') return `Run ${run}: stopped in epoch ${side.divergence.epoch}`;
    if (side.kind === 'done') return `Run ${run}: done, ${plural(epoch, 'epoch')}`;
    return `Run ${run}: epoch ${epoch} of ${total}`;
  }).join(' · ');
}

/** The status line: what stopped a run, with its suggestion, or what blocks training; empty otherwise. */
export function statusLine(view: RunsView): string {
  if (view.blocked !== null) return view.blocked;
  return RUNS.flatMap((run) => {
    const side = view.sides[run];
    return side.kind === 'diverged' ? [`${side.divergence.message} ${side.divergence.suggestion}`] : [];
  }).join(' ');
}

/** The announcement once both runs have stopped: each run's last loss, or how it stopped. */
export function doneAnnouncement(state: DepthState, view: RunsView, last: Readonly<Record<RunName, DepthEpoch | undefined>>): string {
  const words = RUNS.map((run) => {
    const side = view.sides[run];
    if (side.kind === 'diverged') return `${runTitle(state, run)} stopped in epoch ${side.divergence.epoch} on a value that was not finite`;
    const epoch = last[run];
    return epoch ? `${runTitle(state, run)} ended at loss ${formatFixed(epoch.loss, 3)} after ${plural(epoch.epoch, 'epoch')}` : `${runTitle(state, run)} did not train`;
  });
  return `Training done. ${words.join('; ')}.`;
}

/** Status text while a control shows a value it refused. */
export const INVALID_SETTING = 'Training is off while a setting shows a value it cannot use: correct it, or press Lesson’s values.';
