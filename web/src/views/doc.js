// A document: its text with mentions (coloured by type) and claims highlighted, its metadata,
// duplicates and claims. Offsets are character offsets (Unicode scalar values), so the text is
// cut with Array.from, never with String.slice. The text is untrusted: text nodes only.
import { h, route, replace, typeColour, human, entityLink, docLink, predicate, panel, fmtNum, fmtBytes } from '../dom.js';
import { get, correct, enc } from '../api.js';

export async function render(root, ctx) {
  const d = await get(`/api/docs/${enc(ctx.arg)}`, null, { signal: ctx.signal });
  draw(root, d, ctx);
}

function draw(root, d, ctx) {
  const chars = Array.from(d.text || '');
  const n = chars.length;
  const clamp = (v) => Math.max(0, Math.min(n, Number(v) || 0));
  const mentions = (d.mentions || []).map((m) => ({ ...m, start: clamp(m.start), end: clamp(m.end) })).filter((m) => m.end > m.start);
  const claims = (d.claims || []).map((c, i) => ({ ...c, i, start: clamp(c.start), end: clamp(c.end) })).filter((c) => c.end > c.start);

  // Cut the text at every boundary; each piece knows the innermost mention and the claims over it.
  const cuts = new Set([0, n]);
  for (const x of [...mentions, ...claims]) { cuts.add(x.start); cuts.add(x.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = h('div', { class: 'doc-text', id: 'doc-text' });
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    if (b <= a) continue;
    const text = chars.slice(a, b).join('');
    const over = claims.filter((c) => c.start <= a && c.end >= b);
    const ms = mentions.filter((m) => m.start <= a && m.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    let node;
    if (ms.length) {
      const m = ms[0];
      node = h('a', { class: 'mention', href: route('entity', m.key), title: `${m.name || m.key} · ${human(m.type)}`, style: { borderBottomColor: typeColour(m.type), color: typeColour(m.type) }, dataset: { key: m.key } }, text);
    } else {
      node = document.createTextNode(text);
    }
    if (over.length) {
      const status = over.some((c) => c.status === 'rejected') ? 'rejected' : over.some((c) => c.status === 'confirmed') ? 'confirmed' : '';
      node = h('span', { class: ['claim-span', status], dataset: { claims: over.map((c) => c.i).join(' ') }, title: over.map((c) => `${c.subject ? c.subject.name : ''} ${c.predicate} ${c.object ? c.object.name : ''}`).join('\n') }, node);
    }
    body.append(node);
  }

  const meta = h('dl', { class: 'meta-list' },
    row('Publisher', d.publisher), row('Date', d.date), row('Language', d.lang),
    row('Authors', Array.isArray(d.authors) ? d.authors.join('; ') : d.authors),
    row('URL', d.url ? (/^https?:/i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.url) : d.url) : null),
    row('Path', d.path ? h('code', null, d.path) : null),
    row('Work', d.work ? h('code', null, d.work) : null),
    row('Id', h('code', null, d.id)),
    row('Length', `${fmtNum(n)} characters`),
    d.size != null ? row('Size', fmtBytes(d.size)) : null);

  const dups = (d.duplicates || []).length
    ? h('ul', { class: 'compact' }, d.duplicates.map((x) => h('li', null, docLink(x.id, x.title || x.id))))
    : h('div', { class: 'muted' }, 'No other document of the same work.');

  const claimList = claims.length ? h('ol', { class: 'claim-index' }, claims.map((c) => h('li', { dataset: { claim: c.id }, class: c.status || null },
    h('button', { type: 'button', class: 'link', title: 'show in the text', onclick: () => focusClaim(body, c.i) },
      c.subject ? c.subject.name : '?', ' ', predicate(c.predicate), ' ', c.object ? c.object.name : '?'),
    c.status ? h('span', { class: `badge status ${c.status}` }, c.status) : null,
    h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'icon ok', title: 'confirm this claim', onclick: () => act('confirm_claim', c.id) }, '✓'),
      h('button', { type: 'button', class: 'icon bad', title: 'reject this claim', onclick: () => act('reject_claim', c.id) }, '✗'))))) : h('div', { class: 'muted' }, 'No claims.');

  async function act(kind, id) {
    try { await correct(kind, { claim_id: id }); } catch { return; }
    const fresh = await get(`/api/docs/${enc(ctx.arg)}`, null, { signal: ctx.signal });
    draw(root, fresh, ctx);
  }

  const types = [...new Set(mentions.map((m) => m.type))].sort();
  const legend = h('div', { class: 'legend inline' }, types.map((t) => h('span', null, h('i', { class: 'dot', style: { background: typeColour(t) } }), human(t))),
    claims.length ? h('span', null, h('i', { class: 'swatch claim' }), 'claim') : null);

  const ents = new Map();
  for (const m of mentions) { const e = ents.get(m.key) || { key: m.key, name: m.name, type: m.type, n: 0 }; e.n++; ents.set(m.key, e); }
  const entList = h('ul', { class: 'compact' }, [...ents.values()].sort((a, b) => b.n - a.n).slice(0, 40).map((e) => h('li', null, entityLink(e), h('span', { class: 'muted' }, ` ×${e.n}`))));

  replace(root, h('div', { class: 'doc-view' },
    h('div', { class: 'doc-main' },
      h('h1', { class: 'doc-title' }, d.title || '(untitled)'),
      h('div', { class: 'meta' }, [d.publisher, d.date, d.lang].filter(Boolean).join(' · ')),
      legend, body),
    h('div', { class: 'doc-side' },
      panel('Metadata', null, meta),
      panel(`Claims (${claims.length})`, null, claimList),
      panel(`Entities (${ents.size})`, null, entList),
      panel('Duplicates', null, dups),
      panel(`Notes (${(d.notes || []).length})`, null, notes(d, root, ctx)))));
}

function row(label, value) {
  if (value == null || value === '') return null;
  return [h('dt', null, label), h('dd', null, value)];
}

function focusClaim(body, i) {
  const spans = [...body.querySelectorAll('.claim-span')].filter((el) => el.dataset.claims.split(' ').includes(String(i)));
  for (const el of body.querySelectorAll('.claim-span.focus')) el.classList.remove('focus');
  spans.forEach((el) => el.classList.add('focus'));
  if (spans[0]) spans[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function notes(d, root, ctx) {
  const text = h('textarea', { name: 'note', rows: 2, placeholder: 'A note on this document' });
  return h('div', null,
    (d.notes || []).length
      ? h('ul', { class: 'notes' }, d.notes.map((n) => h('li', null, h('div', null, n.text), h('div', { class: 'meta' }, [n.who, n.at].filter(Boolean).join(' · ')))))
      : null,
    h('form', { class: 'note-form', onsubmit: async (ev) => {
      ev.preventDefault();
      const t = text.value.trim();
      if (!t) return;
      try { await correct('note', { target: d.id, text: t }); } catch { return; }
      draw(root, await get(`/api/docs/${enc(ctx.arg)}`, null, { signal: ctx.signal }), ctx);
    } }, text, h('button', { type: 'submit' }, 'Add note')));
}
