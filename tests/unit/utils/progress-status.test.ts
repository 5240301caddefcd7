import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../../../src/utils/progress.ts';
import { countsText, lessonCounts, lessonStatus, mergeProgress, parseProgressFile, serialiseProgress } from '../../../src/utils/progress-status.ts';

const SLUGS = ['01-intro', '02-depth'];
const AT = '2026-01-01T00:00:00.000Z';

describe('lessonStatus and counts', () => {
  it('is not started, in progress once opened or answered, read when read', () => {
    const record = emptyRecord();
    expect(lessonStatus(record, '01-intro')).toBe('not-started');
    record.answers['01-intro/q1'] = { answer: ['a'], correct: true, at: AT };
    expect(lessonStatus(record, '01-intro')).toBe('in-progress');
    record.lessons['02-depth'] = { opened: AT, read: false };
    expect(lessonStatus(record, '02-depth')).toBe('in-progress');
    record.lessons['02-depth'].read = true;
    expect(lessonStatus(record, '02-depth')).toBe('read');
  });

  it('counts only correct answers and the lesson’s own keys', () => {
    const record = emptyRecord();
    record.answers['01-intro/q1'] = { answer: ['a'], correct: true, at: AT };
    record.answers['01-intro/q2'] = { answer: ['b'], correct: false, at: AT };
    record.answers['01-intro-x/q1'] = { answer: ['a'], correct: true, at: AT };
    record.exercises['01-intro/c1'] = { passed: true, at: AT };
    expect(lessonCounts(record, '01-intro')).toEqual({ checks: 1, cells: 1 });
    expect(countsText({ checks: 1, cells: 1 }, { checks: 5, cells: 1 })).toBe('1 of 5 self-checks, 1 of 1 graded cell');
    expect(countsText({ checks: 0, cells: 0 }, { checks: 0, cells: 0 })).toBe('');
  });
});

describe('parseProgressFile', () => {
  it('round-trips an export', () => {
    const record = emptyRecord();
    record.lessons['01-intro'] = { opened: AT, read: true, heading: 'summary' };
    record.last = '01-intro';
    const result = parseProgressFile(serialiseProgress(record), SLUGS);
    expect(result).toEqual({ ok: true, record });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['foreign JSON', '{"version":1,"lessons":{}}', /not a progress file from this course/],
    ['an array', '[1,2]', /not a progress file/],
    ['a newer version', '{"format":"activation-loss-progress","version":2}', /newer version/],
    ['an unknown lesson', '{"format":"activation-loss-progress","version":1,"lessons":{"99-x":{"opened":"t","read":true}},"answers":{},"exercises":{}}', /99-x/],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parseProgressFile(text, SLUGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('drops entries of the wrong shape', () => {
    const text = JSON.stringify({ format: 'activation-loss-progress', version: 1, lessons: { '01-intro': { read: 'yes' } }, answers: { '01-intro/q': 3 }, exercises: {} });
    expect(parseProgressFile(text, SLUGS)).toEqual({ ok: true, record: emptyRecord() });
  });
});

describe('mergeProgress', () => {
  it('keeps what was saved, adds what came in, read wins, the later answer wins', () => {
    const saved = emptyRecord();
    saved.lessons['01-intro'] = { opened: AT, read: false };
    saved.answers['01-intro/q1'] = { answer: ['a'], correct: false, at: AT };
    saved.last = '01-intro';
    const incoming = emptyRecord();
    incoming.lessons['01-intro'] = { opened: AT, read: true };
    incoming.lessons['02-depth'] = { opened: AT, read: false };
    incoming.answers['01-intro/q1'] = { answer: ['b'], correct: true, at: '2026-02-01T00:00:00.000Z' };
    incoming.exercises['02-depth/c'] = { passed: true, at: AT };
    const merged = mergeProgress(saved, incoming);
    expect(lessonStatus(merged, '01-intro')).toBe('read');
    expect(lessonStatus(merged, '02-depth')).toBe('in-progress');
    expect(merged.answers['01-intro/q1'].correct).toBe(true);
    expect(merged.exercises['02-depth/c']).toBeDefined();
    expect(merged.last).toBe('01-intro');
  });
});
