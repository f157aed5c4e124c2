// Map on Leaflet with no tile layer (air-gapped): country shapes from /api/geo/countries as a
// GeoJSON layer, places as circle markers sized by mentions, routes as polylines weighted by
// volume or support. Popups are built as DOM nodes (Leaflet would parse a string as HTML).
import { h, route, go, replace, loadScript, loadCss, fmtNum, entityLink, predicate, human } from '../dom.js';
import { get } from '../api.js';

let countries = null; // the shapes, fetched once per page load

export async function render(root, ctx) {
  const p = ctx.params;
  const f = { entity: p.get('entity') || '', commodity: p.get('commodity') || '', since: p.get('since') || '', until: p.get('until') || '' };
  const input = (name, placeholder, size) => h('input', { type: 'text', name, value: f[name], placeholder, size });
  const ent = input('entity', 'entity (name or key)', 20);
  const com = input('commodity', 'commodity', 12);
  const since = input('since', 'since YYYY', 9);
  const until = input('until', 'until YYYY', 9);
  const status = h('span', { id: 'map-status', class: 'muted' }, 'loading…');
  const toolbar = h('form', { class: 'toolbar', onsubmit: (e) => {
    e.preventDefault();
    go(route('map', null, { entity: ent.value.trim(), commodity: com.value.trim(), since: since.value.trim(), until: until.value.trim() }));
  } }, ent, com, since, until, h('button', { type: 'submit', class: 'primary' }, 'Apply'),
  f.entity || f.commodity || f.since || f.until ? h('a', { class: 'btn', href: '#/map' }, 'Clear') : null,
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'show-routes', checked: true, onchange: (e) => toggle(routesLayer, e.target.checked) }), 'routes'),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'show-places', checked: true, onchange: (e) => toggle(placesLayer, e.target.checked) }), 'places'),
  status);
  const box = h('div', { id: 'map', class: 'map' });
  const list = h('aside', { class: 'map-side' });
  replace(root, h('div', { class: 'map-view' }, toolbar, h('div', { class: 'map-main' }, box, list)));

  await Promise.all([loadCss('vendor/leaflet.css'), loadScript('vendor/leaflet.js')]);
  const L = window.L;
  const map = L.map(box, { zoomAnimation: true, fadeAnimation: false, worldCopyJump: false, zoomSnap: 0.25, minZoom: 1, maxZoom: 12, preferCanvas: false, attributionControl: false });
  map.setView([-5, -60], 3);
  window.nexusMap = map;
  let placesLayer = null;
  let routesLayer = null;
  function toggle(layer, on) { if (!layer) return; if (on) layer.addTo(map); else map.removeLayer(layer); }

  const [geo, data] = await Promise.all([
    countries ? Promise.resolve(countries) : get('/api/geo/countries', null, { signal: ctx.signal }),
    get('/api/map', f, { signal: ctx.signal }),
  ]);
  countries = geo;
  const touched = new Set();
  L.geoJSON(geo, {
    style: () => ({ color: '#8a96a3', weight: 0.6, fillColor: '#e9edf1', fillOpacity: 1, className: 'country' }),
    onEachFeature: (feat, layer) => {
      const name = (feat.properties && feat.properties.name) || '';
      layer.bindTooltip(h('span', null, name), { sticky: true, className: 'country-tip' });
    },
  }).addTo(map);

  const places = data.places || [];
  // A route's commodity: its name (a string); an object {key, name} is read too.
  const commodity = (r) => (r.commodity && typeof r.commodity === 'object' ? r.commodity.name || r.commodity.key : r.commodity || '');
  const allRoutes = data.routes || [];
  // Thousands of arcs hide each other (and cost seconds): only the heaviest are drawn.
  const MAX_ROUTES = 600;
  const maxM = Math.max(1, ...places.map((x) => x.mentions || 1));
  const weightOf = (r) => (r.volume_kg ? Math.log10(1 + r.volume_kg) : 0) + (r.support || 1);
  const routes = allRoutes.length > MAX_ROUTES ? [...allRoutes].sort((a, b) => weightOf(b) - weightOf(a)).slice(0, MAX_ROUTES) : allRoutes;
  const maxW = Math.max(1, ...routes.map(weightOf));
  const opacity = routes.length > 150 ? 0.35 : 0.6;

  // One colour per commodity (the most frequent first), grey for routes that name none.
  const PALETTE = ['#c0392b', '#2471a3', '#b9770e', '#7d3c98', '#148f77', '#d35400', '#2e4053', '#a93226'];
  const byCommodity = new Map();
  for (const r of routes) { const c = commodity(r); if (c) byCommodity.set(c, (byCommodity.get(c) || 0) + 1); }
  const colours = new Map([...byCommodity.entries()].sort((a, b) => b[1] - a[1]).slice(0, PALETTE.length).map(([c], i) => [c, PALETTE[i]]));
  const colourOf = (r) => colours.get(commodity(r)) || '#7f8c8d';
  routesLayer = L.layerGroup();
  for (const r of routes) {
    if (!r.from || !r.to || r.from.lat == null || r.to.lat == null) continue;
    const w = 1.5 + (7 * weightOf(r)) / maxW;
    const line = L.polyline(arc([r.from.lat, r.from.lon], [r.to.lat, r.to.lon]), { color: colourOf(r), weight: w, opacity, className: 'route' });
    line.bindPopup(() => h('div', { class: 'popup' },
      h('div', null, h('b', null, r.from.name), ' → ', h('b', null, r.to.name)),
      h('div', null, predicate(r.predicate), commodity(r) ? ` · ${commodity(r)}` : ''),
      h('div', { class: 'meta' }, r.volume_kg ? `${fmtNum(Math.round(r.volume_kg))} kg · ` : '', `support ${fmtNum(r.support)}`),
      (r.claim_ids || []).length ? h('div', { class: 'meta' }, `${r.claim_ids.length} claims`) : null,
      h('div', null, entityLink({ key: r.from.key, name: r.from.name }), ' · ', entityLink({ key: r.to.key, name: r.to.name }))));
    line.on('mouseover', () => line.setStyle({ opacity: 1 }));
    line.on('mouseout', () => line.setStyle({ opacity }));
    routesLayer.addLayer(line);
  }
  routesLayer.addTo(map);

  placesLayer = L.layerGroup();
  const bounds = [];
  for (const pl of places) {
    if (pl.lat == null || pl.lon == null) continue;
    const radius = 3 + 14 * Math.sqrt((pl.mentions || 1) / maxM);
    const m = L.circleMarker([pl.lat, pl.lon], { radius, color: '#1b4f72', weight: 1, fillColor: pl.type === 'country' ? '#1e8449' : '#2e86c1', fillOpacity: 0.55, className: 'place' });
    m.bindTooltip(h('span', null, `${pl.name} (${fmtNum(pl.mentions)})`));
    m.bindPopup(() => h('div', { class: 'popup' },
      h('div', null, entityLink(pl)),
      h('div', { class: 'meta' }, `${human(pl.type)} · ${fmtNum(pl.mentions)} mentions`),
      h('div', null, h('a', { href: route('map', null, { entity: pl.key }) }, 'routes touching it'), ' · ', h('a', { href: route('graph', null, { center: pl.key }) }, 'graph'))));
    placesLayer.addLayer(m);
    bounds.push([pl.lat, pl.lon]);
    touched.add(pl.key);
  }
  placesLayer.addTo(map);
  for (const r of routes) { if (r.from && r.from.lat != null) bounds.push([r.from.lat, r.from.lon]); if (r.to && r.to.lat != null) bounds.push([r.to.lat, r.to.lon]); }
  if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.15), { maxZoom: 6, animate: false });

  status.textContent = `${fmtNum(places.length)} places · ${fmtNum(allRoutes.length)} routes${routes.length < allRoutes.length ? ` (the ${fmtNum(routes.length)} heaviest drawn)` : ''}`;
  status.dataset.places = String(places.length);
  status.dataset.routes = String(routes.length);

  // Side list: heaviest routes, most mentioned places.
  const topRoutes = [...routes].sort((a, b) => weightOf(b) - weightOf(a)).slice(0, 30);
  const topPlaces = [...places].sort((a, b) => (b.mentions || 0) - (a.mentions || 0)).slice(0, 30);
  replace(list,
    colours.size ? h('div', { class: 'legend map-legend' }, [...colours].map(([c, col]) => h('a', { href: route('map', null, { ...f, commodity: c }), title: `only ${c}` }, h('i', { class: 'swatch', style: { background: col } }), c)),
      h('span', null, h('i', { class: 'swatch', style: { background: '#7f8c8d' } }), 'other or none')) : null,
    h('h3', null, 'Routes'),
    topRoutes.length ? h('ol', { class: 'compact' }, topRoutes.map((r) => h('li', null,
      h('button', { type: 'button', class: 'link', onclick: () => map.fitBounds(L.latLngBounds([[r.from.lat, r.from.lon], [r.to.lat, r.to.lon]]).pad(0.3)) }, `${r.from.name} → ${r.to.name}`),
      h('span', { class: 'muted' }, ` ${commodity(r) || r.predicate.replace(/_/g, ' ')}${r.volume_kg ? ` · ${fmtNum(Math.round(r.volume_kg))} kg` : ''} · ×${r.support}`)))) : h('div', { class: 'muted' }, 'No routes.'),
    h('h3', null, 'Places'),
    topPlaces.length ? h('ol', { class: 'compact' }, topPlaces.map((pl) => h('li', null,
      h('button', { type: 'button', class: 'link', onclick: () => map.setView([pl.lat, pl.lon], Math.max(map.getZoom(), 5)) }, pl.name),
      h('span', { class: 'muted' }, ` ${fmtNum(pl.mentions)}`)))) : h('div', { class: 'muted' }, 'No places.'));

  const t = setTimeout(() => map.invalidateSize({ pan: false }), 0);
  return () => {
    clearTimeout(t);
    map.stop();
    map.off();
    map.remove();
    if (window.nexusMap === map) window.nexusMap = null;
  };
}

/** A gentle great-circle-like arc between two points, so opposite routes do not overlap. */
function arc(a, b) {
  const pts = [];
  const dx = b[1] - a[1];
  const dy = b[0] - a[0];
  const len = Math.hypot(dx, dy);
  const bend = Math.min(8, len * 0.15);
  const nx = -dy / (len || 1);
  const ny = dx / (len || 1);
  for (let i = 0; i <= 16; i++) {
    const t = i / 16;
    const k = 4 * t * (1 - t) * bend;
    pts.push([a[0] + dy * t + ny * k, a[1] + dx * t + nx * k]);
  }
  return pts;
}
