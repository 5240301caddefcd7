/**
 * Headless Chromium driven by playwright-core: never a browser download. The browser is found
 * in this order: CHROMIUM_PATH; Debian's /usr/bin/chromium; the Chromium that ships inside the
 * @sparticuz/chromium devDependency (unpacked from the package on first use). Whichever is
 * used, it starts with the project's own flags below (not the package's Lambda flags, such as
 * --single-process, which would change what the tests measure).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The flags keep a headless run quiet on a machine without network (no background services, no sync). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** One candidate browser: where it came from and its executable, or why it is missing. */
interface Candidate {
  source: string;
  path?: string;
  problem?: string;
}

async function packagedChromium(): Promise<Candidate> {
  const source = 'the @sparticuz/chromium devDependency';
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return { source, path: await packaged.executablePath() };
  } catch (error) {
    return { source, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The browser to use, in the documented order; `problem` says why a candidate was passed over. */
export async function findChromium(): Promise<Candidate[]> {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    // An explicit choice is never silently replaced by another browser.
    return [{ source: 'CHROMIUM_PATH', path: fromEnvironment, problem: existsSync(fromEnvironment) ? undefined : 'no such file' }];
  }
  if (existsSync(DEBIAN_CHROMIUM)) return [{ source: "Debian's chromium package", path: DEBIAN_CHROMIUM }];
  return [{ source: "Debian's chromium package", problem: `${DEBIAN_CHROMIUM} does not exist` }, await packagedChromium()];
}

/** Starts headless Chromium, or fails with a message saying exactly what to install. */
export async function launchChromium(): Promise<Browser> {
  const candidates = await findChromium();
  const failures: string[] = [];
  for (const candidate of candidates) {
    if (!candidate.path || candidate.problem) {
      failures.push(`${candidate.source}${candidate.path ? ` (${candidate.path})` : ''}: ${candidate.problem ?? 'not found'}`);
      continue;
    }
    try {
      return await chromium.launch({ executablePath: candidate.path, headless: true, args: FLAGS });
    } catch (error) {
      const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      failures.push(`${candidate.source} (${candidate.path}): ${first}`);
    }
  }
  throw new Error(
    [
      'No Chromium could be started for the browser tests.',
      ...failures.map((failure) => `  - ${failure}`),
      'To fix it, do one of these:',
      '  - run `npm install` in the project (it installs @sparticuz/chromium, a Chromium inside an npm package);',
      '  - or install Debian\'s Chromium: `apt-get install chromium`;',
      '  - or point CHROMIUM_PATH at a Chromium or Chrome executable (or unset it if it is wrong).',
    ].join('\n'),
  );
}
