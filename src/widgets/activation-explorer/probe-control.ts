/**
 * The probe's control: a slider over the plotted window (±range, in the field's 0.01 steps) and
 * a number box over the whole field (-1000 to 1000), so the reader can drag within the charts
 * and still type z = 1000. Outside the window the slider rests at its nearer end; the box, the
 * state and the readouts keep the typed z.
 */
import type { Control } from '../common/controls.ts';
import { parseField, refusal, snapToGrid } from '../common/state.ts';
import { SCHEMA } from './state.ts';
import { formatZ } from './words.ts';

/** The probe's control, with a way to follow the plotted window when the range changes. */
export interface ProbeControl extends Control {
  setRange(range: number): void;
}

/** A slider over ±range and a box for any z of the field; typed values off the grid are refused with a message. */
export function probeControl(id: string, value: number, range: number, onChange: (value: number) => void): ProbeControl {
  const field = SCHEMA.z;
  const wrapper = document.createElement('div');
  wrapper.className = 'al-control ae-probe-control';
  wrapper.innerHTML = `<label for="${id}">${field.label}</label><div class="al-control-inputs"></div><p class="al-control-error" id="${id}-error" hidden></p>`;
  const slider = document.createElement('input');
  Object.assign(slider, { type: 'range', id, step: String(field.step) });
  const box = document.createElement('input');
  Object.assign(box, { type: 'number', min: String(field.min), max: String(field.max), step: String(field.step) });
  box.className = 'ae-probe-box';
  box.setAttribute('aria-label', `${field.label}, exact value`);
  box.setAttribute('aria-describedby', `${id}-error`);
  wrapper.querySelector('.al-control-inputs')!.append(slider, box);
  const error = wrapper.querySelector<HTMLParagraphElement>('.al-control-error')!;
  let current = value;
  let valid = true;

  const markValid = (next: boolean) => {
    if (next === valid) return;
    valid = next;
    wrapper.dispatchEvent(new CustomEvent('al-validity', { bubbles: true, detail: { valid } }));
  };
  const show = (next: number) => {
    current = next;
    slider.value = String(next);
    slider.setAttribute('aria-valuetext', `z = ${formatZ(next)}`);
    box.value = formatZ(next);
    error.hidden = true;
    box.removeAttribute('aria-invalid');
    markValid(true);
  };
  const choose = (next: number) => {
    const changed = next !== current;
    show(next);
    if (changed) onChange(next);
  };
  const setRange = (next: number) => {
    Object.assign(slider, { min: String(-next), max: String(next) });
    slider.value = String(current);
  };
  slider.addEventListener('input', () => choose(snapToGrid(field, Number(slider.value))));
  box.addEventListener('change', () => {
    const next = parseField(field, box.value);
    if (next !== undefined) return choose(next);
    error.textContent = `${refusal(field, box.value)}.`;
    error.hidden = false;
    box.setAttribute('aria-invalid', 'true');
    markValid(false);
  });
  setRange(range);
  show(value);
  return {
    element: wrapper,
    get valid() {
      return valid;
    },
    set: (next) => show(Number(next)),
    setRange,
  };
}
