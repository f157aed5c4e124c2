// Graph explorer on Cytoscape.js: the overview or an entity's neighbourhood (the server cuts it
// to `limit` by support), expanded node by node (double-click, or "Expand" in the side panel),
// with the server's filters, re-layout, and PNG/SVG export. Big graphs are added in batches
// (cy.batch per batch, a frame between batches) and laid out cheaply.
import { h, s, route, go, replace, clear, loadScript, typeColour, human, TYPES, PREDICATES, fmtNum, entityLink, predicate, download, debounce, TYPE_COLOURS } from '../dom.js';
import { get } from '../api.js';

const BATCH = 500;
const COSE_MAX = 400; // nodes above which the layout is cheap (concentric / grid)
const EXPAND_LIMIT = 80;

export async function render(root, ctx) {
  const p = ctx.params;
  const f = {
    center: p.get('center') || '',
    depth: p.get('depth') || '1',
    predicate: p.get('predicate') || '',
    type: p.get('type') || '',
    since: p.get('since') || '',
    until: p.get('until') || '',
    min_support: p.get('min_support') || '',
    limit: p.get('limit') || '300',
  };
  const filters = () => ({ predicate: f.predicate, type: f.type, since: f.since, until: f.until, min_support: f.min_support });

  // Toolbar.
  const sel = (name, options, value) => h('select', { name, 'aria-label': name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  const depth = sel('depth', [['1', 'depth 1'], ['2', 'depth 2']], f.depth);
  const pred = sel('predicate', [['', 'all predicates'], ...PREDICATES.map((x) => [x, x.replace(/_/g, ' ')])], f.predicate);
  const type = sel('type', [['', 'all types'], ...TYPES.map((t) => [t, human(t)])], f.type);
  const since = h('input', { type: 'text', name: 'since', value: f.since, placeholder: 'since YYYY', size: 9, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' });
  const until = h('input', { type: 'text', name: 'until', value: f.until, placeholder: 'until YYYY', size: 9, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' });
  const minSup = h('input', { type: 'number', name: 'min_support', value: f.min_support, placeholder: 'min support', min: 1, style: { width: '7em' } });
  const limit = sel('limit', ['100', '300', '1000', '3000'].map((x) => [x, `${x} nodes`]), f.limit);
  const centerQ = h('input', { type: 'search', name: 'center-q', placeholder: f.center ? 'other centre…' : 'start from an entity…', autocomplete: 'off' });
  const picks = h('ul', { class: 'picker floating' });
  const apply = (change = {}) => go(route('graph', null, {
    center: f.center, depth: depth.value, predicate: pred.value, type: type.value, since: since.value.trim(), until: until.value.trim(),
    min_support: minSup.value, limit: limit.value === '300' ? '' : limit.value, ...change,
  }));
  centerQ.addEventListener('input', debounce(async () => {
    const q = centerQ.value.trim();
    if (q.length < 2) { clear(picks); return; }
    let res;
    try { res = await get('/api/search', { q, limit: 8 }, { signal: ctx.signal, quiet: true }); } catch { return; }
    replace(picks, (res.entities || []).map((x) => h('li', null, h('button', { type: 'button', class: 'link', onclick: () => apply({ center: x.key }) },
      h('i', { class: 'dot', style: { background: typeColour(x.type) } }), x.name), ' ', h('span', { class: 'muted' }, human(x.type)))));
  }, 200));

  const status = h('span', { id: 'graph-status', class: 'muted' }, 'loading…');
  const centreChip = h('span', { class: 'chip centre', hidden: !f.center, title: 'the entity this graph starts from' }, 'centre: ', h('b', null, f.center));
  const btn = (label, title, fn) => h('button', { type: 'button', title, onclick: fn }, label);
  const toolbar = h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); apply(); } },
    centreChip,
    h('span', { class: 'picker-wrap' }, centerQ, picks),
    f.center ? h('a', { href: route('graph', null, { ...filters() }), class: 'btn', title: 'the best-supported nodes of the whole graph' }, 'Overview') : null,
    depth, pred, type, since, until, minSup, limit,
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    h('span', { class: 'sep' }),
    btn('Re-layout', 'force-directed layout (cose)', () => layout(true)),
    btn('Fit', 'fit to screen', () => cy.fit(undefined, 30)),
    btn('PNG', 'export as PNG', () => exportPng()),
    btn('SVG', 'export as SVG', () => exportSvg()),
    status);
  const box = h('div', { id: 'cy', class: 'cy' });
  const info = h('aside', { class: 'graph-info' }, h('div', { class: 'muted' }, 'Click a node or an edge for details; double-click a node to expand its neighbours.'));
  const legend = h('div', { class: 'legend' }, Object.entries(TYPE_COLOURS).map(([t, c]) => h('span', null, h('i', { class: 'dot', style: { background: c } }), human(t))));
  replace(root, h('div', { class: 'graph-view' }, toolbar, h('div', { class: 'graph-main' }, h('div', { class: 'cy-wrap' }, box, legend), info)));

  await loadScript('vendor/cytoscape.min.js');
  const data = await get('/api/graph', { center: f.center, depth: f.center ? f.depth : '', ...filters(), limit: f.limit }, { signal: ctx.signal });
  const big = (data.nodes || []).length > COSE_MAX;
  // Past a few dozen nodes only the hubs are named (the rest on hover or selection).
  const named = (data.nodes || []).length > 60;

  const cy = window.cytoscape({
    container: box,
    elements: [],
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 3,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    style: graphStyle(big, named),
  });
  window.nexusGraph = cy; // for the console and the end-to-end test
  const expanded = new Set();
  let maxSupport = 1;

  function weigh() {
    cy.edges().forEach((e) => { maxSupport = Math.max(maxSupport, e.data('support') || 1); });
    const lm = Math.log(1 + maxSupport);
    cy.batch(() => cy.edges().forEach((e) => e.data('w', 1 + (7 * Math.log(1 + (e.data('support') || 1))) / lm)));
  }
  function nodeData(n) {
    const deg = n.degree || 0;
    const size = big ? Math.min(18, 5 + 1.5 * Math.log2(1 + deg)) : Math.min(60, 14 + 5 * Math.log2(1 + deg));
    return { group: 'nodes', data: { id: n.id, name: n.name || n.id, type: n.type || '', country: n.country || '', degree: deg, size } };
  }
  function edgeData(e) {
    return { group: 'edges', data: { id: `e:${e.id}`, eid: e.id, source: e.source, target: e.target, predicate: e.predicate, support: e.support || 1, first_seen: e.first_seen || '', last_seen: e.last_seen || '', w: 1 } };
  }

  /** Adds what is new in a graph answer, a batch per frame; positions new nodes around `around`. */
  async function merge(g, around) {
    const nodes = (g.nodes || []).filter((n) => cy.getElementById(n.id).empty()).map(nodeData);
    const known = new Set(cy.nodes().map((n) => n.id()));
    nodes.forEach((n) => known.add(n.data.id));
    const edges = (g.edges || []).filter((e) => cy.getElementById(`e:${e.id}`).empty() && known.has(e.source) && known.has(e.target)).map(edgeData);
    if (around) {
      const c = around.position();
      const r = 90 + 6 * Math.sqrt(nodes.length);
      nodes.forEach((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
        n.position = { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
      });
    }
    const all = [...nodes, ...edges];
    for (let i = 0; i < all.length; i += BATCH) {
      const chunk = all.slice(i, i + BATCH);
      cy.batch(() => cy.add(chunk));
      if (i + BATCH < all.length) {
        status.textContent = `adding… ${fmtNum(i + BATCH)} / ${fmtNum(all.length)}`;
        await new Promise((r) => requestAnimationFrame(r));
        if (ctx.signal.aborted) return 0;
      }
    }
    weigh();
    return nodes.length;
  }

  let running = null;
  function layout(force) {
    if (running) running.stop();
    const n = cy.nodes().length;
    let opts;
    if (n <= COSE_MAX || force) {
      opts = { name: 'cose', animate: n <= 150 ? 'end' : false, animationDuration: 400, randomize: !force || n > COSE_MAX, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, numIter: n > COSE_MAX ? 300 : 1000, fit: true, padding: 30 };
    } else {
      // A sunflower (phyllotaxis) spiral by degree: linear time, even density, hubs in the middle.
      const order = cy.nodes().sort((a, b) => b.data('degree') - a.data('degree'));
      const at = new Map();
      order.forEach((node, k) => {
        const r = 16 * Math.sqrt(k + 0.5);
        const t = k * 2.39996323; // the golden angle
        at.set(node.id(), { x: r * Math.cos(t), y: r * Math.sin(t) });
      });
      opts = { name: 'preset', positions: (node) => at.get(node.id()), animate: false, fit: true, padding: 20 };
    }
    running = cy.layout(opts);
    // A handful of nodes fitted to the screen would be drawn huge: cap the zoom.
    running.one('layoutstop', () => { if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); } });
    running.run();
  }

  function showStatus() {
    const n = cy.nodes().length;
    const m = cy.edges().length;
    status.dataset.nodes = String(n);
    status.dataset.edges = String(m);
    status.textContent = `${fmtNum(n)} nodes · ${fmtNum(m)} edges${data.truncated ? ` · cut to the best-supported (of ${fmtNum(data.total_nodes)})` : ''}`;
  }

  async function expand(node) {
    const id = node.id();
    status.textContent = `expanding ${node.data('name')}…`;
    let g;
    try {
      g = await get('/api/graph', { center: id, depth: 1, ...filters(), limit: EXPAND_LIMIT }, { signal: ctx.signal });
    } catch { showStatus(); return; }
    expanded.add(id);
    node.addClass('expanded');
    const added = await merge(g, node);
    showStatus();
    status.append(` · +${added} from ${node.data('name')}`);
    if (added && cy.nodes().length <= COSE_MAX) {
      if (running) running.stop();
      const n = cy.nodes().length;
      running = cy.layout({ name: 'cose', animate: 'end', animationDuration: 350, randomize: false, fit: n <= 80, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, numIter: 400 });
      running.one('layoutstop', () => { if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); } });
      running.run();
    }
    select(node);
  }

  function select(el) {
    if (el.isNode()) {
      const d = el.data();
      replace(info,
        h('h3', null, h('i', { class: 'dot', style: { background: typeColour(d.type) } }), d.name),
        h('div', { class: 'meta' }, human(d.type), d.country ? ` · ${d.country}` : '', ` · degree ${fmtNum(d.degree)}`),
        h('div', { class: 'meta' }, `${el.connectedEdges().length} edges shown`, expanded.has(d.id) ? ' · expanded' : ''),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', class: 'primary', onclick: () => expand(el) }, 'Expand'),
          h('a', { class: 'btn', href: route('entity', d.id) }, 'Profile'),
          h('a', { class: 'btn', href: route('graph', null, { ...filters(), center: d.id }) }, 'Centre here'),
          h('button', { type: 'button', onclick: () => { el.remove(); showStatus(); replace(info); } }, 'Hide')),
        h('h4', null, 'Edges'),
        h('ul', { class: 'edge-list' }, el.connectedEdges().sort((a, b) => b.data('support') - a.data('support')).slice(0, 40).map((e) => {
          const other = e.source().id() === d.id ? e.target() : e.source();
          return h('li', null, e.source().id() === d.id ? '→ ' : '← ', predicate(e.data('predicate')), ' ',
            entityLink({ key: other.id(), name: other.data('name'), type: other.data('type') }), h('span', { class: 'muted' }, ` ×${e.data('support')}`));
        })));
    } else {
      const d = el.data();
      const a = el.source();
      const b = el.target();
      replace(info,
        h('h3', null, predicate(d.predicate)),
        h('div', null, entityLink({ key: a.id(), name: a.data('name'), type: a.data('type') }), ' → ', entityLink({ key: b.id(), name: b.data('name'), type: b.data('type') })),
        h('div', { class: 'meta' }, `support ${fmtNum(d.support)} works`, d.first_seen ? ` · ${d.first_seen} – ${d.last_seen}` : ''),
        h('div', { class: 'buttons' }, h('a', { class: 'btn', href: route('entity', a.id()) }, 'Evidence in profile')));
    }
  }

  cy.on('tap', 'node, edge', (e) => select(e.target));
  cy.on('dbltap', 'node', (e) => expand(e.target));
  cy.on('mouseover', 'node', (e) => e.target.addClass('hover'));
  cy.on('mouseout', 'node', (e) => e.target.removeClass('hover'));

  async function exportPng() {
    const blob = cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob', maxWidth: 8000, maxHeight: 8000 });
    download(blob, `nexus-graph${f.center ? `-${f.center.replace(/[^\w-]+/g, '_')}` : ''}.png`);
  }
  function exportSvg() {
    const text = new XMLSerializer().serializeToString(toSvg(cy));
    download(new Blob([text], { type: 'image/svg+xml' }), `nexus-graph${f.center ? `-${f.center.replace(/[^\w-]+/g, '_')}` : ''}.svg`);
  }

  await merge(data, null);
  if (ctx.signal.aborted) { cy.destroy(); return undefined; }
  if (named) {
    // Hundreds of labels are unreadable (and slow): name only the best-connected nodes.
    cy.batch(() => cy.nodes().sort((a, b) => b.data('degree') - a.data('degree')).slice(0, big ? 25 : 30).addClass('lbl'));
  }
  if (f.center) {
    cy.getElementById(f.center).addClass('center');
    const c = (data.nodes || []).find((n) => n.id === f.center);
    if (c) replace(centreChip, 'centre: ', h('a', { href: route('entity', f.center) }, c.name || f.center));
  }
  layout(false);
  showStatus();
  if (!cy.nodes().length) replace(info, h('div', { class: 'empty' }, 'No edges match these filters.'));
  else if (f.center && !cy.getElementById(f.center).empty()) select(cy.getElementById(f.center));

  return () => { if (running) running.stop(); cy.destroy(); if (window.nexusGraph === cy) window.nexusGraph = null; };
}

function graphStyle(big, named) {
  const style = [
    { selector: 'node', style: {
      'background-color': '#85929e', width: 'data(size)', height: 'data(size)', label: named ? '' : 'data(name)',
      'font-size': 9, 'font-family': 'system-ui, sans-serif', color: '#1c2833', 'text-valign': 'bottom', 'text-margin-y': 2,
      'min-zoomed-font-size': big ? 4 : 6, 'border-width': 1, 'border-color': '#ffffff', 'text-max-width': 120, 'text-wrap': 'ellipsis',
    } },
    { selector: 'edge', style: {
      width: 'data(w)', 'line-color': '#aab7c4', opacity: big ? 0.3 : 0.75,
      'curve-style': big ? 'haystack' : 'bezier',
      'target-arrow-shape': big ? 'none' : 'triangle', 'target-arrow-color': '#aab7c4', 'arrow-scale': 0.6,
    } },
    { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#111' } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#f39c12' } },
    { selector: 'node.lbl, node.hover, node:selected, node.center, node.expanded', style: { label: 'data(name)' } },
    { selector: 'node.lbl', style: { 'font-size': big ? 16 : 18, 'min-zoomed-font-size': 0, 'font-weight': 600, 'text-outline-color': '#ffffff', 'text-outline-width': big ? 3 : 2 } },
    { selector: 'node.hover', style: { 'font-size': 11, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f1c40f', 'line-color': '#f39c12', 'target-arrow-color': '#f39c12', opacity: 1 } },
    { selector: 'edge:selected', style: { label: 'data(predicate)', 'font-size': 8, 'text-rotation': 'autorotate', color: '#7e5109' } },
  ];
  for (const [t, c] of Object.entries(TYPE_COLOURS)) style.push({ selector: `node[type = "${t}"]`, style: { 'background-color': c } });
  return style;
}

/** The graph as drawn, as a standalone SVG document (no library needed). */
function toSvg(cy) {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const w = Math.max(1, bb.w + 2 * pad);
  const hh = Math.max(1, bb.h + 2 * pad);
  const root = s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `${bb.x1 - pad} ${bb.y1 - pad} ${w} ${hh}`, width: Math.round(w), height: Math.round(hh), 'font-family': 'sans-serif' });
  root.append(s('rect', { x: bb.x1 - pad, y: bb.y1 - pad, width: w, height: hh, fill: '#ffffff' }));
  const edges = s('g', { stroke: '#aab7c4', 'stroke-opacity': 0.8, fill: 'none' });
  cy.edges().forEach((e) => {
    const a = e.source().position();
    const b = e.target().position();
    edges.append(s('line', { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1), 'stroke-width': (e.data('w') || 1).toFixed(2) },
      s('title', null, `${e.source().data('name')} ${e.data('predicate')} ${e.target().data('name')} (${e.data('support')})`)));
  });
  root.append(edges);
  const nodes = s('g', { stroke: '#ffffff' });
  const labels = s('g', { 'font-size': 9, 'text-anchor': 'middle', fill: '#1c2833' });
  cy.nodes().forEach((n) => {
    const p = n.position();
    const r = (n.data('size') || 14) / 2;
    nodes.append(s('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1), fill: typeColour(n.data('type')) }, s('title', null, n.data('name'))));
    labels.append(s('text', { x: p.x.toFixed(1), y: (p.y + r + 10).toFixed(1) }, n.data('name')));
  });
  root.append(nodes, labels);
  return root;
}
