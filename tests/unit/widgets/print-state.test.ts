// @vitest-environment jsdom
/** How a woken widget prints: its build-time figure while untouched, as it stands once changed. */
import { afterEach, expect, test } from 'vitest';
import { settingsText, watchForPrint } from '../../../src/widgets/common/print-state.ts';

const CONTROLS = `
  <div class="al-control"><label for="k-f">Activation</label><div class="al-control-inputs"><select id="k-f"><option value="relu">ReLU</option><option value="tanh" selected>tanh</option></select></div></div>
  <div class="al-control"><label for="k-w">Weight</label><div class="al-control-inputs"><input type="range" id="k-w"><input type="number" value="1.50"></div></div>
  <fieldset class="al-control al-list-control"><legend>Hidden layers</legend><ol><li><input type="text" value="32"></li><li><input type="text" value="16"></li></ol></fieldset>`;

/** A host as defineLazyWidget leaves it: the view mounted in place of the build-time figure. */
function mounted(address: string): HTMLElement {
  history.replaceState(null, '', `/lesson/${address}`);
  document.body.innerHTML = `<al-thing data-key="k" data-defaults="?k.f=tanh&amp;k.w=1.5"><div class="al-static"><svg id="shared"><clipPath id="clip"></clipPath><g clip-path="url(#clip)"></g></svg></div></al-thing>`;
  const host = document.querySelector<HTMLElement>('al-thing')!;
  const still = [...host.childNodes];
  host.innerHTML = `<div class="al-widget-body">${CONTROLS}<svg id="shared"></svg><button type="button">Train</button></div>`;
  watchForPrint(host, still);
  return host;
}

/** What a print would do to the host: beforeprint, and afterprint once `look` has looked. */
function printing<T>(host: HTMLElement, look: () => T): T {
  dispatchEvent(new Event('beforeprint'));
  const seen = look();
  dispatchEvent(new Event('afterprint'));
  expect(host.dataset.printAs).toBeUndefined();
  expect(host.querySelector('.al-print-still, .al-print-settings')).toBeNull();
  return seen;
}

afterEach(() => history.replaceState(null, '', '/'));

test('untouched, with no address or the lesson’s own, it prints its build-time figure, there only while printing', () => {
  for (const address of ['', '?k.w=1.5&k.f=tanh', '?other.w=3']) {
    const host = mounted(address);
    expect(host.querySelector('.al-print-still')).toBeNull();
    printing(host, () => {
      expect(host.dataset.printAs).toBe('still');
      expect(host.querySelector('.al-print-still .al-static')).not.toBeNull();
      expect(host.querySelector('.al-print-settings')).toBeNull();
    });
  }
});

test('an address that differs from the lesson’s values, or any work on a control or button, prints it live with its settings', () => {
  const linked = mounted('?k.w=2');
  printing(linked, () => expect(linked.dataset.printAs).toBe('live'));
  const host = mounted('');
  host.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  const line = printing(host, () => {
    expect(host.dataset.printAs).toBe('live');
    expect(host.querySelector('.al-print-still')).toBeNull();
    return host.querySelector('.al-print-settings')!.textContent;
  });
  expect(line).toBe('Settings: Activation: tanh; Weight: 1.50; Hidden layers: 32-16.');
  const typed = mounted('');
  typed.querySelector('select')!.dispatchEvent(new Event('change', { bubbles: true }));
  printing(typed, () => expect(typed.dataset.printAs).toBe('live'));
});

test('moving focus with Tab changes nothing', () => {
  const host = mounted('');
  host.querySelector('select')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
  printing(host, () => expect(host.dataset.printAs).toBe('still'));
});

test('an id the live view also uses is renamed in the kept figure, and its references follow', () => {
  const host = mounted('');
  printing(host, () => {
    const kept = host.querySelector('.al-print-still')!;
    expect(kept.querySelector('svg')!.id).toBe('shared-still');
    // Unique ids keep their names.
    expect(kept.querySelector('clipPath')!.id).toBe('clip');
    expect(kept.querySelector('g')!.getAttribute('clip-path')).toBe('url(#clip)');
    expect(document.querySelectorAll('#shared')).toHaveLength(1);
  });
});

test('a widget without controls has no settings line', () => {
  document.body.innerHTML = '<div><p>no controls</p></div>';
  expect(settingsText(document.body)).toBe('');
});
