import { expect, test } from 'vitest';
import { connectWorker } from '../../../src/widgets/common/worker-client.ts';

/** A stand-in for a Worker: an event target that records what it was sent. */
class FakeWorker extends EventTarget {
  sent: unknown[] = [];
  postMessage(message: unknown) {
    this.sent.push(message);
  }
}

test('a worker that cannot start is said so, in the widget’s words, and sending does nothing', () => {
  const said: string[] = [];
  const { started, send } = connectWorker<string, string>({
    create: () => {
      throw new Error('blocked');
    },
    receive: () => {},
    say: (message) => said.push(message),
    subject: 'The lab',
    figure: 'a run',
  });
  expect(started).toBe(false);
  expect(said).toEqual(['The lab cannot start a background worker here (Error: blocked), so it cannot train. The figure shows a run trained in advance.']);
  expect(() => send('play')).not.toThrow();
});

test('a started worker gets the requests, its reports reach the widget, and its failure is said', () => {
  const worker = new FakeWorker();
  const received: string[] = [];
  const said: string[] = [];
  const { started, send } = connectWorker<string, string>({
    create: () => worker as unknown as Worker,
    receive: (report) => received.push(report),
    say: (message) => said.push(message),
    subject: 'This widget',
    figure: 'the runs',
  });
  expect(started).toBe(true);
  send('start');
  expect(worker.sent).toEqual(['start']);
  worker.dispatchEvent(new MessageEvent('message', { data: 'progress' }));
  expect(received).toEqual(['progress']);
  const failure = Object.assign(new Event('error'), { message: 'out of memory' });
  worker.dispatchEvent(failure);
  expect(said).toEqual(['The training worker failed: out of memory. Reload the page to try again.']);
});
