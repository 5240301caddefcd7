/**
 * The live pairing lab: binds controls to state, state to the training worker, and the worker's
 * reports to the charts, the refusals and the final-figures table. The worker trains both runs;
 * this thread only draws, at most once a frame (once a second when the reader prefers reduced
 * motion), and each chart in a task of its own. With "Retrain on every change" on
 * (common/retrain.ts), a change of setting retrains both runs to their end in the worker, latest
 * wins, and the figures keep the run shown until the new one's single final report arrives; the
 * run shown before it stays faint in the charts.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { chartTurns, type ChartTurn } from '../common/chart-turns.ts';
import { controlSet } from '../common/control-set.ts';
import { playState } from '../common/play-state.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { retrainFlow } from '../common/retrain-flow.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { onWidthChange } from '../common/width-watch.ts';
import { gradientFigure, lossFigure, scoreFigure, scoreKind, type SideCurves } from './figures.ts';
import { finalsMarkup, finalsTableMarkup, legendMarkup, pairingMarkup, refusalsMarkup } from './markup.ts';
import { PRESET_RUNS, type RunEpoch } from './model.ts';
import { SIDES, type PairingReport, type PairingRequest, type Side, type SideProgress } from './protocol.ts';
import { SCHEMA, type PairingState } from './state.ts';
import { finalRow, finishedWords, sideFinalWords, sideTitle, type FinalRow } from './words.ts';

/** How often the charts are redrawn while training. */
const CHARTS_MS = 250;

/** Status line text while a retrain is on its way (the figures still show the run before it). */
const RETRAINING = 'Retraining both runs…';

/** One side as the page knows it: the latest report and every epoch so far. */
interface SideView {
  latest: SideProgress | null;
  points: RunEpoch[];
}

const emptySides = (): Record<Side, SideView> => ({ A: { latest: null, points: [] }, B: { latest: null, points: [] } });

/** Replaces the element's build-time figure with the live widget. */
export function mountPairingLab(host: HTMLElement): void {
  const key = host.dataset.key ?? 'pairing';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  /** What the controls say; `shownState` is what the figures show (a retrain on its way keeps the run before it). */
  let state: PairingState = fromUrl.state;
  let shownState = state;
  /** The run asked for last; reports of any other are dropped. */
  let run = 0;
  /** The run shown before the last retrain, drawn faint; empty when the setting is off. */
  let previous: SideCurves[] = [];
  /** Whether the runs train, as the page shows it: from the press of Train (common/play-state.ts). */
  const training = playState();
  let failure: string | null = null;
  let announcedEnd = false;
  let sides = emptySides();

  const view = document.createElement('div');
  view.className = 'al-widget-body al-pairing';
  view.innerHTML = pairingMarkup();
  const part = <T extends HTMLElement = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const announce = createAnnouncer(part('live'), 400);
  const notice = part('notice');
  const showNotice = (message: string) => {
    notice.textContent = message;
    notice.hidden = false;
  };
  if (fromUrl.problems.length > 0) showNotice(addressNotice(fromUrl.problems));

  const { started: workerStarted, send } = connectWorker<PairingRequest, PairingReport>({
    create: () => new Worker(new URL('./pairing.worker.ts', import.meta.url), { type: 'module' }),
    receive: (report) => receive(report),
    say: (message) => showNotice(message),
    subject: 'This widget',
    figure: 'the runs',
  });
  if (!workerStarted) return;

  const retrain = retrainFlow<PairingState>({
    id: `${key}-retrain`,
    storageKey: 'al-retrain-ms:pairing-lab',
    place: part('retrain'),
    current: () => state,
    adopt: (next) => {
      state = next;
      replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
      updateToolbar();
    },
    retrain: (next) => retrainRun(next),
    fresh: (next) => start(next, false),
    refused: () => settings.refused(),
    ended: () => finished(),
    live: part('live'),
    toggled: (on) => {
      if (!on) previous = [];
      lastCharts = 0;
      requestDraw();
    },
  });
  const settings = controlSet(key, SCHEMA, state, (name) => part(name === 'preset' ? 'group-pairing' : 'group-training'), (name, value) => retrain.changed({ ...state, [name]: value }));

  const buttons = { play: part<HTMLButtonElement>('play'), step: part<HTMLButtonElement>('step'), reset: part<HTMLButtonElement>('reset') };
  const finished = () => SIDES.every((side) => sides[side].latest !== null && sides[side].latest!.status !== 'training');
  /** Both runs trained all their epochs (neither was refused): only then is the run's time a full run's. */
  const completed = () => SIDES.every((side) => sides[side].latest?.status === 'completed');
  buttons.play.addEventListener('click', () => {
    if (training.running) {
      training.paused();
      return send({ run, type: 'pause' });
    }
    if (settings.refused() || failure !== null) return;
    if (finished() || retrain.retraining) start(state, true);
    else {
      retrain.trainStarted(epochNow() === 0);
      send({ run, type: 'play' });
    }
    // Training at once, so the button says Pause before the worker's first report: a quick second press pauses.
    training.trained();
    announce(`Training started: both runs, ${shownState.epochs} epochs.`);
    requestDraw();
  });
  buttons.step.addEventListener('click', () => !settings.refused() && send({ run, type: 'step' }));
  buttons.reset.addEventListener('click', () => {
    for (const [name, control] of settings.controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    retrain.changed(lessonDefaults);
  });
  // A run left untrained while a value was refused is retrained once every value is usable again.
  view.addEventListener('al-validity', () => {
    if (settings.refused() && training.running) {
      training.paused();
      send({ run, type: 'pause' });
    }
    else retrain.validityChanged();
    updateToolbar();
  });

  /** Asks the worker to train `next` to its end and report once; the figures keep what they show until then. */
  function retrainRun(next: PairingState) {
    run++;
    // The worker drops the run it had: one training on the page is over.
    training.stopped();
    send({ run, type: 'start', state: next, play: true, retrain: true });
    updateToolbar();
  }

  /** Starts a new run of `next` (training at once when `play`); every report of the old run is dropped from now on. */
  function start(next: PairingState, play: boolean) {
    retrain.cancel();
    retrain.trainStarted(play);
    state = next;
    shownState = next;
    run++;
    training.stopped();
    failure = null;
    announcedEnd = false;
    sides = emptySides();
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
    send({ run, type: 'start', state, play });
    lastCharts = 0;
    requestDraw();
  }

  function receive(report: PairingReport) {
    if (report.run !== run) return;
    if (report.type === 'error') {
      training.stopped();
      failure = report.message;
      showNotice(`The widget could not do that: ${report.message}`);
      retrain.runFailed();
      return requestDraw();
    }
    if (retrain.retraining) return showRetrained(report);
    for (const side of SIDES) {
      const progress = report.sides[side];
      sides[side] = { latest: progress, points: sides[side].points.concat(progress.points) };
    }
    const wasRunning = training.reported(report.running, finished());
    const running = training.running;
    if (running && !wasRunning) announce(`Training started: both runs, ${shownState.epochs} epochs.`);
    if (finished() && !announcedEnd) {
      announcedEnd = true;
      announce(endWords());
      retrain.runEnded('', completed());
    } else if (!running && wasRunning) {
      retrain.paused();
      announce(`Paused at epoch ${epochNow()} of ${shownState.epochs}.`);
    }
    requestDraw();
  }

  /** A retrain's one report: the finished run replaces the one shown, which stays faint; announced once the reader pauses. */
  function showRetrained(report: Extract<PairingReport, { type: 'progress' }>) {
    previous = curvesOf(sides);
    shownState = retrain.sent;
    training.stopped();
    failure = null;
    announcedEnd = true;
    sides = emptySides();
    for (const side of SIDES) sides[side] = { latest: report.sides[side], points: report.sides[side].points };
    lastCharts = 0;
    requestDraw();
    retrain.runEnded(`Retrained. ${endWords()}`, completed());
  }

  /** The end as the live region says it: both runs' finals. */
  const endWords = () => {
    const [a, b] = rows();
    return `${finishedWords(epochNow(), [a, b])} ${sideFinalWords(a)} ${sideFinalWords(b)}`;
  };

  /** Each side's curves as the charts take them. */
  function curvesOf(of: Record<Side, SideView>): SideCurves[] {
    return SIDES.map((side) => ({ side, title: titleOf(side, of), refusal: of[side].latest?.refusal ?? null, points: of[side].points }));
  }

  /** Each side's title: from the worker once it reported, else from the preset. */
  const titleOf = (side: Side, of = sides) => sideTitle(side, of[side].latest?.pairing ?? PRESET_RUNS[shownState.preset].runs[side === 'A' ? 0 : 1]);
  const epochNow = () => Math.max(0, ...SIDES.map((side) => sides[side].latest?.epoch ?? 0));
  const rows = (): FinalRow[] =>
    SIDES.map((side) => {
      const latest = sides[side].latest;
      const progress: SideProgress = latest ?? { pairing: PRESET_RUNS[shownState.preset].runs[side === 'A' ? 0 : 1], epoch: 0, points: [], status: 'training', refusal: null };
      return finalRow(side, progress, sides[side].points);
    });

  const requestDraw = drawScheduler(draw, () => training.running);
  let lastCharts = 0;
  /** Each chart in a task of its own (common/chart-turns.ts). */
  const drawInTurn = chartTurns(part);
  const shown = new Map<HTMLElement, string>();
  const replaceIfChanged = (element: HTMLElement, markup: string) => {
    if (shown.get(element) === markup) return;
    shown.set(element, markup);
    element.innerHTML = markup;
  };

  function draw() {
    const current = rows();
    const epoch = epochNow();
    const { seed, epochs } = shownState;
    const caption = epoch === 0 ? `No epochs trained yet (seed ${seed})` : `Figures after ${epoch} of ${epochs} epochs (seed ${seed})`;
    // Only what changed is rewritten: a rewritten region would lose the keyboard's focus, or be read again.
    const region = part('finals').firstElementChild;
    if (region) region.innerHTML = finalsTableMarkup(current, caption);
    else part('finals').innerHTML = finalsMarkup(current, caption, key);
    replaceIfChanged(part('refusals'), refusalsMarkup(current));
    replaceIfChanged(part('legend'), legendMarkup({ A: titleOf('A'), B: titleOf('B') }, SIDES.filter((side) => sides[side].latest?.refusal)));
    const now = performance.now();
    if (!training.running || now - lastCharts >= CHARTS_MS) {
      lastCharts = now;
      drawCharts();
    }
    updateToolbar();
    host.dataset.epochA = String(sides.A.latest?.epoch ?? 0);
    host.dataset.epochB = String(sides.B.latest?.epoch ?? 0);
    host.dataset.running = String(training.running);
  }

  /** Each chart in a task of its own, so no task of the main thread runs long. */
  function drawCharts() {
    const curves = curvesOf(sides);
    const before = previous;
    const { epochs, preset } = shownState;
    const width = (name: string) => part(name).clientWidth || 480;
    const charts: ChartTurn[] = [
      ['loss', () => lossFigure(curves, epochs, width('loss'), before)],
      ['score', () => scoreFigure(scoreKind(preset), curves, epochs, width('score'), before)],
      ['gradient', () => gradientFigure(curves, epochs, width('gradient'), before)],
    ];
    drawInTurn(charts);
  }

  function updateToolbar() {
    const blocked = settings.refused() ? 'Training is off while a setting shows a value it cannot use: correct it, or press Reset.' : failure;
    const done = finished();
    const epoch = epochNow();
    const { running } = training;
    buttons.play.textContent = running ? 'Pause' : done ? 'Train again' : epoch > 0 ? 'Resume' : 'Train';
    buttons.play.setAttribute('aria-pressed', String(running));
    buttons.play.disabled = !running && blocked !== null;
    buttons.step.disabled = running || done || retrain.pending || blocked !== null;
    // A disabled button under the keyboard's focus would drop focus to the page: Reset is never disabled.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled && view.contains(document.activeElement)) buttons.reset.focus();
    const progress = running ? `Training… epoch ${epoch} of ${shownState.epochs}.` : done ? `Finished ${epoch} epochs.` : epoch > 0 ? `Paused at epoch ${epoch} of ${shownState.epochs}.` : '';
    part('status').textContent = blocked ?? (retrain.pending ? RETRAINING : progress);
    host.dataset.retraining = String(retrain.pending);
  }

  host.replaceChildren(view);
  onWidthChange(
    part('loss'),
    () => {
      lastCharts = 0;
      requestDraw();
    },
    0,
  );
  start(state, false);
  host.dataset.ready = 'true';
}
