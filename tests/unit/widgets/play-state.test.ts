import { describe, expect, test } from 'vitest';
import { playState } from '../../../src/widgets/common/play-state.ts';

describe('playState', () => {
  test('Train counts as running at once, and a report sent before the play ("not running") is not a pause', () => {
    const play = playState();
    expect(play.running).toBe(false);
    play.trained();
    expect(play.running).toBe(true);
    // The worker's answer to the run's start, sent before it took the play.
    expect(play.reported(false, false)).toBe(true);
    expect(play.running).toBe(true);
    // The worker trains; later it says it stopped: that one is a pause (or an end).
    expect(play.reported(true, false)).toBe(true);
    expect(play.reported(false, false)).toBe(true);
    expect(play.running).toBe(false);
  });

  test('Pause pressed before the worker took the play: the next "not running" report is the pause', () => {
    const play = playState();
    play.trained();
    play.paused();
    expect(play.running).toBe(true);
    expect(play.reported(false, false)).toBe(true);
    expect(play.running).toBe(false);
  });

  test('a run that ended is not running, even if Train was pressed and no report said so', () => {
    const play = playState();
    play.trained();
    expect(play.reported(false, true)).toBe(true);
    expect(play.running).toBe(false);
    // Nothing asked any more: a later "not running" report is just that.
    expect(play.reported(false, false)).toBe(false);
  });

  test('stopped forgets a Train asked for: a new run or an error', () => {
    const play = playState();
    play.trained();
    play.stopped();
    expect(play.running).toBe(false);
    expect(play.reported(false, false)).toBe(false);
    expect(play.running).toBe(false);
  });

  test('without Train, reports alone say whether it runs', () => {
    const play = playState();
    expect(play.reported(true, false)).toBe(false);
    expect(play.running).toBe(true);
    expect(play.reported(false, false)).toBe(true);
    expect(play.running).toBe(false);
  });
});
