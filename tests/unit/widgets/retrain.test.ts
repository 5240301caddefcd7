// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { RETRAIN_ANNOUNCE_MS, RETRAIN_FAST_MS, formatRunTime, latestWins, retrainDefault, retrainHint, retrainSetting, settledAnnouncer, type RetrainClock } from '../../../src/widgets/common/retrain.ts';

/** A clock the test moves by hand, with timers that fire when it passes them. */
function manualClock() {
  let time = 0;
  let next = 1;
  const timers = new Map<number, { at: number; work: () => void }>();
  const clock: RetrainClock = {
    now: () => time,
    setTimer: (work, ms) => {
      timers.set(next, { at: time + ms, work });
      return next++;
    },
    clearTimer: (handle) => void timers.delete(handle),
  };
  const advance = (ms: number) => {
    time += ms;
    for (const [handle, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= time && timers.delete(handle)) timer.work();
    }
  };
  return { clock, advance, pending: () => timers.size };
}

describe('latest-wins scheduling', () => {
  test('starts at once when idle; while a run is in flight only the newest change waits, and it starts when the run finishes', () => {
    const { clock, advance } = manualClock();
    const started: number[] = [];
    const runs = latestWins<number>((config) => started.push(config), 500, clock);
    runs.request(1);
    expect(started).toEqual([1]);
    expect(runs.busy).toBe(true);
    for (const config of [2, 3, 4, 5]) {
      advance(20);
      runs.request(config);
    }
    // Nothing stale was started: 2, 3 and 4 were replaced while they waited.
    expect(started).toEqual([1]);
    expect(runs.waiting).toBe(true);
    runs.finished();
    expect(started).toEqual([1, 5]);
    expect(runs.waiting).toBe(false);
    runs.finished();
    expect(runs.busy).toBe(false);
    runs.request(6);
    expect(started).toEqual([1, 5, 6]);
  });

  test('a run in flight longer than the patience is given up for the waiting change, by timer or at the next change', () => {
    const { clock, advance, pending } = manualClock();
    const started: string[] = [];
    const runs = latestWins<string>((config) => started.push(config), 500, clock);
    runs.request('slow');
    advance(100);
    runs.request('next');
    advance(399);
    expect(started).toEqual(['slow']);
    advance(1);
    expect(started).toEqual(['slow', 'next']);
    expect(pending()).toBe(0);
    // A change arriving after the patience has run out starts at once.
    advance(600);
    runs.request('late');
    expect(started).toEqual(['slow', 'next', 'late']);
  });

  test('a run that finishes first clears the patience timer; cancel drops the waiting change', () => {
    const { clock, advance, pending } = manualClock();
    const started: number[] = [];
    const runs = latestWins<number>((config) => started.push(config), 500, clock);
    runs.request(1);
    runs.request(2);
    expect(pending()).toBe(1);
    advance(100);
    runs.finished();
    expect(started).toEqual([1, 2]);
    expect(pending()).toBe(0);
    runs.request(3);
    runs.cancel();
    expect([runs.busy, runs.waiting, pending()]).toEqual([false, false, 0]);
    advance(1000);
    expect(started).toEqual([1, 2]);
  });
});

describe('settled announcements', () => {
  test('a result is announced once the reader has stopped changing things for the quiet time, and only the latest', () => {
    const { clock, advance } = manualClock();
    const said: string[] = [];
    const results = settledAnnouncer((message) => said.push(message), RETRAIN_ANNOUNCE_MS, clock);
    results.changed();
    results.result('run 1');
    advance(600);
    results.changed();
    advance(600);
    results.result('run 2');
    advance(999);
    expect(said).toEqual([]);
    advance(1);
    expect(said).toEqual(['run 2']);
    results.changed();
    advance(5000);
    expect(said).toEqual(['run 2']);
  });
});

describe('the default and its hint', () => {
  test('on at or under the threshold, off above it and before any run', () => {
    expect(retrainDefault(null)).toBe(false);
    expect(retrainDefault(RETRAIN_FAST_MS)).toBe(true);
    expect(retrainDefault(RETRAIN_FAST_MS + 1)).toBe(false);
    expect(formatRunTime(212)).toBe('0.2 s');
    expect(formatRunTime(12)).toBe('0.1 s');
    expect(formatRunTime(1430)).toBe('1.4 s');
    expect(formatRunTime(12_400)).toBe('12 s');
    expect(retrainHint(212, true)).toBe('A full run takes about 0.2 s here.');
    expect(retrainHint(1430, false)).toBe('Off: a full run takes 1.4 s on this device.');
    expect(retrainHint(1430, true)).toBe('On, though a full run takes 1.4 s on this device, so results arrive late.');
    expect(retrainHint(null, false)).toMatch(/^Off until a first full run/);
  });
});

describe('the checkbox', () => {
  const memory = (entries: Record<string, string> = {}) => ({
    getItem: (key: string) => entries[key] ?? null,
    setItem: (key: string, value: string) => void (entries[key] = value),
    entries,
  });

  test('follows measured runs until the reader chooses, then keeps their choice', () => {
    const onToggle = vi.fn();
    const storage = memory();
    const setting = retrainSetting({ id: 'lab-retrain', onToggle, storageKey: 'al-retrain-ms:lab', storage });
    document.body.replaceChildren(setting.element);
    const box = document.querySelector<HTMLInputElement>('#lab-retrain')!;
    expect(box.labels?.[0].textContent).toBe(' Retrain on every change');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Off until/);
    expect(setting.on).toBe(false);
    setting.measured(300);
    expect([setting.on, box.checked]).toEqual([true, true]);
    expect(onToggle).toHaveBeenLastCalledWith(true);
    expect(storage.entries['al-retrain-ms:lab']).toBe('300');
    setting.measured(1400);
    expect(setting.on).toBe(false);
    expect(setting.element.textContent).toContain('Off: a full run takes 1.4 s on this device.');
    box.click();
    expect(setting.on).toBe(true);
    expect(onToggle).toHaveBeenLastCalledWith(true);
    onToggle.mockClear();
    setting.measured(2000);
    expect(setting.on).toBe(true);
    expect(onToggle).not.toHaveBeenCalled();
  });

  test('a time remembered from an earlier visit sets the default at once; broken storage is no error', () => {
    const remembered = retrainSetting({ id: 'a', onToggle: () => {}, storageKey: 'k', storage: memory({ k: '250' }) });
    expect(remembered.on).toBe(true);
    expect(remembered.element.textContent).toContain('about 0.3 s here');
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    const without = retrainSetting({ id: 'b', onToggle: () => {}, storageKey: 'k', storage: throwing });
    expect(without.on).toBe(false);
    expect(() => without.measured(100)).not.toThrow();
    expect(without.on).toBe(true);
  });
});
