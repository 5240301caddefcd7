/**
 * The grid of hidden units, one row per layer, each unit a cell marked by shape and colour
 * (alive, dead, all-negative, alive again). The build-time figure renders it as text; the live
 * view as buttons with a roving tabindex: one tab stop per run, arrow keys move, Home and End
 * go to a layer's ends, Enter or Space (or a click) selects.
 */
import type { DyingActivation, UnitHistory, UnitState } from './model.ts';
import type { Side } from './state.ts';
import { MARKS, unitMark } from './words.ts';

/** The legend of the marks, as a list. */
export function legendMarkup(): string {
  const items = Object.entries(MARKS).map(([state, mark]) => `<li><span class="al-dying-mark" data-state="${state}" aria-hidden="true">${mark.symbol}</span>${mark.word}</li>`);
  return `<ul class="al-legend al-dying-legend" aria-label="Legend for the unit grid">${items.join('')}</ul>`;
}

/** The charts' legend: runs by dash, hidden layers by colour and marker (`layers` of them). */
export function chartLegendMarkup(layers: number): string {
  const symbols = ['●', '■', '▲', '◆'];
  const keys = symbols.map(
    (symbol, l) => `<li${l < layers ? '' : ' hidden'}><span class="al-dying-layer-key" data-layer="${l}" aria-hidden="true">${symbol}</span>layer ${l + 1}</li>`,
  );
  return `<ul class="al-legend" aria-label="Legend for the charts"><li><span class="al-line"></span>run A</li><li><span class="al-line al-dying-dashed"></span>run B</li>${keys.join('')}</ul>`;
}

/** The cells' label for assistive technology: "Layer 2, unit 5: dead". */
export function cellLabel(layer: number, unit: number, word: string): string {
  return `Layer ${layer + 1}, unit ${unit + 1}: ${word}`;
}

/**
 * The grid's markup for one run: live cells are buttons (the first one in the tab order), still
 * cells plain marks. `layers` and `histories` give every unit's state.
 */
export function gridMarkup(
  side: Side,
  activation: DyingActivation,
  layers: readonly (readonly UnitState[])[],
  histories: readonly (readonly UnitHistory[])[],
  live: boolean,
): string {
  const rows = layers.map((units, l) => {
    const cells = units.map((unit, j) => {
      const mark = unitMark(unit, histories[l][j], activation);
      const text = cellLabel(l, j, mark.word);
      return live
        ? `<button type="button" class="al-dying-mark al-dying-cell" data-state="${mark.state}" data-side="${side}" data-layer="${l}" data-unit="${j}" tabindex="${l === 0 && j === 0 ? 0 : -1}" aria-pressed="false" aria-label="${text}">${mark.symbol}</button>`
        : `<span class="al-dying-mark al-dying-cell" data-state="${mark.state}" role="img" aria-label="${text}">${mark.symbol}</span>`;
    });
    return `<div class="al-dying-layer"><span class="al-dying-layer-name">Layer ${l + 1}</span><div class="al-dying-cells">${cells.join('')}</div></div>`;
  });
  return `<div class="al-dying-grid" role="group" aria-label="Run ${side}: hidden units by layer">${rows.join('')}</div>`;
}

/** Updates a live grid's cells in place (keeping focus), from the latest unit states. */
export function updateGrid(grid: HTMLElement, activation: DyingActivation, layers: readonly (readonly UnitState[])[], histories: readonly (readonly UnitHistory[])[]): void {
  for (const cell of grid.querySelectorAll<HTMLButtonElement>('.al-dying-cell')) {
    const l = Number(cell.dataset.layer);
    const j = Number(cell.dataset.unit);
    const unit = layers[l]?.[j];
    if (unit === undefined) continue;
    const mark = unitMark(unit, histories[l][j], activation);
    if (cell.dataset.state !== mark.state) {
      cell.dataset.state = mark.state;
      cell.textContent = mark.symbol;
      cell.setAttribute('aria-label', cellLabel(l, j, mark.word));
    }
  }
}

/** Marks the selected unit's cell pressed, and every other cell in `root` not. */
export function markSelected(root: HTMLElement, selected: { side: string; layer: number; unit: number } | null): void {
  for (const cell of root.querySelectorAll<HTMLButtonElement>('.al-dying-cell')) {
    const pressed = selected !== null && cell.dataset.side === selected.side && Number(cell.dataset.layer) === selected.layer && Number(cell.dataset.unit) === selected.unit;
    cell.setAttribute('aria-pressed', String(pressed));
  }
}

/** Arrow-key movement over a grid's buttons (roving tabindex); `select` is called for Enter, Space and clicks. */
export function wireGrid(grid: HTMLElement, select: (layer: number, unit: number) => void): void {
  const cellAt = (layer: number, unit: number) => grid.querySelector<HTMLButtonElement>(`.al-dying-cell[data-layer="${layer}"][data-unit="${unit}"]`);
  const layerSize = (layer: number) => grid.querySelectorAll(`.al-dying-cell[data-layer="${layer}"]`).length;
  const layerCount = grid.querySelectorAll('.al-dying-layer').length;
  const moveTo = (from: HTMLButtonElement, layer: number, unit: number) => {
    const target = cellAt(layer, Math.min(unit, layerSize(layer) - 1));
    if (!target) return;
    from.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  };
  grid.addEventListener('keydown', (event) => {
    const cell = (event.target as HTMLElement).closest<HTMLButtonElement>('.al-dying-cell');
    if (!cell) return;
    const l = Number(cell.dataset.layer);
    const j = Number(cell.dataset.unit);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [l, Math.max(0, j - 1)],
      ArrowRight: [l, j + 1],
      ArrowUp: [Math.max(0, l - 1), j],
      ArrowDown: [Math.min(layerCount - 1, l + 1), j],
      Home: [l, 0],
      End: [l, layerSize(l) - 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo(cell, move[0], move[1]);
  });
  grid.addEventListener('click', (event) => {
    const cell = (event.target as HTMLElement).closest<HTMLButtonElement>('.al-dying-cell');
    if (!cell) return;
    for (const other of grid.querySelectorAll<HTMLButtonElement>('.al-dying-cell[tabindex="0"]')) other.tabIndex = -1;
    cell.tabIndex = 0;
    select(Number(cell.dataset.layer), Number(cell.dataset.unit));
  });
}
