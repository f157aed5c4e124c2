// Search across documents, entities and claims, with facets that filter on click.
import { h, route, go, replace, typeBadge, entityLink, docLink, predicate, fmtNum, human, empty, spinner, typeColour } from '../dom.js';
import { get } from '../api.js';

const FILTERS = ['type', 'country', 'lang', 'year'];
const FACETS = [
  ['type', 'Type', 'type'],
  ['country', 'Country', 'country'],
  ['language', 'Language', 'lang'],
  ['year', 'Year', 'year'],
];

export async function render(root, { params, signal }) {
  const state = { q: params.get('q') || '' };
  for (const f of FILTERS) state[f] = params.get(f) || '';
  const href = (change) => route('search', null, { ...state, ...change });

  const input = h('input', { type: 'search', name: 'q', value: state.q, placeholder: 'Names, places, commodities, phrases…', autofocus: true, 'aria-label': 'Search query' });
  const form = h('form', { class: 'searchbar', onsubmit: (e) => { e.preventDefault(); go(href({ q: input.value.trim() })); } },
    input, h('button', { type: 'submit', class: 'primary' }, 'Search'));
  const chips = h('div', { class: 'chips' });
  for (const f of FILTERS) {
    if (state[f]) {
      chips.append(h('a', { class: 'chip', href: href({ [f]: '' }), title: 'remove filter' }, `${f}: ${f === 'type' ? human(state[f]) : state[f]}`, h('b', null, ' ×')));
    }
  }
  const facets = h('aside', { class: 'facets' }, spinner());
  const results = h('div', { class: 'results' });
  replace(root, h('div', { class: 'search-view' }, form, chips, h('div', { class: 'split' }, facets, results)));

  const data = await get('/api/search', {
    q: state.q,
    type: state.type,
    country: state.country,
    lang: state.lang,
    since: state.year,
    until: state.year,
    limit: 50,
  }, { signal });

  // Facets.
  replace(facets);
  const fc = data.facets || {};
  for (const [key, label, param] of FACETS) {
    let entries = Object.entries(fc[key] || {});
    if (!entries.length) continue;
    if (key === 'year') entries.sort((a, b) => b[0].localeCompare(a[0]));
    else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const max = Math.max(...entries.map((e) => e[1]), 1);
    const list = h('ul', { class: 'facet', dataset: { facet: key } });
    for (const [value, n] of entries.slice(0, 25)) {
      const active = state[param] === value;
      list.append(h('li', null, h('a', { href: href({ [param]: active ? '' : value }), class: active ? 'active' : null, dataset: { value } },
        key === 'type' ? h('i', { class: 'dot', style: { background: typeColour(value) } }) : null,
        h('span', { class: 'fv' }, key === 'type' ? human(value) : value),
        h('span', { class: 'fn' }, fmtNum(n)),
        h('span', { class: 'fbar', style: { width: `${Math.round((n / max) * 100)}%` } }))));
    }
    facets.append(h('div', { class: 'facet-group' }, h('h3', null, label), list));
  }
  if (!facets.firstChild) facets.append(h('div', { class: 'muted' }, 'No facets.'));

  // Results.
  const ents = data.entities || [];
  const docs = data.documents || [];
  const claims = data.claims || [];
  results.append(h('div', { class: 'summary muted' },
    state.q ? `“${state.q}”: ` : 'Top items: ',
    `${ents.length} entities, ${docs.length} documents, ${claims.length} claims`));

  if (ents.length) {
    results.append(h('section', { class: 'result-group', id: 'r-entities' },
      h('h2', null, 'Entities ', h('span', { class: 'count' }, ents.length)),
      h('table', { class: 'grid' },
        h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Type'), h('th', null, 'Country'), h('th', { class: 'num' }, 'Mentions'), h('th', { class: 'num' }, 'Docs'), h('th', null, ''))),
        h('tbody', null, ents.map((e) => h('tr', null,
          h('td', null, entityLink(e)),
          h('td', null, typeBadge(e.type)),
          h('td', null, e.country || ''),
          h('td', { class: 'num' }, fmtNum(e.mentions)),
          h('td', { class: 'num' }, fmtNum(e.documents)),
          h('td', { class: 'actions' }, h('a', { href: route('graph', null, { center: e.key }), title: 'graph around it' }, 'graph'))))))));
  }
  if (docs.length) {
    results.append(h('section', { class: 'result-group', id: 'r-documents' },
      h('h2', null, 'Documents ', h('span', { class: 'count' }, docs.length)),
      h('ol', { class: 'doclist' }, docs.map((d) => h('li', null,
        h('div', { class: 'title' }, docLink(d.id, d.title || '(untitled)')),
        h('div', { class: 'meta' }, [d.publisher, d.date, d.lang].filter(Boolean).join(' · ')),
        d.snippet ? h('div', { class: 'snippet' }, marked(d.snippet, state.q)) : null)))));
  }
  if (claims.length) {
    results.append(h('section', { class: 'result-group', id: 'r-claims' },
      h('h2', null, 'Claims ', h('span', { class: 'count' }, claims.length)),
      h('ol', { class: 'claimlist' }, claims.map((c) => h('li', null,
        h('div', { class: 'triple' }, entityLink(c.subject), ' ', predicate(c.predicate), ' ', entityLink(c.object)),
        c.sentence ? h('blockquote', null, marked(c.sentence, state.q)) : null,
        h('div', { class: 'meta' }, c.doc_id ? docLink(c.doc_id, 'document') : null, c.date ? ` · ${c.date}` : ''))))));
  }
  if (!ents.length && !docs.length && !claims.length) results.append(empty('Nothing matches. Try fewer words or remove a filter.'));
}

/** `text` with the query's words (3+ letters, any case) in <mark>, as text nodes only. */
function marked(text, q) {
  const words = (q.match(/[\p{L}\p{N}]{3,}/gu) || []).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return text;
  const re = new RegExp(`(${words.join('|')})`, 'giu');
  return text.split(re).map((part, i) => (i % 2 ? h('mark', null, part) : part));
}
