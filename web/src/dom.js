// DOM helpers. Every piece of data from the server (document text, names, titles) is untrusted:
// it reaches the page only as text nodes or attribute values, never as markup.

const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'multiple', 'hidden', 'open']);

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) el[k] = v;
    else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Only in-app hashes, relative paths and http(s)/mailto links; anything else (javascript:, data:) is dropped. */
export function safeHref(url) {
  if (url.startsWith('#') || url.startsWith('/') && !url.startsWith('//')) return url;
  if (/^(https?:|mailto:)/i.test(url)) return url;
  if (/^[a-z0-9._/-]+$/i.test(url) && !url.includes(':')) return url;
  return '#';
}

function appendAll(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false || c === true) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** h('a', {href: '#/x', class: 'y'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  appendAll(el, children);
  return el;
}

const SVGNS = 'http://www.w3.org/2000/svg';
/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, String(v));
    }
  }
  appendAll(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  appendAll(el, children);
  return el;
}

const loaded = new Map();
/** Loads a same-origin classic script once (the vendored libraries), lazily. */
export function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = h('script', { src });
      el.addEventListener('load', () => resolve());
      el.addEventListener('error', () => { loaded.delete(src); reject(new Error(`could not load ${src}`)); });
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

export function loadCss(href) {
  if (!loaded.has(href)) {
    loaded.set(href, new Promise((resolve) => {
      const el = h('link', { rel: 'stylesheet', href });
      el.addEventListener('load', () => resolve());
      el.addEventListener('error', () => resolve());
      document.head.append(el);
    }));
  }
  return loaded.get(href);
}

/** '#/name/ARG?k=v' with the argument and parameters encoded; empty parameters left out. */
export function route(name, arg, params) {
  let out = `#/${name}`;
  if (arg != null && arg !== '') out += `/${encodeURIComponent(arg)}`;
  const q = qs(params);
  return q ? `${out}?${q}` : out;
}

export function qs(params) {
  if (!params) return '';
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === '' || v === false) continue;
    u.set(k, String(v));
  }
  return u.toString();
}

export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export const TYPE_COLOURS = {
  criminal_org: '#c0392b',
  armed_group: '#7d3c98',
  state_actor: '#2471a3',
  company: '#117a65',
  person: '#5d6d7e',
  country: '#1e8449',
  place: '#52be80',
  commodity: '#b9770e',
  activity: '#d4ac0d',
};
export const TYPES = Object.keys(TYPE_COLOURS);
export function typeColour(t) { return TYPE_COLOURS[t] || '#85929e'; }
export function human(t) {
  if (!t) return '—';
  const x = String(t).replace(/_/g, ' ');
  return x.charAt(0).toUpperCase() + x.slice(1);
}

export const PREDICATES = [
  'cooperates_with', 'conflicts_with', 'part_of', 'operates_in', 'engages_in', 'taxes', 'traffics',
  'seized', 'produces', 'exports', 'ships_to', 'located_in', 'leads', 'member_of', 'arrested',
  'indicted', 'killed',
];

/** A coloured type badge. */
export function typeBadge(t) {
  return h('span', { class: 'badge type', style: { borderColor: typeColour(t), color: typeColour(t) } }, human(t));
}

/** Link to an entity's profile, coloured by type when known. */
export function entityLink(e) {
  if (!e) return '—';
  return h('a', { href: route('entity', e.key), class: 'ent', title: e.type ? human(e.type) : e.key },
    e.type ? h('i', { class: 'dot', style: { background: typeColour(e.type) } }) : null,
    e.name || e.key);
}

export function docLink(id, title) {
  return h('a', { href: route('doc', id), class: 'doc' }, title || id);
}

export function predicate(p) {
  return h('span', { class: 'pred' }, String(p || '').replace(/_/g, ' '));
}

export function fmtNum(n) {
  if (n == null) return '—';
  return Number(n).toLocaleString('en-US');
}

export function fmtBytes(n) {
  if (n == null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function spinner(text = 'Loading…') {
  return h('div', { class: 'loading' }, h('span', { class: 'spin' }), text);
}

export function empty(text) {
  return h('div', { class: 'empty' }, text);
}

/** A section with a heading (and optional tools on its right). */
export function panel(title, tools, ...body) {
  return h('section', { class: 'panel' },
    h('header', null, h('h2', null, title), tools ? h('div', { class: 'tools' }, tools) : null),
    h('div', { class: 'body' }, body));
}

export function debounce(fn, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

/** Download a Blob under `name`. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: '#', download: name });
  a.href = url; // blob: URL, set directly (safeHref keeps in-app links only)
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
