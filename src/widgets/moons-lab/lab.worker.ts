/** The lab's Web Worker: trains off the main thread, so the page only draws. */
import { messageScheduler } from '../common/session-host.ts';
import { createLabSession } from './session.ts';
import type { LabReport, LabRequest } from './protocol.ts';

const respond = createLabSession({
  post: (report: LabReport) => postMessage(report),
  schedule: messageScheduler(),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<LabRequest>) => respond(event.data));
