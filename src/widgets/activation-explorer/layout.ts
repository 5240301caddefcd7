/**
 * The live explorer's frame: where each control goes, the regions the view fills, which kind of
 * change a set of changed fields is (for the live region), and the typeset formulas the page
 * carries from the build.
 */
import type { ActivationId } from '../../lib/index.ts';
import type { ActivationExplorerState } from './state.ts';

/** The control group of every field but the probe's z, which has a control of its own. */
export const GROUP_OF: Readonly<Record<keyof ActivationExplorerState, string>> = {
  f1: 'functions',
  f2: 'functions',
  f3: 'functions',
  leakyAlpha: 'functions',
  preluAlpha: 'functions',
  eluAlpha: 'functions',
  range: 'view',
  saturation: 'view',
  z: 'probe',
  fanIn: 'land',
  init: 'land',
  sigma: 'land',
  seed: 'land',
};

/** What a change touched: the probe only, the inputs-land settings only, or the functions and view. */
export type ChangeKind = 'probe' | 'land' | 'functions';

/** The kind of a change, from the fields it sets. */
export function changeKind(changes: Partial<ActivationExplorerState>): ChangeKind {
  const groups = new Set(Object.keys(changes).map((name) => GROUP_OF[name as keyof ActivationExplorerState]));
  if (groups.size === 1 && groups.has('probe')) return 'probe';
  if (groups.size === 1 && groups.has('land')) return 'land';
  return 'functions';
}

/** The live view's markup; the view fills the charts and the data-part regions. */
export const EXPLORER_LAYOUT = `
  <p class="al-notice" hidden></p>
  <fieldset class="al-control-group ae-functions" data-group="functions" data-print="hide"><legend>Functions</legend></fieldset>
  <div data-part="legend"></div>
  <div class="al-chart" data-chart="function"></div>
  <div class="al-chart" data-chart="derivative"></div>
  <div class="al-control-columns" data-print="hide">
    <fieldset class="al-control-group" data-group="view"><legend>View</legend></fieldset>
    <fieldset class="al-control-group" data-group="probe"><legend>Probe</legend></fieldset>
  </div>
  <div class="ae-probe">
    <p class="ae-window-note" hidden></p>
    <div data-part="readout"></div>
  </div>
  <div class="ae-land">
    <fieldset class="al-control-group ae-land-controls" data-group="land" data-print="hide"><legend>Where the inputs land</legend></fieldset>
    <p class="ae-share" data-part="share"></p>
    <div class="al-chart" data-chart="inputs"></div>
  </div>
  <div class="ae-about-list" data-part="about"></div>
  <p class="al-actions" data-print="hide"><button type="button" class="al-button" data-action="reset">Reset to the lesson's values</button></p>
  <p class="visually-hidden" data-live></p>`;

/**
 * The typeset formulas the build put in the element's <template data-formulas>, as a lookup
 * from activation id to markup (read before the still figure is replaced).
 */
export function formulaSource(host: HTMLElement): (id: ActivationId) => string {
  const template = host.querySelector<HTMLTemplateElement>('template[data-formulas]');
  const blocks = new Map<string, string>();
  for (const block of template?.content.querySelectorAll<HTMLElement>('[data-formula]') ?? []) blocks.set(block.dataset.formula ?? '', block.outerHTML);
  return (id) => blocks.get(id) ?? '';
}
