/** The dying-ReLU session in Node: a queue for a scheduler, a clock that advances 1 ms per reading, and the reports it posted. */
import type { DyingReport, DyingRequest } from '../../../../src/widgets/dying-relu/protocol.ts';
import { createDyingSession } from '../../../../src/widgets/dying-relu/session.ts';

/** A request without its run id: the harness adds the current one (each start begins the next). */
type Request = DyingRequest extends infer R ? (R extends DyingRequest ? Omit<R, 'run'> : never) : never;

/** A session with a queue for a scheduler and a clock that advances 1 ms per reading. */
export function harness() {
  const reports: DyingReport[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  let run = 0;
  const respond = createDyingSession({ post: (report) => reports.push(report), schedule: (work) => queue.push(work), now: () => clock++ });
  const runQueue = (limit = 10_000) => {
    for (let i = 0; i < limit && queue.length > 0; i++) queue.shift()!();
  };
  const progress = () => reports.filter((report): report is Extract<DyingReport, { type: 'progress' }> => report.type === 'progress');
  const send = (request: Request, forRun?: number) => {
    if (request.type === 'start') run++;
    respond({ ...request, run: forRun ?? run } as DyingRequest);
  };
  return { send, reports, runQueue, queue, progress, run: () => run };
}
