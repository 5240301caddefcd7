/**
 * The lab's report handling: what the page does with each report from the training worker. A
 * report from a superseded run is dropped; a retrain's end (configured … stopped) changes the
 * run shown only once all of it is here, its float32 preview first (session.ts) and then the
 * float64 run that confirms it, whose result alone is announced (common/retrain-flow.ts). The
 * view owns the flags and the figures; this module only updates them from reports.
 */
import type { RetrainFlow } from '../common/retrain-flow.ts';
import { formatPercent } from '../common/format.ts';
import { stopAnnouncement } from './messages.ts';
import { evaluationPanel, evaluationSummary, gradientPanel, gradientSummary } from './panels.ts';
import type { LabReport } from './protocol.ts';
import { applyReport, type ShownRun } from './shown-run.ts';
import type { LabState } from './state.ts';

/** What the page knows about the run it asked for last, beyond the figures' `ShownRun`. */
export interface RunFlags {
  /** The run this page asked for last: every configure starts a new one, and reports from older runs are dropped. */
  run: number;
  /** Whether that run is a retrain (its configuration is the flow's `sent`). */
  retrainRun: boolean;
  /** True from a configure until the worker has built its run. */
  configuring: boolean;
  /** Why the worker could not build the current run, or null. */
  failure: string | null;
  /** A gradient check is under way. */
  checking: boolean;
  /** The run whose points the figures show (a test hook, `data-shown-run`, once drawn). */
  shownRun: number;
  /** A retrain's end is arriving (configured … stopped): nothing is drawn until all of it has. */
  holding: boolean;
  /** A retrain's float32 preview is shown and its float64 run is on its way (session.ts). */
  confirming: boolean;
  /** The reader has asked for the test set: retrains then show their test figures too. */
  followTest: boolean;
  /** The test summary of the retrain arriving, for its announcement. */
  testSummary: string;
}

/** The flags before the first run. */
export function initialFlags(): RunFlags {
  return { run: 0, retrainRun: false, configuring: false, failure: null, checking: false, shownRun: 0, holding: false, confirming: false, followTest: false, testSummary: '' };
}

/** What report handling reaches in the view. */
export interface ReportContext {
  /** The widget's key, for the gradient table's caption id. */
  key: string;
  flags: RunFlags;
  /** What the figures show. */
  shown: ShownRun;
  flow: RetrainFlow<LabState>;
  part(name: string): HTMLElement;
  /** Says a message in the live region (after the announcer's delay). */
  announce(message: string): void;
  /** Shows a message in the notice above the lab. */
  showNotice(message: string): void;
  /** The figures start afresh for a state (a retrain's end has begun to arrive). */
  resetShown(state: LabState): void;
}

/** Takes one worker report into the flags and the run shown; returns whether anything may need drawing. */
export function receiveReport(report: LabReport, context: ReportContext): boolean {
  const { flags, shown, flow, part, announce } = context;
  // A report from a run the reader has moved on from (a slow epoch after Reset) is dropped.
  if (report.run !== flags.run) return false;
  // A retrain's end arrives in one go (configured, progress, evaluation, stopped): only now does the shown run change.
  if (report.type === 'configured' && flags.retrainRun) {
    flags.holding = true;
    context.resetShown(flow.sent);
  }
  // The float64 confirmation of a preview arrives whole too, and replaces the preview's epochs.
  if (report.type === 'progress' && report.replace) flags.holding = true;
  applyReport(shown, report);
  if (report.type === 'configured') {
    flags.configuring = false;
    flags.shownRun = report.run;
  } else if (report.type === 'progress') {
    if (shown.running && report.epochs.some((e) => e.epoch % 100 === 0)) {
      const last = report.epochs.at(-1)!;
      announce(`Epoch ${last.epoch} of ${shown.state.epochs}: validation accuracy ${formatPercent(last.validationAccuracy)}.`);
    }
  } else if (report.type === 'stopped') {
    const warning = part('warning');
    warning.textContent = report.warning ?? '';
    warning.hidden = report.warning === undefined;
    const said = stopAnnouncement(report, shown.current.at(-1));
    const completed = report.reason === 'completed';
    if (flags.retrainRun) {
      flags.holding = false;
      flags.confirming = report.preview === true;
      // A preview is shown at once but announced only once confirmed; a newer change need not wait for it.
      if (flags.confirming) flow.previewEnded();
      else flow.runEnded(`Retrained. ${said}${flags.testSummary}`, completed);
    } else {
      announce(said);
      // Last: a Train's time may set a new default, which may switch the setting and start a run.
      flow.runEnded('', completed);
    }
  } else if (report.type === 'evaluation') {
    // A retrain evaluates every run; its test figures show once the reader has asked for them.
    flags.testSummary = '';
    if (flags.retrainRun && !flags.followTest) return false;
    part('evaluation').replaceChildren(evaluationPanel(report));
    // Part of a retrain's end: said with its result. Asked for (Evaluate) once it is shown: said now.
    if (flags.retrainRun && flow.retraining) flags.testSummary = ` ${evaluationSummary(report)}`;
    else announce(evaluationSummary(report));
  } else if (report.type === 'gradients') {
    if (!flags.checking) return false;
    flags.checking = false;
    part('gradient-table').replaceChildren(gradientPanel(report.layers, [2, ...shown.state.hidden, 1], report.largestWeight, `${context.key}-gradient-caption`));
    announce(gradientSummary(report.layers, report.largestWeight));
  } else if (report.type === 'error') {
    flags.checking = false;
    flags.holding = false;
    if (flags.configuring) flags.failure = report.message;
    context.showNotice(`The lab could not do that: ${report.message}`);
    if (flags.retrainRun) flow.runFailed();
  }
  return true;
}
