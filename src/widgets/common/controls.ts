/**
 * Labelled native controls built from a state field: a slider paired with a number box (so a
 * value can be typed exactly), or a select. Native inputs bring keyboard use for free: arrows,
 * Page Up/Down, Home/End on sliders; typing and Enter in number boxes.
 */
import { allowed, parseField, type ChoiceField, type Field, type ListField, type NumberField } from './state.ts';

/** A control in the page and a way to show it a new value from outside (reset, URL). */
export interface Control {
  readonly element: HTMLElement;
  set(value: number | string | readonly number[]): void;
}

/** A slider with a number box for a number field; typed values out of range are refused with a message. */
export function numberControl(id: string, field: NumberField, value: number, onChange: (value: number) => void): Control {
  const wrapper = container(id, field.label);
  const scale = sliderScale(field);
  const slider = document.createElement('input');
  Object.assign(slider, { type: 'range', id, min: String(scale.min), max: String(scale.max), step: String(scale.step) });
  const box = document.createElement('input');
  Object.assign(box, { type: 'number', min: String(field.min), max: String(field.max), step: field.scale === 'log' ? 'any' : String(field.step) });
  box.setAttribute('aria-label', `${field.label}, exact value`);
  const error = document.createElement('p');
  error.className = 'al-control-error';
  error.id = `${id}-error`;
  error.hidden = true;
  box.setAttribute('aria-describedby', error.id);

  const show = (next: number) => {
    slider.value = String(scale.toSlider(next));
    slider.setAttribute('aria-valuetext', formatValue(next, field));
    box.value = formatValue(next, field);
    box.removeAttribute('aria-invalid');
    error.hidden = true;
  };
  slider.addEventListener('input', () => {
    const next = scale.fromSlider(Number(slider.value));
    show(next);
    onChange(next);
  });
  box.addEventListener('change', () => {
    const next = parseField(field, box.value);
    if (next === undefined) {
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

/** Where a value sits on its slider: the value itself, or its log10 for fields spanning decades. */
function sliderScale(field: NumberField) {
  if (field.scale !== 'log') {
    return { min: field.min, max: field.max, step: field.step, toSlider: (v: number) => v, fromSlider: (p: number) => p };
  }
  const [min, max] = [Math.log10(field.min), Math.log10(field.max)];
  return {
    min,
    max,
    step: (max - min) / 200,
    toSlider: (v: number) => Math.log10(v),
    // Two significant figures: a learning rate reads 0.05, not 0.0501187.
    fromSlider: (p: number) => {
      const value = Number((10 ** p).toPrecision(2));
      return Math.min(field.max, Math.max(field.min, field.step >= 1 ? Math.round(value) : value));
    },
  };
}

/** A value as the reader sees it. */
export function formatValue(value: number, field: NumberField): string {
  return field.scale === 'log' ? String(value) : formatNumber(value, field.step);
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

/**
 * A list of whole numbers (hidden layer sizes): one number box per item, each with a remove
 * button, and an add button. Buttons disable at the list's length limits.
 */
export function listControl(id: string, field: ListField, value: readonly number[], onChange: (value: number[]) => void, itemName = 'Layer'): Control {
  const wrapper = document.createElement('fieldset');
  wrapper.className = 'al-control al-list-control';
  wrapper.id = id;
  const legend = document.createElement('legend');
  legend.textContent = field.label;
  const items = document.createElement('ol');
  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'al-button al-button-small';
  add.textContent = `Add ${itemName.toLowerCase()}`;
  const error = document.createElement('p');
  error.className = 'al-control-error';
  error.hidden = true;
  wrapper.append(legend, items, add, error);
  let current = [...value];

  const commit = (next: number[]) => {
    current = next;
    render();
    onChange([...current]);
  };
  const render = () => {
    items.replaceChildren(
      ...current.map((size, index) => {
        const item = document.createElement('li');
        const box = document.createElement('input');
        Object.assign(box, { type: 'number', min: String(field.min), max: String(field.max), step: '1', value: String(size) });
        box.setAttribute('aria-label', `${itemName} ${index + 1} units`);
        box.addEventListener('change', () => {
          const parsed = Number(box.value);
          if (!Number.isInteger(parsed) || parsed < field.min || parsed > field.max) {
            error.textContent = `${itemName} ${index + 1}: enter a whole number from ${field.min} to ${field.max}.`;
            error.hidden = false;
            box.setAttribute('aria-invalid', 'true');
            return;
          }
          error.hidden = true;
          commit(current.map((old, k) => (k === index ? parsed : old)));
        });
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'al-button al-button-small';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove ${itemName.toLowerCase()} ${index + 1}`);
        remove.disabled = current.length <= field.minLength;
        remove.addEventListener('click', () => commit(current.filter((_, k) => k !== index)));
        const label = document.createElement('span');
        label.textContent = `${itemName} ${index + 1}`;
        label.setAttribute('aria-hidden', 'true');
        item.append(label, box, remove);
        return item;
      }),
    );
    add.disabled = current.length >= field.maxLength;
  };
  add.addEventListener('click', () => {
    commit([...current, current.at(-1) ?? field.min]);
    items.querySelector<HTMLInputElement>('li:last-child input')?.focus();
  });
  render();
  return {
    element: wrapper,
    set: (next) => {
      current = Array.isArray(next) ? [...next] : [Number(next)];
      error.hidden = true;
      render();
    },
  };
}

/** A field's value, whatever its kind. */
export type FieldValue = number | string | number[];

/** The control a field's kind calls for: select, slider with number box, or list. */
export function controlFor(id: string, field: Field, value: FieldValue, onChange: (value: FieldValue) => void): Control {
  if (field.kind === 'choice') return choiceControl(id, field, value as string, onChange);
  if (field.kind === 'list') return listControl(id, field, value as number[], onChange);
  return numberControl(id, field, value as number, onChange);
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
