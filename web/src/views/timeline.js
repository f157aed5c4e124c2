// Timeline of dated events and claims: an SVG chart drawn here (one lane per predicate, a dot
// per item, counts per year beneath) and the list, filtered by entity and dates.
import { h, s, route, go, replace, entityLink, docLink, predicate, fmtNum, empty, PREDICATES } from '../dom.js';
import { get } from '../api.js';

const PALETTE = ['#c0392b', '#2471a3', '#b9770e', '#7d3c98', '#148f77', '#d35400', '#2e4053', '#a93226', '#1e8449', '#5d6d7e'];

/** '2014', '2014-03', '2014-03-09' → fractional year. */
function yearOf(d) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(d || ''));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 0;
  const da = m[3] ? Number(m[3]) - 1 : 0;
  const exact = m[2] ? (m[3] ? mo / 12 + da / 365 : mo / 12 + 1 / 24) : 0.5;
  return y + exact;
}

export async function render(root, ctx) {
  const p = ctx.params;
  const f = { entity: p.get('entity') || '', since: p.get('since') || '', until: p.get('until') || '' };
  const ent = h('input', { type: 'text', name: 'entity', value: f.entity, placeholder: 'entity (name or key)', size: 22 });
  const since = h('input', { type: 'text', name: 'since', value: f.since, placeholder: 'since YYYY', size: 9 });
  const until = h('input', { type: 'text', name: 'until', value: f.until, placeholder: 'until YYYY', size: 9 });
  const pred = h('select', { name: 'predicate' }, h('option', { value: '' }, 'all predicates'), PREDICATES.map((x) => h('option', { value: x }, x.replace(/_/g, ' '))));
  const status = h('span', { class: 'muted', id: 'timeline-status' });
  const chart = h('div', { class: 'chart' });
  const list = h('div', { class: 'timeline-list' });
  replace(root, h('div', { class: 'timeline-view' },
    h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); go(route('timeline', null, { entity: ent.value.trim(), since: since.value.trim(), until: until.value.trim() })); } },
      ent, since, until, h('button', { type: 'submit', class: 'primary' }, 'Apply'), pred,
      f.entity ? h('a', { class: 'btn', href: route('entity', f.entity) }, 'Profile') : null, status),
    chart, list));

  const data = await get('/api/timeline', { ...f, limit: 2000 }, { signal: ctx.signal });
  const all = (data.items || []).filter((x) => yearOf(x.date) != null);
  const draw = () => {
    const items = pred.value ? all.filter((x) => x.predicate === pred.value) : all;
    status.textContent = `${fmtNum(items.length)} dated items`;
    status.dataset.items = String(items.length);
    replace(chart, items.length ? drawChart(items) : empty('No dated events or claims match.'));
    replace(list, drawList(items));
  };
  pred.addEventListener('change', draw);
  draw();
}

function drawChart(items) {
  const lanes = [...new Set(items.map((x) => x.predicate))].sort();
  const colour = new Map(lanes.map((l, i) => [l, PALETTE[i % PALETTE.length]]));
  const ys = items.map((x) => yearOf(x.date));
  let lo = Math.floor(Math.min(...ys));
  let hi = Math.floor(Math.max(...ys)) + 1;
  if (hi - lo < 2) { lo -= 1; hi += 1; }
  const W = 1100;
  const left = 120;
  const right = 20;
  const laneH = 18;
  const histH = 50;
  const top = 10;
  const H = top + lanes.length * laneH + 14 + histH + 24;
  const x = (v) => left + ((v - lo) / (hi - lo)) * (W - left - right);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img', 'aria-label': 'timeline chart' });
  // Year grid.
  const step = hi - lo > 30 ? 5 : hi - lo > 12 ? 2 : 1;
  for (let y = lo; y <= hi; y += step) {
    svg.append(s('line', { x1: x(y), x2: x(y), y1: top, y2: H - 20, stroke: '#e3e7eb' }));
    svg.append(s('text', { x: x(y), y: H - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#566573' }, String(y)));
  }
  lanes.forEach((l, i) => {
    const yy = top + i * laneH + laneH / 2;
    svg.append(s('text', { x: left - 8, y: yy + 3, 'text-anchor': 'end', 'font-size': 10, fill: '#34495e' }, l.replace(/_/g, ' ')));
    svg.append(s('line', { x1: left, x2: W - right, y1: yy, y2: yy, stroke: '#f0f2f4' }));
  });
  const laneIdx = new Map(lanes.map((l, i) => [l, i]));
  items.forEach((it, k) => {
    const yy = top + laneIdx.get(it.predicate) * laneH + laneH / 2;
    const c = s('circle', { cx: x(yearOf(it.date)).toFixed(1), cy: yy, r: 4, fill: colour.get(it.predicate), 'fill-opacity': 0.7, stroke: '#fff', 'stroke-width': 0.5, class: 'ev' },
      s('title', null, `${it.date} — ${it.subject ? it.subject.name : ''} ${it.predicate} ${it.object ? it.object.name : ''}`));
    c.addEventListener('click', () => {
      const row = document.getElementById(`tl-${k}`);
      if (row) { row.scrollIntoView({ block: 'center' }); row.classList.add('flash'); setTimeout(() => row.classList.remove('flash'), 1200); }
    });
    svg.append(c);
  });
  // Counts per year.
  const counts = new Map();
  for (const v of ys) counts.set(Math.floor(v), (counts.get(Math.floor(v)) || 0) + 1);
  const maxC = Math.max(...counts.values());
  const base = top + lanes.length * laneH + 14 + histH;
  const bw = Math.max(2, (W - left - right) / (hi - lo) - 2);
  svg.append(s('text', { x: left - 8, y: base - histH / 2, 'text-anchor': 'end', 'font-size': 10, fill: '#566573' }, 'per year'));
  for (const [y, n] of counts) {
    const bh = (n / maxC) * histH;
    svg.append(s('rect', { x: x(y) + 1, y: base - bh, width: bw, height: bh, fill: '#85929e' }, s('title', null, `${y}: ${n}`)));
  }
  return svg;
}

function drawList(items) {
  return h('table', { class: 'grid' },
    h('thead', null, h('tr', null, h('th', null, 'Date'), h('th', null, 'Subject'), h('th', null, 'Predicate'), h('th', null, 'Object'), h('th', null, 'Quantity'), h('th', null, 'Evidence'))),
    h('tbody', null, items.slice(0, 1000).map((it, k) => h('tr', { id: `tl-${k}` },
      h('td', { class: 'date' }, it.date, it.precision && it.precision !== 'day' ? h('span', { class: 'muted' }, ` (${it.precision})`) : null),
      h('td', null, it.subject ? entityLink(it.subject) : '—'),
      h('td', null, predicate(it.predicate)),
      h('td', null, it.object ? entityLink(it.object) : '—'),
      h('td', { class: 'num' }, quantity(it.quantity)),
      h('td', { class: 'sentence' }, it.sentence ? h('span', null, it.sentence) : null, it.doc_id ? h('span', null, ' ', docLink(it.doc_id, '↗ doc')) : null)))));
}

/** `{value, unit}` (the server's shape) or a plain value. */
function quantity(q) {
  if (q == null) return '';
  if (typeof q === 'object') return [q.value == null ? '' : fmtNum(q.value), q.unit || ''].join(' ').trim();
  return String(q);
}
