/**
 * Labelled native controls built from a state field: a slider paired with a number box (so a
 * value can be typed exactly), or a select. Native inputs bring keyboard use for free: arrows,
 * Page Up/Down, Home/End on sliders; typing and Enter in number boxes.
 */
import { allowed, parseField, type ChoiceField, type NumberField } from './state.ts';

/** A control in the page and a way to show it a new value from outside (reset, URL). */
export interface Control {
  readonly element: HTMLElement;
  set(value: number | string): void;
}

/** A slider with a number box for a number field; typed values out of range are refused with a message. */
export function numberControl(id: string, field: NumberField, value: number, onChange: (value: number) => void): Control {
  const wrapper = container(id, field.label);
  const slider = document.createElement('input');
  Object.assign(slider, { type: 'range', id, min: String(field.min), max: String(field.max), step: String(field.step) });
  const box = document.createElement('input');
  Object.assign(box, { type: 'number', min: String(field.min), max: String(field.max), step: String(field.step) });
  box.setAttribute('aria-label', `${field.label}, exact value`);
  const error = document.createElement('p');
  error.className = 'al-control-error';
  error.id = `${id}-error`;
  error.hidden = true;
  box.setAttribute('aria-describedby', error.id);

  const show = (next: number) => {
    slider.value = String(next);
    box.value = formatNumber(next, field.step);
    box.removeAttribute('aria-invalid');
    error.hidden = true;
  };
  slider.addEventListener('input', () => {
    const next = Number(slider.value);
    show(next);
    onChange(next);
  });
  box.addEventListener('change', () => {
    const next = parseField(field, box.value);
    if (typeof next !== 'number') {
      error.textContent = `Enter ${allowed(field)}.`;
      error.hidden = false;
      box.setAttribute('aria-invalid', 'true');
      return;
    }
    show(next);
    onChange(next);
  });
  show(value);
  wrapper.querySelector('.al-control-inputs')!.append(slider, box);
  wrapper.append(error);
  return { element: wrapper, set: (next) => show(Number(next)) };
}

/** A select for a choice field. */
export function choiceControl<V extends string>(id: string, field: ChoiceField<V>, value: V, onChange: (value: V) => void): Control {
  const wrapper = container(id, field.label);
  const select = document.createElement('select');
  select.id = id;
  for (const option of field.options) select.append(new Option(option.label, option.value));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value as V));
  wrapper.querySelector('.al-control-inputs')!.append(select);
  return { element: wrapper, set: (next) => void (select.value = String(next)) };
}

/** A number shown with as many decimals as its step has, so 0.1 steps never print 0.30000000000000004. */
export function formatNumber(value: number, step: number): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return value.toFixed(decimals);
}

function container(id: string, label: string): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'al-control';
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  const inputs = document.createElement('div');
  inputs.className = 'al-control-inputs';
  wrapper.append(labelElement, inputs);
  return wrapper;
}
