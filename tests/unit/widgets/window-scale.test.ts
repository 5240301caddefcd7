import { describe, expect, test } from 'vitest';
import { numberField } from '../../../src/widgets/common/state.ts';
import { windowScale, type RangeInput } from '../../../src/widgets/common/slider-scale.ts';

const field = numberField('Logit', -1000, 1000, 0.01, 2);

describe('a slider over part of a field (windowScale)', () => {
  test('moves over its window in its own step, and reads back grid values', () => {
    const slider: RangeInput = { min: '', max: '', step: '', value: '' };
    const scale = windowScale(field, -10, 10, 0.1);
    scale.place(slider, 2);
    expect(slider).toEqual({ min: '-10', max: '10', step: '0.1', value: '2' });
    slider.value = '2.3000000000000003';
    expect(scale.read(slider)).toBe(2.3);
  });

  test('puts a value outside the window at the nearer end', () => {
    const slider: RangeInput = { min: '', max: '', step: '', value: '' };
    const scale = windowScale(field, -10, 10, 0.1);
    scale.place(slider, 1000);
    expect(slider.value).toBe('10');
    scale.place(slider, -750.5);
    expect(slider.value).toBe('-10');
  });
});
