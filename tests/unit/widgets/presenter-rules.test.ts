import { describe, expect, test } from 'vitest';
import { GENERIC_SHORTCUTS, asksToPresent, setupLink, shortcutList, withPresent } from '../../../src/widgets/common/presenter-rules.ts';

const page = { origin: 'https://example.org', pathname: '/course/lessons/02-sigmoid-and-tanh/', search: '?explorer.f1=tanh&depth.layers=10&teacher=1&present=depth' };

describe('the present= parameter', () => {
  test('names one widget; any other value, or none, asks for nothing', () => {
    expect(asksToPresent('?present=depth', 'depth')).toBe(true);
    expect(asksToPresent('?present=nonsense', 'depth')).toBe(false);
    expect(asksToPresent('?present=', 'depth')).toBe(false);
    expect(asksToPresent('?depth.present=depth', 'depth')).toBe(false);
    expect(asksToPresent('', 'depth')).toBe(false);
  });

  test('is set and removed without touching the widgets’ own parameters', () => {
    expect(withPresent('?explorer.f1=tanh', 'explorer')).toBe('?explorer.f1=tanh&present=explorer');
    expect(withPresent('?present=explorer&explorer.f1=tanh', null)).toBe('?explorer.f1=tanh');
    expect(withPresent('?present=explorer', null)).toBe('');
    expect(withPresent('?present=depth', 'explorer')).toBe('?present=explorer');
  });
});

describe('setupLink', () => {
  test('keeps only this widget’s parameters, with the anchor of its section', () => {
    expect(setupLink(page, 'explorer', false, 'see-it-for-yourself')).toBe(
      'https://example.org/course/lessons/02-sigmoid-and-tanh/?explorer.f1=tanh#see-it-for-yourself',
    );
  });

  test('says present= while the widget is presented, and nothing after the page without state or anchor', () => {
    expect(setupLink(page, 'depth', true, null)).toBe('https://example.org/course/lessons/02-sigmoid-and-tanh/?depth.layers=10&present=depth');
    expect(setupLink({ ...page, search: '' }, 'depth', false, null)).toBe('https://example.org/course/lessons/02-sigmoid-and-tanh/');
  });

  test('a widget whose id prefixes another’s takes only its own parameters', () => {
    expect(setupLink({ ...page, search: '?lab.lr=1&lab2.lr=3' }, 'lab', false, null)).toBe('https://example.org/course/lessons/02-sigmoid-and-tanh/?lab.lr=1');
  });
});

test('the keys list is the widget’s own keys, then Tab and Escape for every widget', () => {
  expect(shortcutList([])).toEqual(GENERIC_SHORTCUTS);
  expect(shortcutList([['R', 'resets']]).map(([keys]) => keys)).toEqual(['R', 'Tab', 'Escape']);
});
