import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createEditStore, editKey, MAX_SAVED_CHARACTERS } from '../../../src/cells/storage.ts';

/** A Map behind the Storage methods the store uses. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('a cell’s saved edit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('is saved once typing pauses, under al-cell:<lesson>/<id>', () => {
    const storage = memoryStorage();
    const store = createEditStore('01-why', 'collapse', 'show(1);', storage);
    store.save('show(2');
    store.save('show(2);');
    expect(storage.getItem(editKey('01-why', 'collapse'))).toBeNull();
    vi.advanceTimersByTime(400);
    expect(storage.getItem('al-cell:01-why/collapse')).toBe('show(2);');
    expect(store.read()).toBe('show(2);');
  });

  test('typing the lesson’s code back, or forgetting, removes it; flush writes at once', () => {
    const storage = memoryStorage();
    const store = createEditStore('01-why', 'collapse', 'show(1);', storage);
    store.save('show(3);');
    store.flush();
    expect(store.read()).toBe('show(3);');
    store.save('show(1);');
    vi.advanceTimersByTime(400);
    expect(store.read()).toBeUndefined();
    store.save('show(4);');
    store.forget();
    vi.advanceTimersByTime(1000);
    expect(storage.length).toBe(0);
  });

  test('storage that throws leaves the page working', () => {
    const broken = { ...memoryStorage(), getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } } as Storage;
    const store = createEditStore('l', 'c', 'x', broken);
    expect(store.read()).toBeUndefined();
    store.save('y');
    expect(() => vi.advanceTimersByTime(400)).not.toThrow();
  });

  test(`keeps code up to ${MAX_SAVED_CHARACTERS} characters; longer code is never written, and save says so`, () => {
    const storage = memoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const store = createEditStore('l', 'c', 'x', storage);
    expect(MAX_SAVED_CHARACTERS).toBe(100_000);
    expect(store.save('a'.repeat(MAX_SAVED_CHARACTERS))).toBe(true);
    store.flush();
    expect(store.read()).toHaveLength(MAX_SAVED_CHARACTERS);
    // A paste of a megabyte: no synchronous write of it, and the last edit that fitted stays.
    expect(store.save('b'.repeat(1_100_000))).toBe(false);
    vi.advanceTimersByTime(1000);
    store.flush();
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(store.read()).toBe('a'.repeat(MAX_SAVED_CHARACTERS));
    expect(store.save('short')).toBe(true);
    store.flush();
    expect(store.read()).toBe('short');
  });
});
