/** The gradient-depth widget's Web Worker: trains both runs off the main thread, so the page only draws. */
import type { DepthReport, DepthRequest } from './protocol.ts';
import { createDepthSession } from './session.ts';

const respond = createDepthSession({
  post: (report: DepthReport) => postMessage(report),
  schedule: (work) => setTimeout(work, 0),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<DepthRequest>) => respond(event.data));
