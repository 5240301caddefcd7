/** The gradient-depth widget's Web Worker: trains both runs off the main thread, so the page only draws. */
import { messageScheduler } from '../common/session-host.ts';
import type { DepthReport, DepthRequest } from './protocol.ts';
import { createDepthSession } from './session.ts';

const respond = createDepthSession({
  post: (report: DepthReport) => postMessage(report),
  schedule: messageScheduler(),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<DepthRequest>) => respond(event.data));
