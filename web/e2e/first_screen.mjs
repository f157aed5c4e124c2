// First screen of the workbench, timed in Debian's headless Chromium: from navigation to the
// search bar being usable, and to the first results (the top entities and documents) drawn.
// Each run uses a fresh profile, so nothing is cached by the browser. Prints one line per run
// and the medians. Usage: node first_screen.mjs BASE_URL [RUNS]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { chromium } = createRequire(import.meta.url)('playwright-core');
const [base, runsArg = '5'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node first_screen.mjs BASE_URL [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const usable = [];
const loaded = [];
for (let i = 0; i < runs; i++) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-first-screen-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.NEXUS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  const t0 = Date.now();
  await page.goto(`${base}/#/search`);
  await page.locator('.searchbar input').first().waitFor({ state: 'visible' });
  usable.push(Date.now() - t0);
  await page.locator('.results .summary').first().waitFor({ state: 'visible' });
  loaded.push(Date.now() - t0);
  console.log(`run ${i + 1}: usable ${usable.at(-1)} ms, first results ${loaded.at(-1)} ms`);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`median of ${runs}: usable ${median(usable)} ms, first results ${median(loaded)} ms`);
