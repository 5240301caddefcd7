/**
 * Lesson 8's pairing labs as a reader sees them. So far the widget is its build-time figure
 * only (the live <al-pairing-lab> view is not built yet): both runs' finals, the refusal, no
 * NaN, and no serious accessibility violations in light and dark, with and without JavaScript.
 */
import { expect, inject, test } from 'vitest';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const browser = useChromium();
const lessonUrl = () => `${inject('siteUrl')}lessons/08-pairing-activations-and-losses/`;
const figure = (key: string) => `figure.al-pairing-figure[data-key="${key}"]`;

test('without JavaScript the softmax figure shows both finals, A above B; the refused one shows its message and no NaN', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl(), { javaScriptEnabled: false });
  const rows = await page.locator(`${figure('softmax')} tbody tr`).allInnerTexts();
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatch(/^A: softmax \+ categorical cross-entropy/);
  expect(rows[1]).toMatch(/^B: softmax \+ MSE/);
  const accuracy = (row: string) => Number(/([\d.]+)%/.exec(row)![1]);
  expect(accuracy(rows[0])).toBe(100);
  expect(accuracy(rows[1])).toBe(82.2);
  const refused = await page.locator(figure('refused')).innerText();
  expect(refused).toMatch(/refused/);
  expect(refused).toMatch(/BCEWithLogitsLoss/);
  for (const key of ['softmax', 'sigmoid', 'regression', 'double', 'multilabel', 'refused']) {
    expect(await page.locator(figure(key)).innerText()).not.toMatch(/NaN|Infinity|null/);
  }
  expect(problems).toEqual([]);
});

test.each(['light', 'dark'] as const)('no serious accessibility violations in %s', async (colorScheme) => {
  const { page, problems } = await openPage(browser(), lessonUrl(), { colorScheme });
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
