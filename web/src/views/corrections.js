// The corrections audit log, newest first, with undo.
import { h, route, go, replace, empty } from '../dom.js';
import { get, post, enc } from '../api.js';

export async function render(root, ctx) {
  const target = ctx.params.get('target') || '';
  const input = h('input', { type: 'text', name: 'target', value: target, placeholder: 'entity key, claim id or doc id', size: 30 });
  const table = h('div');
  replace(root, h('div', { class: 'corrections-view' },
    h('h1', null, 'Corrections'),
    h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); go(route('corrections', null, { target: input.value.trim() })); } },
      input, h('button', { type: 'submit', class: 'primary' }, 'Filter'), target ? h('a', { class: 'btn', href: '#/corrections' }, 'All') : null,
      target ? h('a', { class: 'btn', href: route('entity', target) }, 'Open target') : null),
    table));

  async function load() {
    const list = await get('/api/corrections', { target }, { signal: ctx.signal });
    const items = [...(list || [])].sort((a, b) => String(b.at).localeCompare(String(a.at)) || (b.id > a.id ? 1 : -1));
    if (!items.length) { replace(table, empty('No corrections yet.')); return; }
    replace(table, h('table', { class: 'grid audit' },
      h('thead', null, h('tr', null, h('th', null, 'When'), h('th', null, 'Who'), h('th', null, 'Kind'), h('th', null, 'Target'), h('th', null, 'Before'), h('th', null, 'After'), h('th', null, 'Note'), h('th', null, ''))),
      h('tbody', null, items.map((c) => h('tr', { class: c.undone_at ? 'undone' : null, dataset: { id: String(c.id), kind: c.kind } },
        h('td', { class: 'date' }, c.at),
        h('td', null, c.who),
        h('td', null, h('span', { class: 'badge' }, String(c.kind || '').replace(/_/g, ' '))),
        h('td', null, targetLink(c)),
        h('td', { class: 'val' }, show(c.before)),
        h('td', { class: 'val' }, show(c.after)),
        h('td', null, c.note || ''),
        h('td', null, c.undone_at
          ? h('span', { class: 'muted' }, `undone ${c.undone_at}${c.undone_by ? ` by ${c.undone_by}` : ''}`)
          : h('button', { type: 'button', class: 'small', onclick: async () => {
            try { await post(`/api/corrections/${enc(c.id)}/undo`, {}); } catch { return; }
            window.dispatchEvent(new Event('nexus:changed'));
            load().catch(() => undefined);
          } }, 'Undo')))))));
  }
  await load();
}

function targetLink(c) {
  const t = c.target == null ? '' : String(c.target);
  if (!t) return '';
  if (/claim/.test(c.kind || '')) return h('code', null, t);
  if (c.kind === 'note' && /^[0-9a-f]{8,}$/i.test(t)) return h('a', { href: route('doc', t) }, h('code', null, t));
  return h('a', { href: route('entity', t) }, h('code', null, t));
}

/** A record's before/after as `key: value` lines (leaves only, nulls left out), full JSON on hover. */
function show(v) {
  if (v == null) return '';
  if (typeof v !== 'object') return String(v);
  const lines = [];
  const walk = (x, key) => {
    if (x == null) return;
    if (Array.isArray(x)) {
      if (x.length && x.every((y) => typeof y !== 'object')) lines.push([key, x.join(', ')]);
      else x.forEach((y) => walk(y, key));
    } else if (typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) walk(y, k);
    } else {
      lines.push([key, String(x)]);
    }
  };
  walk(v, '');
  if (!lines.length) return h('span', { class: 'muted' }, '—');
  return h('div', { class: 'kvs', title: JSON.stringify(v) }, lines.map(([k, x]) => h('div', null, k ? h('span', { class: 'muted' }, `${k.replace(/_/g, ' ')}: `) : null, x)));
}
