// An entity's profile: names, type, KB id, places, relations with their evidence, timeline,
// notes, and the analyst's corrections (type, alias, merge, split, confirm/reject, note).
import { h, route, go, replace, clear, typeBadge, entityLink, docLink, predicate, fmtNum, human, empty, panel, TYPES, debounce } from '../dom.js';
import { get, post, correct, enc } from '../api.js';

export async function render(root, ctx) {
  const key = ctx.arg;
  const data = await get(`/api/entities/${enc(key)}`, null, { signal: ctx.signal });
  draw(root, data, ctx);
}

async function reload(root, ctx) {
  const data = await get(`/api/entities/${enc(ctx.arg)}`, null, { signal: ctx.signal });
  draw(root, data, ctx);
  window.dispatchEvent(new Event('nexus:changed'));
}

/** Runs a correction, then redraws the profile; a failed one leaves the error bar up. */
function action(root, ctx, kind, fields, note) {
  return correct(kind, fields, note).then(() => {
    if (kind === 'merge' && fields.from === ctx.arg) go(route('entity', fields.into));
    else return reload(root, ctx);
  }, () => undefined);
}

function draw(root, e, ctx) {
  const key = e.key;
  const rels = [...(e.relations || [])].sort((a, b) => (b.works || 0) - (a.works || 0));
  const head = h('div', { class: 'profile-head' },
    h('div', { class: 'names' },
      h('h1', { class: 'entity-name' }, e.name || key),
      h('div', { class: 'facts' },
        typeBadge(e.type),
        h('span', { class: 'kv' }, h('b', null, 'key '), h('code', null, key)),
        e.kb_id ? h('span', { class: 'kv' }, h('b', null, 'KB '), h('code', null, e.kb_id)) : h('span', { class: 'kv muted' }, 'not in the knowledge base'),
        e.country ? h('span', { class: 'kv' }, h('b', null, 'country '), e.country) : null,
        e.mentions != null ? h('span', { class: 'kv' }, h('b', null, 'mentions '), fmtNum(e.mentions)) : null,
        e.documents != null ? h('span', { class: 'kv' }, h('b', null, 'documents '), fmtNum(e.documents)) : null,
        e.lat != null && e.lon != null ? h('span', { class: 'kv' }, h('b', null, 'at '), `${Number(e.lat).toFixed(2)}, ${Number(e.lon).toFixed(2)}`) : null),
      (e.aliases || []).length ? h('div', { class: 'aliases' }, h('b', null, 'Also: '), (e.aliases || []).map((a) => h('span', { class: 'alias' }, a))) : null,
      (e.merged_from || []).length ? h('div', { class: 'aliases' }, h('b', null, 'Merged from: '), e.merged_from.map((m) => h('code', { class: 'alias' }, m))) : null),
    h('div', { class: 'jump' },
      h('a', { class: 'btn', href: route('graph', null, { center: key }) }, 'Graph'),
      h('a', { class: 'btn', href: route('map', null, { entity: key }) }, 'Map'),
      h('a', { class: 'btn', href: route('timeline', null, { entity: key }) }, 'Timeline'),
      h('a', { class: 'btn', href: route('corrections', null, { target: key }) }, 'History')));

  const relBody = rels.length ? relationsTable(rels, key, root, ctx) : empty('No relations found for this entity.');
  const places = (e.places || []).length
    ? h('ul', { class: 'inline-list' }, e.places.map((p) => h('li', null, entityLink({ ...p, type: p.type || 'place' }))))
    : h('div', { class: 'muted' }, 'No places.');

  const main = h('div', { class: 'profile-main' },
    panel(`Relations (${rels.length})`, null, relBody),
    panel('Timeline', h('a', { href: route('timeline', null, { entity: key }) }, 'open timeline'), timelineList(e.timeline || [])),
    panel('Mentions', null, mentions(key, ctx)));
  const side = h('div', { class: 'profile-side' },
    panel('Places', null, places),
    panel('Corrections', null, corrections(e, root, ctx)),
    panel(`Notes (${(e.notes || []).length})`, null, notes(e, root, ctx)),
    panel('History', h('a', { href: route('corrections', null, { target: key }) }, 'all'), history(key, root, ctx)));
  replace(root, h('div', { class: 'profile' }, head, h('div', { class: 'profile-cols' }, main, side)));
}

function statusBadge(status) {
  if (!status) return null;
  return h('span', { class: `badge status ${status}` }, status);
}

function confidenceBar(c) {
  if (c == null) return '—';
  // The server sends 0–100 (the contract did not say); a 0–1 value is read as a fraction.
  const v = Number(c);
  const pct = Math.round(v > 1 ? v : v * 100);
  return h('span', { class: 'conf', title: `confidence ${pct} / 100` }, h('span', { class: 'confbar' }, h('i', { style: { width: `${pct}%` } })), `${pct}%`);
}

function relationsTable(rels, key, root, ctx) {
  const tbody = h('tbody');
  for (const r of rels) {
    const outgoing = r.subject && r.subject.key === key;
    const other = outgoing ? r.object : r.subject;
    const evidenceRow = h('tr', { class: 'evidence-row', hidden: true }, h('td', { colspan: 8 }, evidenceList(r, root, ctx)));
    const toggle = h('button', { type: 'button', class: 'icon expand', title: 'show evidence', 'aria-expanded': 'false' }, '▸');
    toggle.addEventListener('click', () => {
      evidenceRow.hidden = !evidenceRow.hidden;
      toggle.textContent = evidenceRow.hidden ? '▸' : '▾';
      toggle.setAttribute('aria-expanded', String(!evidenceRow.hidden));
    });
    const claimIds = (r.evidence || []).map((v) => v.claim_id).filter(Boolean);
    const bulk = (kind) => async () => {
      for (const id of claimIds) {
        try { await correct(kind, { claim_id: id }); } catch { return; }
      }
      reload(root, ctx).catch(() => undefined);
    };
    tbody.append(h('tr', { class: ['relation', r.status], dataset: { id: r.id || '', predicate: r.predicate } },
      h('td', null, toggle),
      h('td', { class: 'dir' }, outgoing ? '→' : '←'),
      h('td', null, predicate(r.predicate)),
      h('td', null, entityLink(other)),
      h('td', { class: 'num', title: 'independent works' }, fmtNum(r.works)),
      h('td', { class: 'num muted', title: 'documents' }, fmtNum(r.documents)),
      h('td', { class: 'dates' }, r.first_seen && r.first_seen === r.last_seen ? r.first_seen : [r.first_seen, r.last_seen].filter(Boolean).join(' – ') || '—'),
      h('td', null, confidenceBar(r.confidence), ' ', statusBadge(r.status),
        r.disputed ? h('span', { class: 'badge warn', title: 'some sources deny it' }, 'disputed') : null,
        r.denials ? h('span', { class: 'badge warn', title: 'works that deny it' }, `${r.denials} denial${r.denials === 1 ? '' : 's'}`) : null,
        claimIds.length ? h('span', { class: 'row-actions' },
          h('button', { type: 'button', class: 'icon ok', title: `confirm (${claimIds.length} claims)`, onclick: bulk('confirm_claim') }, '✓'),
          h('button', { type: 'button', class: 'icon bad', title: `reject (${claimIds.length} claims)`, onclick: bulk('reject_claim') }, '✗')) : null)));
    tbody.append(evidenceRow);
  }
  const table = h('table', { class: 'grid relations' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, ''), h('th', null, 'Predicate'), h('th', null, 'Other end'),
      h('th', { class: 'num', title: 'independent works' }, 'Works'), h('th', { class: 'num' }, 'Docs'), h('th', null, 'Seen'), h('th', null, 'Confidence'))),
    tbody);
  const counts = new Map();
  for (const r of rels) counts.set(r.predicate, (counts.get(r.predicate) || 0) + 1);
  if (rels.length <= 10 || counts.size < 2) return table;
  // Many relations: chips filter them by predicate.
  let only = null;
  const chips = h('div', { class: 'chips pred-filter' });
  const apply = () => {
    for (const tr of tbody.querySelectorAll('tr.relation')) {
      const hide = only != null && tr.dataset.predicate !== only;
      tr.hidden = hide;
      if (hide) tr.nextElementSibling.hidden = true;
    }
    for (const c of chips.children) c.classList.toggle('active', c.dataset.p === (only ?? ''));
  };
  const chip = (p, label, n) => h('button', { type: 'button', class: 'chip', dataset: { p }, onclick: () => { only = p || null; apply(); } }, label, h('span', { class: 'muted' }, ` ${n}`));
  chips.append(chip('', 'all', rels.length), ...[...counts].sort((a, b) => b[1] - a[1]).map(([p, n]) => chip(p, p.replace(/_/g, ' '), n)));
  apply();
  return h('div', null, chips, table);
}

function evidenceList(r, root, ctx) {
  const ev = r.evidence || [];
  if (!ev.length) return h('div', { class: 'muted' }, 'No evidence quoted.');
  return h('ol', { class: 'evidence' }, ev.map((v) => h('li', { dataset: { claim: v.claim_id || '' } },
    h('blockquote', null, v.sentence || '(no sentence)'),
    h('div', { class: 'meta' },
      statusBadge(v.status),
      v.negated ? h('span', { class: 'badge warn' }, 'negated') : null,
      v.hedged ? h('span', { class: 'badge warn' }, 'hedged') : null,
      v.doc_id ? docLink(v.doc_id, v.title || v.doc_id) : (v.title || ''),
      v.publisher ? h('span', null, ' · ', v.publisher) : null,
      v.date ? h('span', null, ' · ', v.date) : null,
      v.claim_id ? h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small', onclick: () => action(root, ctx, 'confirm_claim', { claim_id: v.claim_id }) }, 'confirm'),
        h('button', { type: 'button', class: 'small', onclick: () => action(root, ctx, 'reject_claim', { claim_id: v.claim_id }) }, 'reject')) : null))));
}

function timelineList(items) {
  if (!items.length) return h('div', { class: 'muted' }, 'No dated events.');
  const sorted = [...items].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return h('ol', { class: 'mini-timeline' }, sorted.slice(0, 60).map((t) => h('li', null,
    h('span', { class: 'date' }, t.date || '?'),
    predicate(t.predicate), ' ',
    t.other ? entityLink(t.other) : null,
    t.doc_id ? h('span', { class: 'muted' }, ' · ', docLink(t.doc_id, 'source')) : null)));
}

function mentions(key, ctx) {
  const box = h('div', null, h('button', { type: 'button', class: 'small', onclick: load }, 'Show mentions in documents'));
  async function load() {
    replace(box, h('span', { class: 'muted' }, 'Loading…'));
    let list;
    try { list = await get(`/api/entities/${enc(key)}/mentions`, { limit: 30 }, { signal: ctx.signal }); } catch { replace(box, h('span', { class: 'muted' }, 'Could not load mentions.')); return; }
    if (!list || !list.length) { replace(box, h('span', { class: 'muted' }, 'No mentions.')); return; }
    replace(box, h('ol', { class: 'evidence' }, list.map((m) => {
      const chars = Array.from(m.sentence || '');
      const a = Math.max(0, Math.min(m.start ?? 0, chars.length));
      const b = Math.max(a, Math.min(m.end ?? a, chars.length));
      return h('li', null,
        h('blockquote', null, chars.slice(0, a).join(''), h('mark', null, chars.slice(a, b).join('')), chars.slice(b).join('')),
        h('div', { class: 'meta' }, docLink(m.doc_id, m.title || m.doc_id)));
    })));
  }
  return box;
}

function corrections(e, root, ctx) {
  const key = e.key;
  const note = h('input', { type: 'text', placeholder: 'reason (optional, kept in the audit log)', class: 'wide' });
  const reason = () => note.value.trim() || undefined;

  const typeSel = h('select', { name: 'type', 'aria-label': 'entity type' }, TYPES.map((t) => h('option', { value: t, selected: t === e.type }, human(t))));
  const setType = h('form', { class: 'row', id: 'set-type', onsubmit: (ev) => { ev.preventDefault(); if (typeSel.value !== e.type) action(root, ctx, 'set_type', { key, type: typeSel.value }, reason()); } },
    h('label', null, 'Type'), typeSel, h('button', { type: 'submit' }, 'Change'));

  const alias = h('input', { type: 'text', name: 'alias', placeholder: 'another name' });
  const addAlias = h('form', { class: 'row', id: 'add-alias', onsubmit: (ev) => { ev.preventDefault(); const a = alias.value.trim(); if (a) action(root, ctx, 'add_alias', { key, alias: a }, reason()); } },
    h('label', null, 'Alias'), alias, h('button', { type: 'submit' }, 'Add'));

  // Merge: pick the surviving entity by name.
  const mq = h('input', { type: 'search', name: 'merge-q', placeholder: 'find the entity to merge into', autocomplete: 'off' });
  const hits = h('ul', { class: 'picker' });
  const find = debounce(async () => {
    const q = mq.value.trim();
    if (q.length < 2) { clear(hits); return; }
    let res;
    try { res = await get('/api/search', { q, limit: 10 }, { signal: ctx.signal, quiet: true }); } catch { return; }
    replace(hits, (res.entities || []).filter((x) => x.key !== key).map((x) => h('li', null,
      h('button', { type: 'button', class: 'link', onclick: () => replace(hits, h('li', { class: 'confirm' },
        `Merge “${e.name}” into “${x.name}”? Its names, mentions and claims will be read as ${x.key}; a split undoes it. `,
        h('button', { type: 'button', class: 'danger', onclick: () => action(root, ctx, 'merge', { from: key, into: x.key }, reason()) }, 'Merge'),
        h('button', { type: 'button', class: 'small', onclick: () => clear(hits) }, 'Cancel'))) }, x.name),
      ' ', h('span', { class: 'muted' }, `${human(x.type)} · ${x.key}`))));
    if (!hits.firstChild) hits.append(h('li', { class: 'muted' }, 'no other entity matches'));
  }, 200);
  mq.addEventListener('input', find);
  const merge = h('div', { class: 'row col' }, h('label', null, 'Merge into'), mq, hits);

  const split = (e.merged_from || []).length
    ? h('div', { class: 'row col' }, h('label', null, 'Split off (undo merge)'),
      e.merged_from.map((m) => h('button', { type: 'button', class: 'small', onclick: () => action(root, ctx, 'split', { key: m }, reason()) }, `split ${m}`)))
    : null;

  return h('div', { class: 'corrections-form' }, setType, addAlias, merge, split, note);
}

function notes(e, root, ctx) {
  const text = h('textarea', { name: 'note', rows: 3, placeholder: 'Add a note for other analysts' });
  return h('div', null,
    (e.notes || []).length
      ? h('ul', { class: 'notes' }, e.notes.map((n) => h('li', null, h('div', null, n.text), h('div', { class: 'meta' }, [n.who, n.at].filter(Boolean).join(' · ')))))
      : h('div', { class: 'muted' }, 'No notes yet.'),
    h('form', { class: 'note-form', onsubmit: (ev) => {
      ev.preventDefault();
      const t = text.value.trim();
      if (t) action(root, ctx, 'note', { target: e.key, text: t });
    } }, text, h('button', { type: 'submit' }, 'Add note')));
}


/** The last corrections of this entity, with undo (loaded after the profile is drawn). */
function history(key, root, ctx) {
  const box = h('div', { class: 'muted' }, 'Loading…');
  get('/api/corrections', { target: key }, { signal: ctx.signal, quiet: true }).then((list) => {
    const items = [...(list || [])].reverse().slice(0, 6);
    if (!items.length) { replace(box, 'No corrections yet.'); return; }
    box.className = '';
    replace(box, h('ul', { class: 'history' }, items.map((c) => h('li', { class: c.undone_at ? 'undone' : null },
      h('span', { class: 'badge' }, String(c.kind).replace(/_/g, ' ')), ' ',
      h('span', { class: 'meta' }, [c.who, String(c.at || '').replace('T', ' ').replace('Z', '')].filter(Boolean).join(' · ')),
      c.undone_at ? h('span', { class: 'meta' }, ' · undone')
        : h('button', { type: 'button', class: 'small', onclick: async () => {
          try { await post(`/api/corrections/${enc(c.id)}/undo`, {}); } catch { return; }
          reload(root, ctx).catch(() => undefined);
        } }, 'Undo')))));
  }, () => replace(box, 'Could not load the history.'));
  return box;
}
