// Sources: each publisher's Admiralty reliability grade (A–F), set by the analyst.
import { h, replace, fmtNum, empty } from '../dom.js';
import { get, put, enc } from '../api.js';

const GRADES = [
  ['A', 'A — completely reliable'],
  ['B', 'B — usually reliable'],
  ['C', 'C — fairly reliable'],
  ['D', 'D — not usually reliable'],
  ['E', 'E — unreliable'],
  ['F', 'F — reliability cannot be judged'],
];

export async function render(root, ctx) {
  const box = h('div');
  const filter = h('input', { type: 'search', placeholder: 'filter publishers', name: 'filter' });
  replace(root, h('div', { class: 'sources-view' }, h('h1', null, 'Sources'),
    h('p', { class: 'muted' }, 'The Admiralty grade of a publisher weighs every claim its documents make. Grades set here override the defaults.'),
    h('div', { class: 'toolbar' }, filter), box));
  const list = await get('/api/sources', null, { signal: ctx.signal });
  const items = [...(list || [])].sort((a, b) => (b.documents || 0) - (a.documents || 0) || String(a.publisher).localeCompare(String(b.publisher)));
  if (!items.length) { replace(box, empty('No publishers yet.')); return; }
  const rows = items.map((src) => {
    // Documents that name no publisher share one row, which cannot be graded.
    const anon = !src.publisher;
    const sel = h('select', { name: 'reliability', disabled: anon, 'aria-label': `grade of ${src.publisher}` }, GRADES.map(([g, label]) => h('option', { value: g, selected: g === src.reliability }, label)));
    const note = h('input', { type: 'text', name: 'note', value: src.note || '', placeholder: 'why this grade', size: 30, disabled: anon });
    const state = h('span', { class: 'muted' }, anon ? '' : src.set_by_analyst ? 'set by analyst' : 'default');
    const badge = h('span', { class: `grade g${src.reliability}` }, src.reliability);
    const save = async () => {
      state.textContent = 'saving…';
      try {
        const row = await put(`/api/sources/${enc(src.publisher)}`, { reliability: sel.value, note: note.value.trim() || undefined });
        state.textContent = row && row.set_by_analyst === false ? 'default' : 'saved';
        badge.textContent = sel.value;
        badge.className = `grade g${sel.value}`;
        tr.classList.add('saved');
      } catch { state.textContent = 'not saved'; }
    };
    sel.addEventListener('change', save);
    note.addEventListener('change', save);
    const tr = h('tr', { dataset: { publisher: src.publisher } },
      h('td', null, anon ? h('span', { class: 'muted' }, '(documents that name no publisher)') : src.name && src.name !== src.publisher ? [src.name, h('div', { class: 'meta' }, src.publisher)] : src.publisher),
      h('td', { class: 'num' }, fmtNum(src.documents)), h('td', null, badge, ' ', sel), h('td', null, note), h('td', null, state));
    return tr;
  });
  replace(box, h('table', { class: 'grid sources' },
    h('thead', null, h('tr', null, h('th', null, 'Publisher'), h('th', { class: 'num' }, 'Docs'), h('th', null, 'Reliability'), h('th', null, 'Note'), h('th', null, ''))),
    h('tbody', null, rows)));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of rows) tr.hidden = q && !tr.dataset.publisher.toLowerCase().includes(q);
  });
}
