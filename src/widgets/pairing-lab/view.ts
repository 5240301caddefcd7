/**
 * The live pairing lab: binds controls to state, state to the training worker, and the worker's
 * reports to the charts, the refusals and the final-figures table. The worker trains both runs;
 * this thread only draws, at most once a frame (once a second when the reader prefers reduced
 * motion), and each chart in a task of its own.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { drawChart } from '../common/plot-theme.ts';
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
  let state: PairingState = fromUrl.state;
  let run = 0;
  let running = false;
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

  const settings = controlSet(key, SCHEMA, state, (name) => part(name === 'preset' ? 'group-pairing' : 'group-training'), (name, value) => start({ ...state, [name]: value }, false));

  const buttons = { play: part<HTMLButtonElement>('play'), step: part<HTMLButtonElement>('step'), reset: part<HTMLButtonElement>('reset') };
  const finished = () => SIDES.every((side) => sides[side].latest !== null && sides[side].latest!.status !== 'training');
  buttons.play.addEventListener('click', () => {
    if (running) send({ run, type: 'pause' });
    else if (settings.refused()) return;
    else if (finished()) start(state, true);
    else send({ run, type: 'play' });
  });
  buttons.step.addEventListener('click', () => !settings.refused() && send({ run, type: 'step' }));
  buttons.reset.addEventListener('click', () => {
    for (const [name, control] of settings.controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    start(lessonDefaults, false);
  });
  view.addEventListener('al-validity', () => {
    if (settings.refused() && running) send({ run, type: 'pause' });
    updateToolbar();
  });

  /** Starts a new run of `next` (training at once when `play`); every report of the old run is dropped from now on. */
  function start(next: PairingState, play: boolean) {
    state = next;
    run++;
    running = false;
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
      running = false;
      failure = report.message;
      showNotice(`The widget could not do that: ${report.message}`);
      return requestDraw();
    }
    const wasRunning = running;
    running = report.running;
    for (const side of SIDES) {
      const progress = report.sides[side];
      sides[side] = { latest: progress, points: sides[side].points.concat(progress.points) };
    }
    if (running && !wasRunning) announce(`Training started: both runs, ${state.epochs} epochs.`);
    if (finished() && !announcedEnd) {
      announcedEnd = true;
      const [a, b] = rows();
      announce(`${finishedWords(epochNow(), [a, b])} ${sideFinalWords(a)} ${sideFinalWords(b)}`);
    } else if (!running && wasRunning) {
      announce(`Paused at epoch ${epochNow()} of ${state.epochs}.`);
    }
    requestDraw();
  }

  /** Each side's title: from the worker once it reported, else from the preset. */
  const titleOf = (side: Side) => sideTitle(side, sides[side].latest?.pairing ?? PRESET_RUNS[state.preset].runs[side === 'A' ? 0 : 1]);
  const epochNow = () => Math.max(0, ...SIDES.map((side) => sides[side].latest?.epoch ?? 0));
  const rows = (): FinalRow[] =>
    SIDES.map((side) => {
      const latest = sides[side].latest;
      const progress: SideProgress = latest ?? { pairing: PRESET_RUNS[state.preset].runs[side === 'A' ? 0 : 1], epoch: 0, points: [], status: 'training', refusal: null };
      return finalRow(side, progress, sides[side].points);
    });

  const requestDraw = drawScheduler(draw, () => running);
  let lastCharts = 0;
  const shown = new Map<HTMLElement, string>();
  const replaceIfChanged = (element: HTMLElement, markup: string) => {
    if (shown.get(element) === markup) return;
    shown.set(element, markup);
    element.innerHTML = markup;
  };

  function draw() {
    const current = rows();
    const epoch = epochNow();
    const caption = epoch === 0 ? `No epochs trained yet (seed ${state.seed})` : `Figures after ${epoch} of ${state.epochs} epochs (seed ${state.seed})`;
    // Only what changed is rewritten: a rewritten region would lose the keyboard's focus, or be read again.
    const region = part('finals').firstElementChild;
    if (region) region.innerHTML = finalsTableMarkup(current, caption);
    else part('finals').innerHTML = finalsMarkup(current, caption, key);
    replaceIfChanged(part('refusals'), refusalsMarkup(current));
    replaceIfChanged(part('legend'), legendMarkup({ A: titleOf('A'), B: titleOf('B') }, SIDES.filter((side) => sides[side].latest?.refusal)));
    const now = performance.now();
    if (!running || now - lastCharts >= CHARTS_MS) {
      lastCharts = now;
      drawCharts();
    }
    updateToolbar();
    host.dataset.epochA = String(sides.A.latest?.epoch ?? 0);
    host.dataset.epochB = String(sides.B.latest?.epoch ?? 0);
    host.dataset.running = String(running);
  }

  /** Each chart in a task of its own, so no task of the main thread runs long. */
  function drawCharts() {
    const curves: SideCurves[] = SIDES.map((side) => ({ side, title: titleOf(side), refusal: sides[side].latest?.refusal ?? null, points: sides[side].points }));
    const width = (name: string) => part(name).clientWidth || 480;
    const charts: [string, () => Parameters<typeof drawChart>[0]][] = [
      ['loss', () => lossFigure(curves, state.epochs, width('loss'))],
      ['score', () => scoreFigure(scoreKind(state.preset), curves, state.epochs, width('score'))],
      ['gradient', () => gradientFigure(curves, state.epochs, width('gradient'))],
    ];
    const drawn = run;
    charts.forEach(([name, figure], index) => setTimeout(() => drawn === run && part(name).replaceChildren(drawChart(figure())), index));
  }

  function updateToolbar() {
    const blocked = settings.refused() ? 'Training is off while a setting shows a value it cannot use: correct it, or press Reset.' : failure;
    const done = finished();
    const epoch = epochNow();
    buttons.play.textContent = running ? 'Pause' : done ? 'Train again' : epoch > 0 ? 'Resume' : 'Train';
    buttons.play.setAttribute('aria-pressed', String(running));
    buttons.play.disabled = !running && blocked !== null;
    buttons.step.disabled = running || done || blocked !== null;
    // A disabled button under the keyboard's focus would drop focus to the page: Reset is never disabled.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled && view.contains(document.activeElement)) buttons.reset.focus();
    const progress = running ? `Training… epoch ${epoch} of ${state.epochs}.` : done ? `Finished ${epoch} epochs.` : epoch > 0 ? `Paused at epoch ${epoch} of ${state.epochs}.` : '';
    part('status').textContent = blocked ?? progress;
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
