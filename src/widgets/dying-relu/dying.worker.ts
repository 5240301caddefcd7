/** The dying-ReLU widget's Web Worker: trains both runs off the main thread, so the page only draws. */
import { messageScheduler } from '../common/session-host.ts';
import { createDyingSession } from './session.ts';
import type { DyingReport, DyingRequest } from './protocol.ts';

const respond = createDyingSession({
  post: (report: DyingReport) => postMessage(report),
  schedule: messageScheduler(),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<DyingRequest>) => respond(event.data));
