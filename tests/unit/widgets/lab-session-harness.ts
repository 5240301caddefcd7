/** The lab's training session in Node: a queue for a scheduler, a clock that advances `tick` ms (1 by default) per reading, and the reports it posted. */
import type { LabReport, LabRequest } from '../../../src/widgets/moons-lab/protocol.ts';
import { createLabSession } from '../../../src/widgets/moons-lab/session.ts';

/** A request without its run id: the harness adds the current one (each configure starts the next). */
type Request = LabRequest extends infer R ? (R extends LabRequest ? Omit<R, 'run'> : never) : never;

/** A session with a queue for a scheduler and a clock that advances `tick` ms per reading. */
export function harness(tick = 1) {
  const reports: LabReport[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  let run = 0;
  const respond = createLabSession({ post: (report) => reports.push(report), schedule: (work) => queue.push(work), now: () => (clock += tick) - tick });
  const runQueue = (limit = 10_000) => {
    for (let i = 0; i < limit && queue.length > 0; i++) queue.shift()!();
  };
  const of = <T extends LabReport['type']>(type: T) => reports.filter((report): report is Extract<LabReport, { type: T }> => report.type === type);
  const send = (request: Request, forRun?: number) => {
    if (request.type === 'configure') run++;
    respond({ ...request, run: forRun ?? run } as LabRequest);
  };
  return { send, reports, runQueue, queue, of, run: () => run, clock: () => clock };
}

