import { describe, expect, test } from 'vitest';
import { logStops, sliderScale, type RangeInput } from '../../../src/widgets/common/slider-scale.ts';
import { parseField } from '../../../src/widgets/common/state.ts';
import { SCHEMA as EXPLORER_SCHEMA } from '../../../src/widgets/network-explorer/state.ts';
import { SCHEMA } from '../../../src/widgets/moons-lab/state.ts';

/** A slider as a plain object, with the two key presses a reader uses most. */
function slider(): RangeInput & { press(key: 'ArrowRight' | 'ArrowLeft'): void } {
  return {
    min: '', max: '', step: '', value: '',
    press(key) {
      const next = Number(this.value) + (key === 'ArrowRight' ? Number(this.step) : -Number(this.step));
      this.value = String(Math.min(Number(this.max), Math.max(Number(this.min), next)));
    },
  };
}

describe.each([['learning rate', SCHEMA.lr], ['batch size', SCHEMA.batch]])('the %s slider', (_, field) => {
  const stops = logStops(field);

  test('has distinct, ascending, allowed stops from min to max exactly', () => {
    expect(stops[0]).toBe(field.min);
    expect(stops.at(-1)).toBe(field.max);
    for (let i = 1; i < stops.length; i++) expect(stops[i]).toBeGreaterThan(stops[i - 1]);
    for (const stop of stops) expect(parseField(field, String(stop))).toBe(stop);
    expect(stops).toContain(field.default);
  });

  test('moves to a new value on every key press, from one end to the other', () => {
    const scale = sliderScale(field);
    const input = slider();
    scale.place(input, field.min);
    const seen = [scale.read(input)];
    for (let press = 1; press < stops.length; press++) {
      input.press('ArrowRight');
      seen.push(scale.read(input));
    }
    expect(seen).toEqual(stops);
  });

  test('sits exactly on a value between stops, and moves on to its neighbours', () => {
    const scale = sliderScale(field);
    const input = slider();
    const between = field === SCHEMA.batch ? 128 : 0.0123;
    expect(stops).not.toContain(between);
    scale.place(input, between);
    expect(scale.read(input)).toBe(between);
    input.press('ArrowRight');
    expect(scale.read(input)).toBeGreaterThan(between);
    input.press('ArrowLeft');
    input.press('ArrowLeft');
    expect(scale.read(input)).toBeLessThan(between);
  });
});

test('batch sizes below 20 are each a stop of their own', () => {
  expect(logStops(SCHEMA.batch).slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
});

test('a linear slider moves in the field\'s steps and reads back grid values', () => {
  const scale = sliderScale(EXPLORER_SCHEMA.w1);
  const input = slider();
  scale.place(input, 0.3);
  expect(input).toMatchObject({ min: '-3', max: '3', step: '0.1', value: '0.3' });
  input.value = '0.30000000000000004';
  expect(scale.read(input)).toBe(0.3);
});
