// The workbench shell: hash router, navigation, quick search, store totals. Views are ES
// modules loaded on first use (`render(root, ctx)`, optionally returning a cleanup function), so
// the first screen costs this file, dom.js, api.js and the search view.
import { h, route, go, fmtNum, replace, spinner } from './dom.js';
import { get, clearError, showError } from './api.js';

const VIEWS = {
  search: () => import('./views/search.js'),
  entity: () => import('./views/entity.js'),
  graph: () => import('./views/graph.js'),
  map: () => import('./views/map.js'),
  timeline: () => import('./views/timeline.js'),
  doc: () => import('./views/doc.js'),
  upload: () => import('./views/upload.js'),
  corrections: () => import('./views/corrections.js'),
  sources: () => import('./views/sources.js'),
};

let current = null; // { controller, cleanup }
let seq = 0;
let lastName = null;

function parse() {
  const raw = location.hash.replace(/^#\/?/, '') || 'search';
  const i = raw.indexOf('?');
  const path = i < 0 ? raw : raw.slice(0, i);
  const query = i < 0 ? '' : raw.slice(i + 1);
  const parts = path.split('/');
  let arg = parts.slice(1).join('/');
  try { arg = decodeURIComponent(arg); } catch { /* keep as is */ }
  return { name: parts[0] || 'search', arg, params: new URLSearchParams(query) };
}

async function navigate() {
  const my = ++seq;
  if (current) {
    current.controller.abort();
    try { current.cleanup && current.cleanup(); } catch (e) { console.error(e); }
    current = null;
  }
  clearError();
  const { name, arg, params } = parse();
  // Undo offers belong to the page they were made on.
  const toasts = document.getElementById('toasts');
  if (toasts && name !== lastName) toasts.replaceChildren();
  lastName = name;
  const root = document.getElementById('app');
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.view === name || (name === 'entity' && a.dataset.view === 'search'));
  }
  const quick = document.getElementById('quick-q');
  if (name === 'search' && document.activeElement !== quick) quick.value = params.get('q') || '';
  const load = VIEWS[name];
  if (!load) {
    replace(root, h('div', { class: 'empty' }, 'No such view. ', h('a', { href: '#/search' }, 'Back to search')));
    return;
  }
  root.className = `view-${name}`;
  replace(root, spinner());
  const controller = new AbortController();
  current = { controller, cleanup: null };
  try {
    const mod = await load();
    if (my !== seq) return;
    const cleanup = await mod.render(root, { arg, params, signal: controller.signal, name });
    if (my === seq) current.cleanup = cleanup || null;
    else if (cleanup) cleanup();
  } catch (e) {
    if (e.name === 'AbortError' || my !== seq) return;
    if (e.status === 404) {
      // An unknown id (a stale link, a merged entity): say so once, and offer a search.
      clearError();
      replace(root, h('div', { class: 'empty' }, h('h2', null, 'Not found'), h('p', null, e.message.replace(/^GET \S+: 404 /, '')),
        arg ? h('a', { class: 'btn', href: route('search', null, { q: arg.replace(/^[a-z_]+:/, '') }) }, `Search for “${arg}”`) : null));
      return;
    }
    if (e.status == null) {
      console.error(e);
      showError(`${name}: ${e.message}`);
    }
    replace(root, h('div', { class: 'empty' }, 'Could not show this view (see the message above).'));
  }
}

async function stats() {
  try {
    const s = await get('/api/stats', null, { quiet: true });
    const el = document.getElementById('stats');
    replace(el,
      h('span', { title: 'documents' }, fmtNum(s.documents), ' docs'),
      h('span', { title: 'entities' }, fmtNum(s.entities), ' entities'),
      h('span', { title: 'claims' }, fmtNum(s.claims), ' claims'));
  } catch { /* the header just stays empty */ }
}

document.getElementById('quick').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('quick-q').value.trim();
  go(route('search', null, { q }));
});

// '/' jumps to the quick search, as in most analyst tools.
document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !(t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)) {
    e.preventDefault();
    document.getElementById('quick-q').focus();
  }
});

window.addEventListener('hashchange', navigate);
window.addEventListener('nexus:changed', stats);
navigate();
// Totals after the first view has asked for its data.
setTimeout(stats, 50);
