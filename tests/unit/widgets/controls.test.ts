// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { controlFor, type ValidityDetail } from '../../../src/widgets/common/controls.ts';
import { SCHEMA } from '../../../src/widgets/moons-lab/state.ts';

/** A control in a document, with every al-validity event it dispatched recorded. */
function mounted(name: 'seed' | 'hidden' | 'batch' | 'data', value: number | string | number[]) {
  const onChange = vi.fn();
  const control = controlFor(`lab-${name}`, SCHEMA[name], value, onChange);
  document.body.replaceChildren(control.element);
  const events: boolean[] = [];
  document.body.addEventListener('al-validity', (event) => events.push((event as CustomEvent<ValidityDetail>).detail.valid));
  const type = (box: HTMLInputElement, text: string) => {
    box.value = text;
    box.dispatchEvent(new Event('change'));
  };
  return { control, onChange, events, type, boxes: () => [...control.element.querySelectorAll<HTMLInputElement>('input[type="number"]')] };
}

describe('the validity contract', () => {
  test('a number control is invalid while it shows a refused value, and valid after a good one or set()', () => {
    const { control, onChange, events, type, boxes } = mounted('seed', 42);
    const [box] = boxes();
    expect(control.valid).toBe(true);
    type(box, '7.5');
    expect(control.valid).toBe(false);
    expect(box.value).toBe('7.5');
    expect(control.element.querySelector('.al-control-error')!.textContent).toBe('"7.5" is not allowed (a whole number from 0 to 9999).');
    expect(onChange).not.toHaveBeenCalled();
    type(box, '7');
    expect(control.valid).toBe(true);
    expect(onChange).toHaveBeenCalledWith(7);
    type(box, '-1');
    control.set(42);
    expect(control.valid).toBe(true);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(events).toEqual([false, true, false, true]);
  });

  test('a list control is invalid while one of its boxes shows a refused value', () => {
    const { control, onChange, events, type, boxes } = mounted('hidden', [32, 16]);
    type(boxes()[1], '2.5');
    expect(control.valid).toBe(false);
    expect(control.element.querySelector('.al-control-error')!.textContent).toBe('Layer 2: "2.5" is not allowed (a whole number from 1 to 64).');
    type(boxes()[1], '8');
    expect(control.valid).toBe(true);
    expect(onChange).toHaveBeenCalledWith([32, 8]);
    expect(events).toEqual([false, true]);
  });

  test('a choice control is always valid', () => {
    expect(mounted('data', 'moons').control.valid).toBe(true);
  });
});

test('a slider move or typed value that gives the same value again is not reported', () => {
  const { onChange, type, boxes, control } = mounted('batch', 64);
  type(boxes()[0], '64');
  const slider = control.element.querySelector<HTMLInputElement>('input[type="range"]')!;
  slider.dispatchEvent(new Event('input'));
  expect(onChange).not.toHaveBeenCalled();
  slider.value = String(Number(slider.value) + 1);
  slider.dispatchEvent(new Event('input'));
  expect(onChange).toHaveBeenCalledTimes(1);
  expect(Number(onChange.mock.calls[0][0])).toBeGreaterThan(64);
});
