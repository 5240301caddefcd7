/** The pairing lab's Web Worker: trains both runs off the main thread, so the page only draws. */
import { messageScheduler } from '../common/session-host.ts';
import { createPairingSession } from './session.ts';
import type { PairingReport, PairingRequest } from './protocol.ts';

const respond = createPairingSession({
  post: (report: PairingReport) => postMessage(report),
  schedule: messageScheduler(),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<PairingRequest>) => respond(event.data));
