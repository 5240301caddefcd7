/**
 * Labelled native controls built from a state field: a slider paired with a number box (so a
 * value can be typed exactly), or a select. Native inputs bring keyboard use for free: arrows,
 * Page Up/Down, Home/End on sliders; typing and Enter in number boxes.
 */
import { formatFixed } from './format.ts';
import { sliderScale, type SliderScale } from './slider-scale.ts';
import { gridDecimals, listItemField, parseField, refusal, type ChoiceField, type Field, type ListField, type NumberField } from './state.ts';

/**
 * A control in the page and a way to show it a new value from outside (reset, URL). While it
 * shows a typed value it refused, `valid` is false; its element then dispatches a bubbling
 * `al-validity` CustomEvent with `detail: { valid }` each time that changes.
 */
export interface Control {
  readonly element: HTMLElement;
  /** False while the control shows a typed value it refused; true again after a good value or set(). */
  readonly valid: boolean;
  set(value: number | string | readonly number[]): void;
}

/** The detail of the `al-validity` event a control's element dispatches when its validity changes. */
export interface ValidityDetail {
  valid: boolean;
}

/**
 * A slider with a number box for a number field. Typed values the field does not allow (out of
 * range, off the step) are refused with a message and change nothing; the slider only ever
 * produces allowed values, and a move that gives the same value again is not reported.
 * `scale` is the field's own unless a widget's slider covers less than the box (`windowScale`).
 */
export function numberControl(id: string, field: NumberField, value: number, onChange: (value: number) => void, scale: SliderScale = sliderScale(field)): Control {
  const wrapper = container(id, field.label);
  const slider = document.createElement('input');
  Object.assign(slider, { type: 'range', id });
  const box = document.createElement('input');
  Object.assign(box, { type: 'number', min: String(field.min), max: String(field.max), step: field.scale === 'log' ? 'any' : String(field.step) });
  box.setAttribute('aria-label', `${field.label}, exact value`);
  const refusals = refusalLine(wrapper, id);
  box.setAttribute('aria-describedby', refusals.line.id);
  let current = value;

  const show = (next: number) => {
    current = next;
    scale.place(slider, next);
    slider.setAttribute('aria-valuetext', formatValue(next, field));
    box.value = formatValue(next, field);
    refusals.accept();
  };
  const choose = (next: number) => {
    const changed = next !== current;
    show(next);
    if (changed) onChange(next);
  };
  slider.addEventListener('input', () => choose(scale.read(slider)));
  box.addEventListener('change', () => {
    const next = parseField(field, box.value);
    if (next === undefined) refusals.refuse(box, `${refusal(field, box.value)}.`);
    else choose(next);
  });
  show(value);
  wrapper.querySelector('.al-control-inputs')!.append(slider, box);
  wrapper.append(refusals.line);
  return { element: wrapper, get valid() { return refusals.valid; }, set: (next) => show(Number(next)) };
}

/** A value as the reader sees it: a linear field's with its grid's decimals, a log field's at its shortest. */
function formatValue(value: number, field: NumberField): string {
  return field.scale === 'log' ? String(value) : formatFixed(value, gridDecimals(field));
}

/**
 * The message line under a control, and the control's validity: refused while it shows a
 * message about a typed value, accepted again once a good value is shown.
 */
function refusalLine(wrapper: HTMLElement, id: string) {
  const line = document.createElement('p');
  Object.assign(line, { className: 'al-control-error', id: `${id}-error`, hidden: true });
  let valid = true;
  let refusedBox: HTMLInputElement | undefined;
  const mark = (next: boolean) => {
    if (next === valid) return;
    valid = next;
    wrapper.dispatchEvent(new CustomEvent<ValidityDetail>('al-validity', { bubbles: true, detail: { valid } }));
  };
  return {
    line,
    get valid() {
      return valid;
    },
    refuse(box: HTMLInputElement, message: string) {
      line.textContent = message;
      line.hidden = false;
      refusedBox = box;
      box.setAttribute('aria-invalid', 'true');
      mark(false);
    },
    accept() {
      line.hidden = true;
      refusedBox?.removeAttribute('aria-invalid');
      refusedBox = undefined;
      mark(true);
    },
  };
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
  return { element: wrapper, valid: true, set: (next) => void (select.value = String(next)) };
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
  const refusals = refusalLine(wrapper, id);
  wrapper.append(legend, items, add, refusals.line);
  const item = listItemField(field);
  let current = [...value];

  const commit = (next: number[]) => {
    current = next;
    render();
    onChange([...current]);
  };
  const render = () => {
    refusals.accept();
    items.replaceChildren(
      ...current.map((size, index) => {
        const row = document.createElement('li');
        const box = document.createElement('input');
        Object.assign(box, { type: 'number', min: String(field.min), max: String(field.max), step: '1', value: String(size) });
        box.setAttribute('aria-label', `${itemName} ${index + 1} units`);
        box.setAttribute('aria-describedby', refusals.line.id);
        box.addEventListener('change', () => {
          const parsed = parseField(item, box.value);
          if (parsed === undefined) refusals.refuse(box, `${itemName} ${index + 1}: ${refusal(item, box.value)}.`);
          else if (parsed === size) render();
          else commit(current.map((old, k) => (k === index ? parsed : old)));
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
        row.append(label, box, remove);
        return row;
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
    get valid() {
      return refusals.valid;
    },
    set: (next) => {
      current = Array.isArray(next) ? [...next] : [Number(next)];
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
