/**
 * What a training session that runs in a Web Worker (and in Node tests) needs from its host:
 * a way to post reports, to run work soon, and a clock. Sessions train in slices of about
 * SLICE_MS, so that pause and step requests are answered between slices.
 */

/** How a session reaches the outside world. */
export interface SessionHost<Report> {
  post(report: Report): void;
  /** Runs `work` soon, after pending requests have been handled (setTimeout in a worker). */
  schedule(work: () => void): void;
  now(): number;
}

/** Milliseconds of training per slice: about one frame's work. */
export const SLICE_MS = 30;
