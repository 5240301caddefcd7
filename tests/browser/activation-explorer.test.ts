import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const lessonUrl = `${inject('siteUrl')}lessons/02-sigmoid-and-tanh/`;
const WIDGET = 'al-activation-explorer[data-key="explorer"]';

const browser = useChromium();

/** Opens lesson 2, scrolls to the explorer and waits until it is live. */
async function openExplorer(query = '', colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser(), lessonUrl + query, { colorScheme });
  await opened.page.locator(WIDGET).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${WIDGET}[data-ready]`);
  return opened;
}

const within = (page: Page, selector: string) => page.locator(`${WIDGET} ${selector}`);
const probeBox = (page: Page) => within(page, 'input[aria-label="Probe z, exact value"]');
const functionSelect = (page: Page, slot: number) => within(page, `select#explorer-f${slot}`);

/** The probe table's body cells, row by row: name, f, f', central difference, difference. */
async function readoutCells(page: Page): Promise<string[][]> {
  return within(page, '.ae-readout tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

/** Asserts what a reader would never want to read anywhere in the widget. */
async function expectNoBrokenNumbers(page: Page): Promise<void> {
  const text = await page.locator(WIDGET).innerText();
  expect(text).not.toMatch(/NaN|undefined|Infinity|-0\.0+(?![0-9])/);
  const descriptions = await within(page, 'svg[role="img"]').evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-description') ?? ''));
  for (const description of descriptions) expect(description).not.toMatch(/NaN|undefined|Infinity/);
}

/** Presses Tab until `selector` inside the widget has focus, as a keyboard-only reader would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 300; presses++) {
    if (await page.evaluate((target) => document.activeElement?.matches(target) ?? false, `${WIDGET} ${selector}`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the live explorer replaces the still figure: three charts, legend, readout and the chosen formulas', async () => {
  const { page, problems } = await openExplorer();
  expect(await within(page, '.al-static').count()).toBe(0);
  expect(await within(page, '.al-chart svg[role="img"]').count()).toBe(3);
  expect(await within(page, '.ae-legend li').allTextContents()).toEqual(['Sigmoid (solid)', 'Tanh (dashed)']);
  expect((await readoutCells(page)).map((row) => row[0])).toEqual(['Sigmoid', 'Tanh']);
  expect(await within(page, '.ae-about [data-formula]').evaluateAll((blocks) => blocks.map((block) => (block as HTMLElement).dataset.formula))).toEqual(['sigmoid', 'tanh']);
  expect(await within(page, '.ae-about .katex').count()).toBe(4);
  // The formulas come typeset from the build: no KaTeX script is loaded.
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /katex[^/]*\.m?js/i.test(name)));
  expect(scripts).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('z = 1000 and z = -1000 typed in the probe box give finite readouts and a note that z is off the chart', async () => {
  const { page, problems } = await openExplorer();
  for (const z of ['1000', '-1000']) {
    await probeBox(page).fill(z);
    await probeBox(page).press('Enter');
    expect(await within(page, '.ae-readout caption').textContent()).toBe(`The probe at z = ${z}.00`);
    const rows = await readoutCells(page);
    expect(rows).toHaveLength(2);
    for (const row of rows) for (const cell of row.slice(1, 4)) expect(Number.isFinite(Number(cell)), `${row[0]}: ${cell}`).toBe(true);
    expect(await within(page, '.ae-window-note').textContent()).toContain('outside the plotted window');
    expect(await within(page, '.al-probe').count()).toBe(0);
    await expectNoBrokenNumbers(page);
    expect(new URL(page.url()).searchParams.get('explorer.z')).toBe(z);
  }
  // Sigmoid at -1000: f = 0 and f' underflows to 0, so the difference is given as absolute (or both 0).
  expect((await readoutCells(page))[0]).toEqual(['Sigmoid', '0', '0', '0', '0 (both are 0)']);
  await expect.poll(() => within(page, '[data-live]').textContent()).toContain('At z = -1000.00');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('keyboard only: a function changes with the arrow keys, then the probe slider moves with them', async () => {
  const { page, problems } = await openExplorer();
  await page.locator('body').focus();
  await tabTo(page, 'select#explorer-f1');
  await page.keyboard.press('ArrowDown'); // sigmoid → tanh
  await page.keyboard.press('ArrowDown'); // tanh → ReLU
  expect(await functionSelect(page, 1).inputValue()).toBe('relu');
  expect(await within(page, '.ae-legend li').first().textContent()).toBe('ReLU (solid)');
  expect((await readoutCells(page))[0][0]).toBe('ReLU');
  expect(await within(page, '.ae-about').first().getAttribute('data-about')).toBe('relu');
  expect(await within(page, '.ae-about [data-formula="relu"] .katex').count()).toBe(2);
  await tabTo(page, 'input[type="range"]#explorer-z');
  for (let i = 0; i < 200; i++) await page.keyboard.press('ArrowLeft');
  expect(await probeBox(page).inputValue()).toBe('0.00');
  // ReLU at its kink: the readout says so and names PyTorch's convention.
  expect(await within(page, '.ae-kink-notes').textContent()).toMatch(/ReLU: z = 0 is a kink.*ReLU'\(0\) = 0, as in PyTorch/);
  expect((await readoutCells(page))[0].slice(1, 3)).toEqual(['0', '0']);
  await page.keyboard.press('ArrowRight');
  expect(await probeBox(page).inputValue()).toBe('0.01');
  expect(await within(page, '.ae-kink-notes').count()).toBe(0);
  expect(new URL(page.url()).search).toBe('?explorer.f1=relu&explorer.z=0.01');
  await expectNoBrokenNumbers(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('an alpha shows only while its function is chosen; sigma only works with a chosen σ', async () => {
  const { page } = await openExplorer();
  const leaky = within(page, '#explorer-leakyAlpha');
  expect(await leaky.isVisible()).toBe(false);
  await functionSelect(page, 3).selectOption('leaky_relu');
  expect(await leaky.isVisible()).toBe(true);
  expect(await within(page, '.ae-legend li').nth(2).textContent()).toBe('Leaky ReLU (α = 0.01) (dotted)');
  expect(await within(page, '#explorer-sigma').isDisabled()).toBe(true);
  await within(page, 'select#explorer-init').selectOption('custom');
  expect(await within(page, '#explorer-sigma').isDisabled()).toBe(false);
  await page.context().close();
});

test("GELU's formulas keep their root signs at full size (widget.css sizes charts' svg, not KaTeX's)", async () => {
  const { page } = await openExplorer('?explorer.f2=gelu');
  const heights = await within(page, '[data-formula="gelu"] .sqrt svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().height));
  expect(heights).toHaveLength(2);
  for (const height of heights) expect(height).toBeGreaterThan(8);
  await page.context().close();
});

test('the charts are drawn again at the new width when the window narrows, without sideways scrolling', async () => {
  const { page, problems } = await openExplorer();
  const widths = () => within(page, '.al-chart svg[role="img"]').evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute('width'))));
  const wide = await widths();
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(async () => (await widths())[0]).toBeLessThan(wide[0]);
  expect(new Set(await widths()).size).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a tampered address shows the notice, uses the defaults and rewrites the address', async () => {
  const { page, problems } = await openExplorer('?explorer.f1=bogus&explorer.z=1e9&explorer.range=50');
  const notice = within(page, '.al-notice');
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/Function 1: "bogus" is not allowed[\s\S]*z range \(±\): "50"[\s\S]*Probe z: "1e9"/);
  expect(await functionSelect(page, 1).inputValue()).toBe('sigmoid');
  expect(await probeBox(page).inputValue()).toBe('2.00');
  expect(await within(page, 'input#explorer-range').inputValue()).toBe('6');
  expect(new URL(page.url()).search).toBe('');
  await expectNoBrokenNumbers(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a shared address restores its state, and reset returns to the lesson values', async () => {
  const { page } = await openExplorer('?explorer.f2=gelu&explorer.z=-1.5&explorer.init=he');
  expect(await functionSelect(page, 2).inputValue()).toBe('gelu');
  expect(await probeBox(page).inputValue()).toBe('-1.50');
  await page.getByRole('button', { name: "Reset to the lesson's values" }).click();
  expect(await functionSelect(page, 2).inputValue()).toBe('tanh');
  expect(await probeBox(page).inputValue()).toBe('2.00');
  expect(await within(page, 'select#explorer-init').inputValue()).toBe('normal');
  expect(new URL(page.url()).search).toBe('');
  expect(await within(page, '.ae-legend li').allTextContents()).toEqual(['Sigmoid (solid)', 'Tanh (dashed)']);
  await page.context().close();
});

test('where the inputs land: N(0, 1) at fan-in 100 saturates 64.7% of sigmoid units, Xavier none', async () => {
  const { page } = await openExplorer();
  const share = within(page, '[data-part="share"]');
  expect(await share.textContent()).toContain('Sigmoid 64.7%');
  const bars = () => within(page, '[data-chart="inputs"] .al-bins rect').count();
  expect(await bars()).toBeGreaterThan(10);
  await within(page, 'select#explorer-init').selectOption('xavier');
  expect(await share.textContent()).toContain('Sigmoid 0.0%');
  expect(await share.textContent()).toContain('Weight standard deviation 0.1000');
  await expect.poll(() => within(page, '[data-live]').textContent()).toMatch(/^Where the inputs land: .*Sigmoid 0\.0%/);
  await page.context().close();
});

test('without JavaScript the reader sees the still figures, legend, readout and formulas', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl, { javaScriptEnabled: false });
  const still = within(page, '.al-static');
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  expect(await still.locator('.al-chart svg[role="img"]').count()).toBe(3);
  expect(await still.locator('svg[aria-label^="Activation functions f(z)"]').isVisible()).toBe(true);
  expect(await still.locator('.ae-legend li').allTextContents()).toEqual(['Sigmoid (solid)', 'Tanh (dashed)']);
  expect((await readoutCells(page)).map((row) => row.slice(0, 3))).toEqual([['Sigmoid', '0.8808', '0.1050'], ['Tanh', '0.9640', '0.0707']]);
  expect(await still.locator('.ae-about .katex').count()).toBe(4);
  expect(await still.locator('[data-part="share"]').textContent()).toContain('Sigmoid 64.7%');
  expect(await within(page, 'template[data-formulas]').evaluate((template) => (template as HTMLTemplateElement).content.querySelectorAll('[data-formula] .katex').length)).toBe(22);
  expect(await still.locator('.al-static-note').isVisible()).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the live explorer (${colorScheme})`, async () => {
    const { page, problems } = await openExplorer('?explorer.f3=relu&explorer.z=0', colorScheme);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
}

test("the address is written against the lesson's values: lesson 3's explorer writes nothing on opening, and the table's own default, once chosen, survives a reload", async () => {
  const lesson3 = `${inject('siteUrl')}lessons/03-relu-family/`;
  const { page, problems } = await openPage(browser(), lesson3);
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-ready]`);
  const search = () => page.evaluate(() => location.search);
  expect(await functionSelect(page, 1).inputValue()).toBe('relu');
  expect(await search()).toBe('');
  // Sigmoid is the table's default for function 1, not this lesson's: a link must still say it.
  await functionSelect(page, 1).selectOption('sigmoid');
  await expect.poll(search).toContain('explorer.f1=sigmoid');
  await page.reload();
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-ready]`);
  expect(await functionSelect(page, 1).inputValue()).toBe('sigmoid');
  expect(problems).toEqual([]);
  await page.context().close();
});
