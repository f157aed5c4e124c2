// End-to-end walk through the workbench in headless Chromium (playwright-core, Debian's
// /usr/bin/chromium). Run by crates/nexus-server/tests/e2e.rs against a live `nexus serve`:
//
//   node web/e2e/workbench.mjs BASE_URL SCREENSHOT_DIR [main|recheck]
//
// `main`: the first screen in under a second; search with a facet; an entity's profile and its
// evidence; its graph, a node expanded by double-click, SVG and PNG export, the overview and a
// predicate filter; the map (country shapes, markers, routes, no tiles); the timeline, whole and
// for the entity; corrections (type change, claim rejection, note, alias, merge by name search
// and split) shown in the profile; the audit log's undo; a source graded; a hostile document
// (its <script> and <img onerror> show as text and run nothing, no dialog); an unknown entity;
// an upload of a text file (ingested) and a binary one (fails on its own row). Page errors and
// console errors fail the walk. It writes what it corrected to SCREENSHOT_DIR/state.json;
// `recheck` (after the test re-extracted the store) checks the corrections still show.
// Screenshots go to SCREENSHOT_DIR; each path is printed. Exit status 0 = every check passed.
//
// Environment: NEXUS_E2E_QUERY (default "Sendero"), NEXUS_E2E_HOSTILE (a word only the hostile
// document contains; default "Xylophonist"), NEXUS_CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// ES module resolution ignores NODE_PATH, require() honours it (the test points it at the
// node_modules build.rs installed from web/package-lock.json).
const { chromium } = createRequire(import.meta.url)('playwright-core');

const [base, shots, phase = 'main'] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node workbench.mjs BASE_URL SCREENSHOT_DIR [main|recheck]');
  process.exit(2);
}
const QUERY = process.env.NEXUS_E2E_QUERY || 'Sendero';
const HOSTILE = process.env.NEXUS_E2E_HOSTILE || 'Xylophonist';
fs.mkdirSync(shots, { recursive: true });
const statePath = path.join(shots, 'state.json');

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-e2e-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.NEXUS_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  acceptDownloads: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(20000);

const problems = [];
const dialogs = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') {
    const t = m.text();
    // A failed request shows the server's answer in the error bar; count only script and CSP errors here.
    if (/Failed to load resource/.test(t)) return;
    problems.push(`console error: ${t}`);
  }
});
page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });

let n = 0;
async function shot(name) {
  n += 1;
  const file = path.join(shots, `${phase === 'main' ? '' : 'r'}${String(n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`screenshot: ${file}`);
}
function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
  console.log(`ok: ${msg}`);
}
async function visible(sel) {
  await page.locator(sel).first().waitFor({ state: 'visible' });
}
/** Waits for the search view's answer to `q` (not the previous page's results). */
async function results(q) {
  await page.waitForFunction((want) => {
    const el = document.querySelector('.results .summary');
    return el && el.textContent.startsWith(`“${want}”`);
  }, q);
}
/** Drops a status element's data attributes, so that waiting for them waits for the next view. */
async function unmark(sel) {
  await page.evaluate((x) => { const el = document.querySelector(x); if (el) for (const k of Object.keys(el.dataset)) delete el.dataset[k]; }, sel);
}
async function errorBar() {
  const el = page.locator('#error');
  return (await el.isVisible()) ? (await el.textContent()) : null;
}

async function main() {
  // 1. First screen.
  const t0 = Date.now();
  await page.goto(`${base}/#/search`);
  await visible('.searchbar input');
  const usable = Date.now() - t0;
  await visible('.results .summary');
  const loaded = Date.now() - t0;
  console.log(`first screen usable in ${usable} ms, top items in ${loaded} ms`);
  // Timed figures go to BENCHMARKS.md (scripts/first_screen.sh), not into a pass/fail check: a
  // loaded CI machine must not fail the walk-through.
  await shot('home');

  // 2. Search with facets.
  await page.fill('.searchbar input', QUERY);
  await page.press('.searchbar input', 'Enter');
  await page.waitForURL(/#\/search\?q=/);
  await results(QUERY);
  await visible('#r-entities');
  const facetGroups = await page.locator('.facet-group').count();
  check(facetGroups >= 2, `search "${QUERY}" shows results and facets (${facetGroups} facet groups)`);
  const entities = await page.locator('#r-entities tbody tr').count();
  check(entities > 0, `${entities} entities found`);
  await shot('search');
  const facet = page.locator('.facet[data-facet="type"] a').first();
  const facetValue = await facet.getAttribute('data-value');
  await facet.click();
  await page.waitForURL(/type=/);
  await visible('.chip');
  await visible('.facet a.active');
  check((await page.locator('.facet a.active').count()) === 1, `facet type=${facetValue} filters (chip and active facet)`);
  await shot('search-facet');

  // 3. Entity profile: the best match for the query.
  await page.goto(`${base}/#/search?q=${encodeURIComponent(QUERY)}`);
  await results(QUERY);
  await visible('#r-entities');
  const rows = page.locator('#r-entities tbody tr');
  let pick = 0;
  const names = await rows.locator('td:first-child a').allTextContents();
  const wanted = names.findIndex((x) => x.toLowerCase().includes(QUERY.toLowerCase()));
  if (wanted >= 0) pick = wanted;
  await rows.nth(pick).locator('td:first-child a').click();
  await visible('h1.entity-name');
  const key = decodeURIComponent(page.url().split('#/entity/')[1]);
  const name = await page.textContent('h1.entity-name');
  check(!!key, `entity profile of ${name} (${key})`);
  const relCount = await page.locator('tr.relation').count();
  console.log(`  ${relCount} relations`);
  if (relCount) {
    await page.locator('tr.relation button.expand').first().click();
    await visible('tr.evidence-row:not([hidden])');
  }
  await shot('entity');

  // 4. Graph around it, then expand a neighbour.
  await page.click('.jump a:has-text("Graph")');
  await page.waitForSelector('#graph-status[data-nodes]');
  await page.waitForTimeout(700); // layout animation
  const before = Number(await page.getAttribute('#graph-status', 'data-nodes'));
  check(before > 0, `graph around ${name}: ${before} nodes`);
  await shot('graph');
  let after = before;
  const candidates = await page.evaluate((center) => {
    const cy = window.nexusGraph;
    return cy.nodes().filter((x) => x.id() !== center).sort((a, b) => b.data('degree') - a.data('degree')).map((x) => x.id()).slice(0, 6);
  }, key);
  for (const id of candidates) {
    const pos = await page.evaluate((nid) => {
      const cy = window.nexusGraph;
      const node = cy.getElementById(nid);
      cy.center(node);
      const p = node.renderedPosition();
      const r = cy.container().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, id);
    await page.mouse.dblclick(pos.x, pos.y);
    try {
      await page.waitForFunction((b) => Number(document.querySelector('#graph-status').dataset.nodes) > b && !/expanding/.test(document.querySelector('#graph-status').textContent), before, { timeout: 8000 });
      after = Number(await page.getAttribute('#graph-status', 'data-nodes'));
      console.log(`  double-clicked ${id}`);
      break;
    } catch {
      console.log(`  ${id} added no node; trying another`);
    }
  }
  check(after > before, `double-click expands a node: ${before} → ${after} nodes`);
  await page.evaluate(() => window.nexusGraph.fit(undefined, 30));
  await page.waitForTimeout(600);
  await shot('graph-expanded');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('.toolbar button:has-text("SVG")')]);
  const svgPath = path.join(shots, 'graph.svg');
  await svgDownload.saveAs(svgPath);
  const svgText = fs.readFileSync(svgPath, 'utf8');
  check(svgText.startsWith('<svg') && (svgText.match(/<circle/g) || []).length === after, `SVG export has ${after} nodes (${svgPath})`);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('.toolbar button:has-text("PNG")')]);
  const pngPath = path.join(shots, 'graph-export.png');
  await pngDownload.saveAs(pngPath);
  check(fs.statSync(pngPath).size > 1000, `PNG export (${pngPath})`);

  // The overview: the best-supported nodes of the whole graph.
  await unmark('#graph-status');
  await page.goto(`${base}/#/graph`);
  await page.waitForSelector('#graph-status[data-nodes]');
  const overview = Number(await page.getAttribute('#graph-status', 'data-nodes'));
  check(overview > before, `graph overview: ${overview} nodes`);
  await page.waitForTimeout(500);
  await shot('graph-overview');
  await page.selectOption('.toolbar select[name="predicate"]', 'operates_in');
  await unmark('#graph-status');
  await page.click('.toolbar button[type="submit"]');
  await page.waitForURL(/predicate=operates_in/);
  await page.waitForSelector('#graph-status[data-edges]');
  const preds = await page.evaluate(() => [...new Set(window.nexusGraph.edges().map((e) => e.data('predicate')))]);
  check(preds.length === 1 && preds[0] === 'operates_in', `graph filter by predicate: only ${preds.join(', ')} edges`);

  // 5. Map: country shapes (offline GeoJSON) and place markers.
  await page.goto(`${base}/#/map`);
  await page.waitForSelector('#map-status[data-places]');
  const shapes = await page.locator('.leaflet-overlay-pane path.country').count();
  const markers = await page.locator('.leaflet-overlay-pane path.place').count();
  const routes = await page.locator('.leaflet-overlay-pane path.route').count();
  check(shapes > 150, `map draws country shapes (${shapes} paths)`);
  check(markers > 0, `map draws ${markers} place markers and ${routes} routes`);
  check((await page.locator('.leaflet-tile').count()) === 0, 'no tile layer (offline)');
  await shot('map');

  // 6. Timeline.
  await page.goto(`${base}/#/timeline`);
  await page.waitForSelector('#timeline-status[data-items]');
  const items = Number(await page.getAttribute('#timeline-status', 'data-items'));
  check(items > 0, `timeline shows ${items} dated items`);
  await shot('timeline');
  await unmark('#timeline-status');
  await page.goto(`${base}/#/timeline?entity=${encodeURIComponent(key)}`);
  await page.waitForSelector('#timeline-status[data-items]');
  const mine = Number(await page.getAttribute('#timeline-status', 'data-items'));
  check(mine < items, `timeline of ${name} alone: ${mine} items`);

  // 7. Corrections on the entity: change its type, reject a claim, add a note.
  await page.goto(`${base}/#/entity/${encodeURIComponent(key)}`);
  await visible('h1.entity-name');
  const oldType = await page.inputValue('#set-type select');
  const newType = oldType === 'criminal_org' ? 'armed_group' : 'criminal_org';
  await page.selectOption('#set-type select', newType);
  await page.click('#set-type button');
  await page.waitForFunction((t) => document.querySelector('#set-type select').value === t && document.querySelector('.profile-head .badge.type').textContent.toLowerCase() === t.replace(/_/g, ' '), newType);
  check(true, `type changed ${oldType} → ${newType}, shown in the profile`);
  let claimId = null;
  if (relCount) {
    await page.locator('tr.relation button.expand').first().click();
    const li = page.locator('tr.evidence-row:not([hidden]) li[data-claim]').first();
    claimId = await li.getAttribute('data-claim');
    await li.locator('button:has-text("reject")').click();
    // A rejected claim leaves the profile (its relation too, when it was the only evidence), or
    // shows as rejected; the toast offers to undo it.
    await page.waitForSelector('.toast:has-text("rejected")');
    await page.waitForFunction((id) => !document.querySelector(`li[data-claim="${CSS.escape(id)}"]`) || document.querySelector('.badge.status.rejected'), claimId);
    const left = await page.locator('tr.relation').count();
    check(true, `claim ${claimId} rejected: the profile shows ${left} relations (was ${relCount})`);
  }
  await page.fill('.note-form textarea', 'e2e: checked against the indictment');
  await page.click('.note-form button');
  await page.waitForSelector('.notes li');
  check((await page.textContent('.notes')).includes('e2e: checked'), 'note added');
  check(!(await errorBar()), 'no error shown');
  await shot('entity-corrected');
  fs.writeFileSync(statePath, JSON.stringify({ key, name, type: newType, claimId }));

  // Alias (undone below from the audit log).
  await page.fill('#add-alias input', 'E2E alias');
  await page.click('#add-alias button');
  await page.waitForFunction(() => [...document.querySelectorAll('.aliases .alias')].some((a) => a.textContent === 'E2E alias'));
  check(true, 'alias added, shown in the profile');

  // Merge another entity into this one by name, then split it off again.
  const other = process.env.NEXUS_E2E_MERGE || 'Los Lobos';
  await page.goto(`${base}/#/search?q=${encodeURIComponent(other)}`);
  await results(other);
  await visible('#r-entities');
  await page.locator('#r-entities tbody tr td:first-child a').first().click();
  await visible('h1.entity-name');
  const otherKey = decodeURIComponent(page.url().split('#/entity/')[1]);
  await page.fill('input[name="merge-q"]', QUERY);
  await page.locator('.picker li button.link').first().waitFor();
  await page.locator('.picker li button.link').first().click();
  await page.click('.picker li.confirm button.danger');
  await page.waitForURL((u) => decodeURIComponent(u.toString()).includes(`#/entity/${key}`));
  await page.waitForSelector(`.aliases code.alias:text-is("${otherKey}")`);
  check(true, `merged ${otherKey} into ${key}: listed under "Merged from"`);
  await shot('entity-merged');
  await page.click(`.corrections-form button:has-text("split ${otherKey}")`);
  await page.waitForFunction((k) => ![...document.querySelectorAll('.aliases code.alias')].some((a) => a.textContent === k), otherKey);
  check(true, `split ${otherKey} off again`);

  // 8. Audit log with undo, and sources.
  await page.goto(`${base}/#/corrections`);
  await visible('table.audit');
  const logged = await page.locator('table.audit tbody tr').count();
  check(logged >= 6, `audit log lists ${logged} corrections`);
  const aliasRow = page.locator('table.audit tbody tr[data-kind="add_alias"]').first();
  await aliasRow.locator('button:has-text("Undo")').click();
  await page.waitForSelector('table.audit tbody tr.undone[data-kind="add_alias"]');
  check(true, 'the alias undone from the audit log');
  await shot('corrections');
  await page.goto(`${base}/#/entity/${encodeURIComponent(key)}`);
  await visible('h1.entity-name');
  check(!(await page.locator('.aliases .alias:text-is("E2E alias")').count()), 'the undone alias is gone from the profile');
  await page.goto(`${base}/#/sources`);
  await page.waitForSelector('table.sources, .empty');
  if (await page.locator('table.sources').count()) {
    const row = page.locator('table.sources tbody tr:not([data-publisher=""])').first();
    const grade = await row.locator('select').inputValue();
    const next = grade === 'B' ? 'C' : 'B';
    await row.locator('select').selectOption(next);
    await row.locator('td:last-child:has-text("saved")').waitFor();
    await page.reload();
    await page.waitForSelector('table.sources');
    check((await page.locator('table.sources tbody tr:not([data-publisher=""])').first().locator('select').inputValue()) === next, `a source graded ${grade} → ${next}, kept after reload`);
  }
  await shot('sources');

  // 9. Hostile document: its markup is text.
  await page.goto(`${base}/#/search?q=${encodeURIComponent(HOSTILE)}`);
  await results(HOSTILE);
  await visible('#r-documents');
  await page.locator('#r-documents .title a').first().click();
  await visible('#doc-text');
  await page.waitForTimeout(300);
  const text = await page.textContent('#doc-text');
  check(text.includes('<script>') && text.includes('onerror='), 'the hostile document shows <script> and <img onerror> as literal text');
  check((await page.locator('#doc-text img, #doc-text script').count()) === 0, 'no element was made from document text');
  check(dialogs.length === 0, `no dialog opened (${dialogs.join(', ')})`);
  const marks = await page.locator('#doc-text .mention').count();
  console.log(`  ${marks} mentions highlighted`);
  await shot('hostile-document');

  // A stale link: an unknown entity says so and offers a search.
  await page.goto(`${base}/#/entity/${encodeURIComponent('no-such-entity-e2e')}`);
  await page.waitForSelector('#app h2:text-is("Not found")');
  check(await page.locator('#app a.btn:has-text("Search for")').count() === 1, 'an unknown entity shows "Not found" with a search link');

  // 10. Upload a file: upload progress, then the ingest job.
  await page.goto(`${base}/#/upload`);
  const file = path.join(shots, 'e2e-upload.txt');
  fs.writeFileSync(file, 'E2E upload\n\nThe Clan del Golfo shipped cocaine from Turbo to Antwerp in 2024, according to prosecutors.\n');
  const bad = path.join(shots, 'e2e-binary.bin');
  fs.writeFileSync(bad, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
  await page.setInputFiles('#file-input', [file, bad]);
  await page.waitForFunction(() => document.querySelectorAll('tr.file-row.done, tr.file-row.failed').length === 2, null, { timeout: 60000 });
  const good = page.locator('tr.file-row[data-name="e2e-upload.txt"]');
  check(await good.evaluate((tr) => tr.classList.contains('done')), `upload ingested (${await good.locator('.result').textContent()})`);
  const binary = page.locator('tr.file-row[data-name="e2e-binary.bin"]');
  const why = (await binary.locator('.result').textContent()).trim();
  check(await binary.evaluate((tr) => tr.classList.contains('failed')) && why.length > 0, `a binary file fails on its own row: ${why}`);
  await shot('upload');
}

async function recheck() {
  const st = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  await page.goto(`${base}/#/entity/${encodeURIComponent(st.key)}`);
  await visible('h1.entity-name');
  const shown = (await page.textContent('.profile-head .badge.type')).toLowerCase();
  check(shown === st.type.replace(/_/g, ' '), `after re-extraction ${st.key} is still ${st.type} (shows "${shown}")`);
  if (st.claimId) {
    const rejected = await page.evaluate((id) => {
      const li = document.querySelector(`li[data-claim="${CSS.escape(id)}"]`);
      return !li || !!li.querySelector('.badge.status.rejected');
    }, st.claimId);
    check(rejected, `after re-extraction the rejected claim ${st.claimId} is still out of the profile`);
  }
  check((await page.textContent('.notes')).includes('e2e: checked'), 'the note is still there');
  await shot('after-reextract');
}

let code = 0;
try {
  if (phase === 'recheck') await recheck();
  else await main();
  if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
  console.log(`${phase}: all checks passed`);
} catch (e) {
  code = 1;
  console.error(`FAILED (${phase}): ${e.message}`);
  if (problems.length) console.error(`page problems:\n  ${problems.join('\n  ')}`);
  try { await shot('failure'); } catch { /* the browser may be gone */ }
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
