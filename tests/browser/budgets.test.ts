/**
 * Page budgets: every page of the built site, gzipped, under its limits (CONTRIBUTING.md, "Page
 * budgets"), measured by tests/browser/budgets.ts as a reader's Chromium loads the page. Also what
 * the measures stand for: KaTeX's CSS only where there are formulas, its fonts swapping in, one
 * banner landmark.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { builtPages } from './built-pages.ts';
import { kilobytes, measureSite, type PageWeight } from './budgets.ts';
import { openPage, useChromium } from './harness.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

/** Limits in KB (1,024 bytes) gzipped. */
interface Limits {
  html: number;
  css: number;
  scriptsBeforeWidgets: number;
  scriptsAllAwake: number;
}

/**
 * Every page's limits: HTML 60 KB, CSS 15 KB, scripts before any widget wakes 60 KB, and once
 * every widget has woken 180 KB (the chart chunk, Observable Plot, is 79 KB of it, the lab's
 * worker 27 KB). The largest pages now: lesson 2's HTML 59.7 KB, every lesson's CSS 12.9 KB.
 */
const LIMITS: Limits = { html: 60, css: 15, scriptsBeforeWidgets: 60, scriptsAllAwake: 180 };

/** Every page the site has; a new page must be added here. */
const PAGES = [
  '',
  'lessons/01-why-activation-functions/',
  'lessons/02-sigmoid-and-tanh/',
  'lessons/03-relu-family/',
  'lessons/04-softmax/',
  'lessons/05-what-a-loss-measures/',
  'lessons/06-regression-losses/',
  'lessons/07-classification-losses/',
  'lessons/08-pairing-activations-and-losses/',
  'lessons/09-lab-two-moons/',
  'reference/',
  'scratchpad/',
  'no-such-page/',
];

let weights: PageWeight[] = [];
beforeAll(async () => {
  weights = await measureSite(browser(), 'dist');
}, 60_000);

test('the budget lists every page the site builds', async () => {
  expect(await builtPages('dist')).toEqual(PAGES);
});

describe.each(PAGES)('page "/%s"', (path) => {
  test('is within its budget: HTML, CSS, scripts before any widget wakes and with every widget awake, gzipped', () => {
    const weight = weights.find((candidate) => candidate.path === path);
    expect(weight, 'measured').toBeDefined();
    const over = (['html', 'css', 'scriptsBeforeWidgets', 'scriptsAllAwake'] as const)
      .filter((measure) => weight![measure] > LIMITS[measure] * 1024)
      .map((measure) => `${measure} ${kilobytes(weight![measure])} KB over its limit of ${LIMITS[measure]} KB`);
    expect(over).toEqual([]);
  });
});

test('the charts load only when a widget wakes: a lesson with seven widgets loads over 80 KB more once they are awake', () => {
  const lesson = weights.find((weight) => weight.path === 'lessons/07-classification-losses/')!;
  expect(lesson.widgets).toBe(7);
  expect(lesson.scriptsAllAwake - lesson.scriptsBeforeWidgets).toBeGreaterThan(80 * 1024);
});

/** The page's formulas, the font the first is set in, KaTeX's font faces and how each is displayed, and its banner landmarks. */
async function katexFaces(path: string) {
  const { page } = await openPage(browser(), siteUrl + path);
  const banners = await page.getByRole('banner').count();
  const found = await page.evaluate(async () => {
    await document.fonts.ready;
    const formula = document.querySelector('.katex');
    return {
      formulas: document.querySelectorAll('.katex').length,
      font: formula ? getComputedStyle(formula).fontFamily : '',
      faces: [...document.fonts].filter((face) => face.family.includes('KaTeX')).map((face) => ({ family: face.family, display: face.display })),
    };
  });
  await page.context().close();
  return { ...found, banners };
}

test.each(['lessons/04-softmax/', 'reference/'])('"/%s" has formulas, KaTeX\'s fonts for them, each swapping in, and one banner', async (path) => {
  const { formulas, font, faces, banners } = await katexFaces(path);
  expect(formulas).toBeGreaterThan(0);
  expect(font).toMatch(/^KaTeX_Main/);
  expect(faces.length).toBeGreaterThan(10);
  expect(faces.filter((face) => face.display !== 'swap')).toEqual([]);
  expect(banners).toBe(1);
});

test.each(['', 'scratchpad/', 'no-such-page/'])('"/%s" has no formula and loads none of KaTeX\'s CSS, and has one banner', async (path) => {
  const { formulas, faces, banners } = await katexFaces(path);
  expect(formulas).toBe(0);
  expect(faces).toEqual([]);
  expect(banners).toBe(1);
});
