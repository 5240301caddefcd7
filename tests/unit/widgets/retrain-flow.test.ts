// @vitest-environment jsdom
/** The page side of "Retrain on every change" (common/retrain-flow.ts), with the page's timers faked. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RETRAIN_ANNOUNCE_MS } from '../../../src/widgets/common/retrain.ts';
import { retrainFlow, type RetrainFlowOptions } from '../../../src/widgets/common/retrain-flow.ts';

/** A widget's side of the flow: what it was asked to do, and its controls' configuration. */
function widget(refused = false, more: Partial<RetrainFlowOptions<number>> = {}) {
  const place = document.createElement('div');
  const live = document.createElement('p');
  document.body.replaceChildren(place, live);
  const calls: string[] = [];
  const shown = { ended: false, refused, config: 0 };
  const flow = retrainFlow<number>({
    id: 'w-retrain',
    storageKey: 'al-retrain-ms:test',
    place,
    live,
    current: () => shown.config,
    adopt: (config) => void (shown.config = config),
    retrain: (config) => calls.push(`retrain ${config}`),
    fresh: (config) => calls.push(`fresh ${config}`),
    refused: () => shown.refused,
    ended: () => shown.ended,
    ...more,
  });
  const box = place.querySelector<HTMLInputElement>('#w-retrain')!;
  return { flow, calls, shown, box, live };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'queueMicrotask'] });
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe('retrainFlow', () => {
  test('off: every change is a fresh run, as without the setting', () => {
    const { flow, calls, shown } = widget();
    flow.changed(3);
    flow.changed(4);
    expect(calls).toEqual(['fresh 3', 'fresh 4']);
    expect(shown.config).toBe(4);
    expect(flow.pending).toBe(false);
  });

  test('on: rapid changes start the first at once and only the last after it; its words are announced once the reader pauses', () => {
    const { flow, calls, box, live } = widget();
    box.click();
    // Switched on over an untrained run: the controls' configuration is retrained.
    expect(calls).toEqual(['retrain 0']);
    for (const config of [1, 2, 3]) {
      vi.advanceTimersByTime(30);
      flow.changed(config);
    }
    expect(calls).toEqual(['retrain 0']);
    expect([flow.retraining, flow.pending, flow.sent]).toEqual([true, true, 0]);
    flow.runEnded('Retrained: 0', true);
    expect(calls).toEqual(['retrain 0', 'retrain 3']);
    expect(flow.sent).toBe(3);
    vi.advanceTimersByTime(RETRAIN_ANNOUNCE_MS - 1);
    expect(live.textContent).toBe('');
    flow.runEnded('Retrained: 3', true);
    expect(flow.pending).toBe(false);
    // The later result replaces the earlier one, which was never said.
    vi.advanceTimersByTime(RETRAIN_ANNOUNCE_MS - 1);
    expect(live.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(live.textContent).toBe('Retrained: 3');
  });

  test('a refused value retrains nothing; off while a retrain is on its way starts the controls’ run fresh', () => {
    const { flow, calls, shown, box } = widget();
    shown.ended = true;
    box.click();
    expect(calls).toEqual([]);
    shown.refused = true;
    flow.changed(5);
    expect(calls).toEqual(['fresh 5']);
    shown.refused = false;
    flow.changed(6);
    expect(calls).toEqual(['fresh 5', 'retrain 6']);
    box.click();
    expect(calls).toEqual(['fresh 5', 'retrain 6', 'fresh 6']);
    expect(flow.pending).toBe(false);
  });

  test('a full run’s time sets the default: fast turns it on, and it is remembered for the next visit', () => {
    const first = widget();
    expect(first.flow.on).toBe(false);
    first.flow.trainStarted(true);
    vi.advanceTimersByTime(200);
    first.flow.runEnded('', true);
    expect(first.flow.on).toBe(true);
    expect(localStorage.getItem('al-retrain-ms:test')).toBe('200');
    // A paused run says nothing about a full run's time.
    first.flow.trainStarted(true);
    first.flow.paused();
    vi.advanceTimersByTime(5000);
    first.flow.runEnded('', true);
    expect(first.flow.on).toBe(true);
    expect(widget().flow.on).toBe(true);
  });

  test('a run that ended early (diverged, refused) is not taken for a full run’s time', () => {
    const { flow } = widget();
    flow.trainStarted(true);
    vi.advanceTimersByTime(90);
    flow.runEnded('', false);
    expect(flow.on).toBe(false);
    expect(localStorage.getItem('al-retrain-ms:test')).toBeNull();
  });

  test('timeRetrains: false: a retrain’s time is not a full run’s, while a Train from epoch 0 still is', () => {
    const { flow, box } = widget(false, { timeRetrains: false });
    box.click();
    expect(flow.retraining).toBe(true);
    vi.advanceTimersByTime(200);
    flow.runEnded('Retrained.', true);
    expect(localStorage.getItem('al-retrain-ms:test')).toBeNull();
    flow.trainStarted(true);
    vi.advanceTimersByTime(300);
    flow.runEnded('', true);
    expect(localStorage.getItem('al-retrain-ms:test')).toBe('300');
    // By default a retrain is timed from when it is sent.
    localStorage.clear();
    const timed = widget();
    timed.box.click();
    vi.advanceTimersByTime(200);
    timed.flow.runEnded('Retrained.', true);
    expect(localStorage.getItem('al-retrain-ms:test')).toBe('200');
  });

  test('a retrain that ends in two steps: the preview starts the waiting retrain and is never announced; only a final result is, through say', () => {
    const said: string[] = [];
    const { flow, calls, box, live } = widget(false, { timeRetrains: false, say: (message) => said.push(message) });
    box.click();
    flow.changed(1);
    expect(calls).toEqual(['retrain 0']);
    // Retrain 0's preview: the waiting retrain starts at once, and retrain 0's final result will be dropped.
    flow.previewEnded();
    expect(calls).toEqual(['retrain 0', 'retrain 1']);
    expect([flow.retraining, flow.pending, flow.sent]).toEqual([true, true, 1]);
    flow.previewEnded();
    // Nothing waits, and the final result is still to come: the reports are still a retrain's, but none is on its way.
    expect([flow.retraining, flow.pending]).toEqual([true, false]);
    vi.advanceTimersByTime(5 * RETRAIN_ANNOUNCE_MS);
    expect(said).toEqual([]);
    flow.runEnded('Retrained: 1', true);
    expect(flow.retraining).toBe(false);
    vi.advanceTimersByTime(RETRAIN_ANNOUNCE_MS);
    expect(said).toEqual(['Retrained: 1']);
    expect(live.textContent).toBe('');
    // A change while a confirmation is on its way starts at once: nothing is in flight.
    flow.changed(2);
    flow.previewEnded();
    flow.changed(3);
    expect(calls).toEqual(['retrain 0', 'retrain 1', 'retrain 2', 'retrain 3']);
    // A preview of a run that is not a retrain is nothing.
    flow.cancel();
    flow.previewEnded();
    expect([flow.retraining, flow.pending]).toEqual([false, false]);
    expect(localStorage.getItem('al-retrain-ms:test')).toBeNull();
  });
});
