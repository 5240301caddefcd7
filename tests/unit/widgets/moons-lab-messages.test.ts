import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { failedRunWarning, stopMessage } from '../../../src/widgets/moons-lab/messages.ts';
import { SCHEMA } from '../../../src/widgets/moons-lab/state.ts';
import { entriesNote, gradientSummary, gradientVerdict } from '../../../src/widgets/moons-lab/panels.ts';
import { INVALID_SETTING, toolbarState, type RunView } from '../../../src/widgets/moons-lab/toolbar.ts';

const state = defaultState(SCHEMA);

describe("the lab's messages", () => {
  test('counts epochs in the singular and plural', () => {
    expect(stopMessage('completed', 1, state, 0)).toBe('Finished 1 epoch.');
    expect(stopMessage('completed', 300, state, 0)).toBe('Finished 300 epochs.');
  });

  test('a dead-unit stop names the activation, and calls only ReLUs dead', () => {
    expect(stopMessage('dead', 3, { ...state, lr: 10 }, 2)).toMatch(/hidden layer 2 .*\(dead ReLUs\)\. A learning rate of 10 .*try 0\.5/);
    const swish = stopMessage('dead', 116, { ...state, activation: 'swish', lr: 10 }, 3);
    expect(swish).toMatch(/\(Swish units saturated in the flat tail where output and slope are 0\)/);
    expect(swish).not.toMatch(/ReLU|dead/);
  });

  test('a finished run at chance accuracy is warned about; the advice fits the learning rate', () => {
    const point = { epoch: 1, trainLoss: 0.69, trainAccuracy: 0.5, validationLoss: 0.69, validationAccuracy: 0.5 };
    expect(failedRunWarning(point, 0.7, { ...state, lr: 0.0001 })).toMatch(/accuracy ended at 50\.0%, what guessing gives.*Train for more epochs/);
    expect(failedRunWarning(point, 0.7, { ...state, lr: 3 })).toMatch(/Lower the learning rate \(try 0\.1\)/);
    expect(failedRunWarning({ ...point, validationAccuracy: 0.9, validationLoss: 0.3 }, 0.7, state)).toBeNull();
  });
});

describe("the lab's toolbar", () => {
  const idle: RunView = { running: false, epoch: 0, stopReason: null, checking: false, blocked: null };
  test('a refused setting turns off everything that trains or checks', () => {
    expect(toolbarState({ ...idle, epoch: 5, stopReason: 'paused', blocked: INVALID_SETTING })).toEqual({
      playLabel: 'Resume', playDisabled: true, stepDisabled: true, evaluateDisabled: true, gradientsDisabled: true,
    });
  });

  test('a run that becomes blocked can still be paused, and says Pause, until the pause lands', () => {
    expect(toolbarState({ ...idle, running: true, epoch: 200, blocked: INVALID_SETTING })).toMatchObject({ playLabel: 'Pause', playDisabled: false, stepDisabled: true });
  });

  test('a check under way cannot be asked for twice; a diverged run cannot be evaluated', () => {
    expect(toolbarState({ ...idle, checking: true })).toMatchObject({ playDisabled: false, gradientsDisabled: true });
    expect(toolbarState({ ...idle, epoch: 3, stopReason: 'diverged' })).toMatchObject({ playLabel: 'Train', playDisabled: true, evaluateDisabled: true, gradientsDisabled: false });
  });
});

describe("the gradient table's words", () => {
  const layer = { parameterCount: 4160, checked: 254, kinkCrossings: 2, unresolved: 0, correct: { relativeError: 1e-9, absoluteError: 1e-11, scale: 0.1 }, article: { relativeError: 0.6, absoluteError: 0.01, scale: 0.05 } };
  test('says how many entries of how many were compared, and how many crossed a kink', () => {
    expect(entriesNote(layer)).toBe('256 of 4,160 (a sample); 2 entries crossed a kink and were left out');
    expect(entriesNote({ ...layer, parameterCount: 96, checked: 95, kinkCrossings: 1 })).toBe('all 96; 1 entry crossed a kink and was left out');
    expect(entriesNote({ ...layer, parameterCount: 9, checked: 9, kinkCrossings: 0 })).toBe('all 9');
    expect(entriesNote({ ...layer, parameterCount: 9, checked: 0, kinkCrossings: 0, unresolved: 9 })).toBe('all 9; 9 entries too large for a nudge of 1e-6 to register, left out');
  });

  test('a vanishing gradient is too small to judge, not wrong; an empty comparison says so', () => {
    expect(gradientVerdict(layer.correct, 254)).toBe('agrees');
    expect(gradientVerdict(layer.article, 254)).toBe('wrong');
    expect(gradientVerdict({ relativeError: 0.3, absoluteError: 2e-9, scale: 1e-8 }, 10)).toBe('too small to judge');
    expect(gradientVerdict({ relativeError: 0, absoluteError: 0, scale: 0 }, 0)).toBe('nothing compared');
    // Dead or saturated layers: both gradients vanish, so even the article's pass "agrees".
    expect(gradientVerdict({ relativeError: 0, absoluteError: 0, scale: 0 }, 96)).toBe('too small to judge');
    expect(gradientSummary(null)).toMatch(/^The gradients cannot be computed: the weights are no longer finite numbers/);
    expect(gradientSummary(null, 4e21)).toMatch(/^The gradients cannot be checked: the weights have grown to about 4e\+21, so a nudge of 1e-6 is lost in rounding/);
    expect(gradientSummary([layer])).toBe("Gradient check: largest relative error 1.0e-9 for the corrected pass, 6.0e-1 for the article's. 2 entries crossed a kink and were left out.");
  });
});
