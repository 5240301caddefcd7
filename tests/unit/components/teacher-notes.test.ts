import { expect, test } from 'vitest';
import { readTeacherNotes, saveTeacherNotes, teacherSettingFromQuery } from '../../../src/components/site/teacher-notes.ts';

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { items: Record<string, string> } {
  const items = { ...initial };
  return { items, getItem: (key) => items[key] ?? null, setItem: (key, value) => void (items[key] = value) };
}

test('?teacher=1 and ?teacher=0 are read from the query; anything else is no request', () => {
  expect(teacherSettingFromQuery('?teacher=1')).toBe(true);
  expect(teacherSettingFromQuery('?explorer.f=step&teacher=0')).toBe(false);
  expect(teacherSettingFromQuery('?teacher=yes')).toBeNull();
  expect(teacherSettingFromQuery('')).toBeNull();
});

test('the address wins over the saved choice, which wins over the default (off)', () => {
  expect(readTeacherNotes('', memoryStorage())).toBe(false);
  expect(readTeacherNotes('', memoryStorage({ 'al-teacher-notes': 'on' }))).toBe(true);
  expect(readTeacherNotes('?teacher=0', memoryStorage({ 'al-teacher-notes': 'on' }))).toBe(false);
  expect(readTeacherNotes('?teacher=1', undefined)).toBe(true);
});

test('unavailable storage means off, and saving without it does not throw', () => {
  const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
  expect(readTeacherNotes('', broken)).toBe(false);
  expect(() => saveTeacherNotes(true, broken)).not.toThrow();
  const storage = memoryStorage();
  saveTeacherNotes(true, storage);
  expect(storage.items['al-teacher-notes']).toBe('on');
});
