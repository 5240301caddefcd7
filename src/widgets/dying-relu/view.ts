/**
 * The live dying-ReLU widget: binds controls to state, state to the training worker, and the
 * worker's reports to the unit grids, the readout and the charts. The worker trains; this
 * thread only draws, at most once a frame (once a second when the reader prefers reduced motion).
 * With "Retrain on every change" on (common/retrain-flow.ts), a change of setting retrains both
 * runs to their end in the worker, latest wins; the grids and charts keep the run shown until
 * the new one's single final report, and the loss and accuracy charts keep the run before faint.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { chartTurns } from '../common/chart-turns.ts';
import { controlSet } from '../common/control-set.ts';
import { playState } from '../common/play-state.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { ACTIVATION_LABELS } from '../common/labels.ts';
import { retrainFlow } from '../common/retrain-flow.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { dyingCharts, thin, type SideCurves } from './figures.ts';
import { drawReadout, type SelectedUnit } from './readout.ts';
import { gridMarkup, markSelected, updateGrid, wireGrid } from './grid.ts';
import { GROUPS, dyingMarkup } from './markup.ts';
import type { DyingReport, DyingRequest, EpochPoint, SideProgress } from './protocol.ts';
import { SCHEMA, SIDES, type DyingState, type Side } from './state.ts';
import { deadAnnouncement, sideSummary } from './words.ts';
import { onWidthChange } from '../common/width-watch.ts';

/** How often the charts are redrawn while training, and how often dead counts are announced. */
const CHARTS_MS = 250;
const ANNOUNCE_EVERY = 10;

/** One side as the page knows it: the latest report and every epoch so far. */
interface SideView {
  latest: SideProgress | null;
  points: EpochPoint[];
}

/** Replaces the element's build-time figure with the live widget. */
export function mountDyingRelu(host: HTMLElement): void {
  const key = host.dataset.key ?? 'dying';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  /** What the controls say; `shown` is the state of the run the figures show (a retrain on its way keeps the run before it). */
  let state: DyingState = fromUrl.state;
  let shown = state;
  /** The run shown before the last retrain, drawn faint. */
  let previous: SideCurves[] = [];
  let run = 0;
  /** Whether the runs train, as the page shows it: from the press of Train (common/play-state.ts). */
  const training = playState();
  let failure: string | null = null;
  let sides: Record<Side, SideView> = { A: { latest: null, points: [] }, B: { latest: null, points: [] } };
  let selected: SelectedUnit | null = null;
  let lastAnnounced = 0;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-dying';
  view.innerHTML = dyingMarkup(key);
  const part = <T extends HTMLElement = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const announce = createAnnouncer(part('live'), 400);
  const notice = part('notice');
  const showNotice = (message: string) => {
    notice.textContent = message;
    notice.hidden = false;
  };
  if (fromUrl.problems.length > 0) showNotice(addressNotice(fromUrl.problems));

  const { started: workerStarted, send } = connectWorker<DyingRequest, DyingReport>({
    create: () => new Worker(new URL('./dying.worker.ts', import.meta.url), { type: 'module' }),
    receive: (report) => receive(report),
    say: (message) => showNotice(message),
    subject: 'This widget',
    figure: 'a run',
  });
  if (!workerStarted) return;

  const settingRefused = () => settings.refused();
  const finished = () => SIDES.every((side) => sides[side].latest !== null && sides[side].latest!.status !== 'training');
  /** Both runs trained all their epochs (none diverged): only then is the run's time a full run's. */
  const completed = () => SIDES.every((side) => sides[side].latest?.status === 'completed');
  const retrain = retrainFlow<DyingState>({
    id: `${key}-retrain`,
    storageKey: 'al-retrain-ms:dying-relu',
    place: part('retrain'),
    current: () => state,
    adopt: (next) => {
      state = next;
      replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
      updateToolbar();
    },
    // A retrain is a new run (the worker drops the one it had); the figures keep theirs until it ends.
    retrain: (next) => {
      run++;
      training.stopped();
      send({ run, type: 'start', state: next, play: true, retrain: true });
      // At once, not at the next frame: the status and data-retraining say a retrain is on its way.
      updateToolbar();
    },
    fresh: (next) => start(next),
    refused: settingRefused,
    ended: finished,
    live: part('live'),
    toggled: (on) => {
      quietStatus(on);
      if (!on) previous = [];
      lastCharts = 0;
      requestDraw();
    },
  });
  const settings = controlSet(key, SCHEMA, state, (name) => part(`group-${GROUPS[name]}`), (name, value) => retrain.changed({ ...state, [name]: value }));

  const buttons = { play: part<HTMLButtonElement>('play'), step: part<HTMLButtonElement>('step'), reset: part<HTMLButtonElement>('reset'), defaults: part<HTMLButtonElement>('defaults') };
  buttons.play.addEventListener('click', () => {
    if (training.running) {
      training.paused();
      return send({ run, type: 'pause' });
    }
    if (settingRefused() || failure !== null) return;
    // Train while a retrain is on its way: the controls' run, trained in view.
    if (retrain.retraining) start(state);
    retrain.trainStarted(epochNow() === 0);
    // Training at once, so the button says Pause before the worker's first report: a quick second press pauses.
    training.trained();
    announce(`Training started: both runs, ${shown.epochs} epochs.`);
    send({ run, type: 'play' });
    requestDraw();
  });
  buttons.step.addEventListener('click', () => !settingRefused() && send({ run, type: 'step' }));
  buttons.reset.addEventListener('click', () => start(state));
  buttons.defaults.addEventListener('click', () => {
    for (const [name, control] of settings.controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    retrain.changed(lessonDefaults);
  });
  view.addEventListener('al-validity', () => {
    if (settingRefused() && training.running) {
      training.paused();
      send({ run, type: 'pause' });
    }
    else retrain.validityChanged();
    updateToolbar();
  });

  /** With the setting on the status flips at every drag step, so screen readers hear the live region's settled result instead. */
  function quietStatus(on: boolean) {
    part('status').setAttribute('aria-live', on ? 'off' : 'polite');
  }

  /** Forgets the figures' run for one of `next`: its grids are rebuilt, and a selected unit kept only where the shape allows. */
  function showAnew(next: DyingState) {
    const reshaped = next.layers.join('-') !== shown.layers.join('-');
    shown = next;
    lastAnnounced = 0;
    sides = { A: { latest: null, points: [] }, B: { latest: null, points: [] } };
    if (selected && (reshaped || selected.unit >= shown.layers[selected.layer])) selected = null;
    for (const side of SIDES) part(`grid-${side}`).replaceChildren();
  }

  /** Starts a new run of `next`, paused at initialisation; every report of the old run is dropped from now on. */
  function start(next: DyingState) {
    retrain.cancel();
    state = next;
    showAnew(next);
    run++;
    training.stopped();
    failure = null;
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
    send({ run, type: 'start', state, play: false });
    requestDraw();
  }

  function receive(report: DyingReport) {
    if (report.run !== run) return;
    if (report.type === 'error') {
      training.stopped();
      failure = report.message;
      showNotice(`The widget could not do that: ${report.message}`);
      retrain.runFailed();
      return requestDraw();
    }
    if (retrain.retraining) return showRetrained(report);
    const revived: string[] = [];
    for (const side of SIDES) {
      const progress = report.sides[side];
      const before = sides[side].latest?.revivedCounts ?? [];
      sides[side] = { latest: progress, points: sides[side].points.concat(progress.points) };
      progress.revivedCounts.forEach((count, l) => {
        if (count > (before[l] ?? 0)) revived.push(`Run ${side}: a unit of layer ${l + 1} came back from dead at epoch ${progress.epoch}.`);
      });
    }
    const wasRunning = training.reported(report.running, finished());
    const running = training.running;
    if (running && !wasRunning) announce(`Training started: both runs, ${shown.epochs} epochs.`);
    revived.forEach((words) => announce(words));
    const epoch = Math.max(...SIDES.map((side) => sides[side].latest!.epoch));
    if (running && epoch - lastAnnounced >= ANNOUNCE_EVERY) {
      lastAnnounced = epoch;
      announce(deadAnnouncement(epoch, SIDES.map((side) => ({ side, activation: activationOf(side), shares: sides[side].points.at(-1)?.deadShares ?? [], sizes: shown.layers }))));
    }
    if (!running && wasRunning) {
      announce(finished() ? doneWords() : `Paused at epoch ${epoch}. ${summaries()}`);
      if (finished()) retrain.runEnded('', completed());
      else retrain.paused();
    }
    requestDraw();
  }

  /** A retrain's one report: the finished runs replace those shown, the loss and accuracy before them stay faint. */
  function showRetrained(report: Extract<DyingReport, { type: 'progress' }>) {
    previous = curvesOf();
    showAnew(retrain.sent);
    training.stopped();
    failure = null;
    for (const side of SIDES) sides[side] = { latest: report.sides[side], points: report.sides[side].points };
    lastCharts = 0;
    requestDraw();
    retrain.runEnded(`Retrained. ${doneWords()}`, completed());
  }

  const doneWords = () => `Done. ${SIDES.map((side) => sides[side].latest?.message ?? '').filter(Boolean).join(' ')} ${summaries()}`;
  const epochNow = () => Math.max(0, ...SIDES.map((side) => sides[side].latest?.epoch ?? 0));
  const curvesOf = (): SideCurves[] => SIDES.map((side) => ({ side, activation: activationOf(side), points: thin(sides[side].points) }));

  const activationOf = (side: Side) => (side === 'A' ? shown.activationA : shown.activationB);
  const summaries = () => SIDES.map((side) => summaryOf(side)).join(' ');
  const summaryOf = (side: Side) => {
    const latest = sides[side].latest;
    return latest ? sideSummary(side, activationOf(side), latest.units, latest.revivedCounts) : '';
  };

  const requestDraw = drawScheduler(draw, () => training.running);
  let lastCharts = 0;
  /** Each chart in a task of its own (common/chart-turns.ts). */
  const drawInTurn = chartTurns(part);

  function draw() {
    for (const side of SIDES) {
      const latest = sides[side].latest;
      part(`title-${side}`).textContent = `Run ${side}: ${ACTIVATION_LABELS[activationOf(side)]}`;
      part(`epoch-${side}`).textContent = `Epoch ${latest?.epoch ?? 0} of ${shown.epochs}${latest?.status === 'diverged' ? ' (stopped)' : ''}`;
      host.dataset[`epoch${side}`] = String(latest?.epoch ?? 0);
      if (!latest) continue;
      part(`summary-${side}`).textContent = latest.status === 'diverged' ? `${latest.message} ${summaryOf(side)}` : summaryOf(side);
      const holder = part(`grid-${side}`);
      if (holder.childElementCount === 0) {
        holder.innerHTML = gridMarkup(side, activationOf(side), latest.units.layers, latest.histories, true);
        wireGrid(holder.firstElementChild as HTMLElement, (layer, unit) => select({ side, layer, unit }));
      } else {
        updateGrid(holder, activationOf(side), latest.units.layers, latest.histories);
      }
    }
    markSelected(view, selected);
    for (const keyMark of view.querySelectorAll<HTMLElement>('.al-dying-layer-key')) {
      keyMark.parentElement!.hidden = Number(keyMark.dataset.layer) >= shown.layers.length;
    }
    drawReadout(part('readout'), part('histogram'), selected, selected ? sides[selected.side].latest : null, selected ? activationOf(selected.side) : shown.activationA, shown.optimizer);
    const now = performance.now();
    if (!training.running || now - lastCharts >= CHARTS_MS) {
      lastCharts = now;
      drawCharts();
    }
    updateToolbar();
  }

  function select(next: SelectedUnit) {
    selected = next;
    requestDraw();
  }

  /** The charts, each in a task of its own; PReLU's alpha only when a run has one. */
  function drawCharts() {
    const curves = curvesOf();
    const alpha = part('alpha');
    alpha.hidden = !curves.some((side) => side.activation === 'prelu');
    if (alpha.hidden) alpha.replaceChildren();
    drawInTurn(dyingCharts(curves, previous, shown.epochs, part('dead').clientWidth || 480, !alpha.hidden));
  }

  function updateToolbar() {
    const blocked = settingRefused() ? 'Training is off while a setting shows a value it cannot use: correct it, or press Lesson’s values.' : failure;
    const done = finished();
    const epoch = epochNow();
    const { running } = training;
    buttons.play.textContent = running ? 'Pause' : epoch > 0 && !done ? 'Resume' : 'Train';
    buttons.play.setAttribute('aria-pressed', String(running));
    buttons.play.disabled = running ? false : blocked !== null || done;
    buttons.step.disabled = running || retrain.pending || buttons.play.disabled;
    // A disabled button under the keyboard's focus would drop focus to the page: Reset is never disabled.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled && view.contains(document.activeElement)) buttons.reset.focus();
    const messages = SIDES.map((side) => sides[side].latest?.message ?? '').filter(Boolean);
    part('status').textContent = blocked ?? (retrain.pending ? 'Retraining both runs…' : done ? `Done. ${messages.join(' ')}` : running ? 'Training…' : '');
    host.dataset.running = String(running);
    host.dataset.retraining = String(retrain.pending);
  }

  quietStatus(retrain.on);
  host.replaceChildren(view);
  onWidthChange(
    part('dead'),
    () => {
      lastCharts = 0;
      requestDraw();
    },
    0,
  );
  start(state);
  host.dataset.ready = 'true';
}
