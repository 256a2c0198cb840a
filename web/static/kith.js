// Progressive enhancement for Kith's pages. Every page works without this
// file; with it, NHS.UK components initialise, maps and charts draw from the
// JSON their elements carry in data attributes (no inline scripts: the
// Content-Security-Policy forbids them).
import { initAll } from './vendor/nhsuk/nhsuk.js';

// The NHS.UK components only start on a body marked as supported; the
// frontend's inline snippet that marks it is barred by the CSP, and any
// browser running this module supports them.
document.body.classList.add('nhsuk-frontend-supported');
initAll();

const colours = ['#ffffcc', '#fed976', '#fd8d3c', '#e31a1c', '#800026'];

function readJSON(el, attr) {
  try {
    return JSON.parse(el.getAttribute(attr) || 'null');
  } catch (e) {
    console.warn('kith: bad ' + attr, e);
    return null;
  }
}

// drawMap renders one [data-map] element. Without a tile server (none
// configured, or unreachable) the map still shows markers, areas and a scale.
function drawMap(el) {
  if (typeof L === 'undefined') return;
  const spec = readJSON(el, 'data-map') || {};
  const map = L.map(el, { scrollWheelZoom: false });
  // A first view before any layer: until the map has one, Leaflet defers
  // adding layers, and a circle cannot give its bounds to fit().
  map.setView(spec.centre ? [spec.centre.lat, spec.centre.lon] : [54.9, -1.4], 11);
  const tiles = document.body.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: document.body.dataset.tilesAttribution || '' }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);
  const layers = [];
  if (spec.centre) {
    const c = L.circle([spec.centre.lat, spec.centre.lon], {
      radius: (spec.radius_km || 0.2) * 1000, color: '#005eb8', weight: 2, fill: false,
    }).addTo(map);
    layers.push(c);
  }
  for (const a of spec.areas || []) layers.push(drawArea(map, a));
  for (const p of spec.points || []) layers.push(drawPoint(map, p));
  fit(map, layers, spec);
}

function drawPoint(map, p) {
  const m = L.circleMarker([p.lat, p.lon], {
    radius: 8, color: '#fff', weight: 2, fillColor: p.colour || '#005eb8', fillOpacity: 1,
  }).addTo(map);
  if (p.label) {
    const div = document.createElement('div');
    const a = document.createElement(p.href ? 'a' : 'span');
    a.textContent = p.label;
    if (p.href) a.href = p.href;
    div.appendChild(a);
    if (p.note) {
      const n = document.createElement('p');
      n.textContent = p.note;
      div.appendChild(n);
    }
    m.bindPopup(div);
  }
  return m;
}

// drawArea draws an area as a shaded circle at its centre, coloured by its
// band (0-4); clicking it shows its figures or loads them into a panel.
function drawArea(map, a) {
  const m = L.circleMarker([a.lat, a.lon], {
    radius: a.radius || 6, color: '#425563', weight: 1,
    fillColor: colours[Math.max(0, Math.min(4, a.band || 0))], fillOpacity: 0.8,
  }).addTo(map);
  m.on('click', () => showArea(a));
  if (a.label) m.bindTooltip(a.label);
  return m;
}

function showArea(a) {
  const panel = a.panel && document.getElementById(a.panel);
  if (panel && a.href && typeof htmx !== 'undefined') {
    htmx.ajax('GET', a.href, { target: panel, swap: 'innerHTML' });
  } else if (a.href) {
    window.location.assign(a.href);
  }
}

function fit(map, layers, spec) {
  const group = L.featureGroup(layers);
  if (layers.length > 0 && group.getBounds().isValid()) {
    map.fitBounds(group.getBounds(), { padding: [20, 20], maxZoom: 15 });
  } else if (spec.centre) {
    map.setView([spec.centre.lat, spec.centre.lon], 13);
  } else {
    map.setView([54.9, -1.4], 11);
  }
}

// drawChart renders one canvas[data-chart]; a table beside it carries the
// same figures for screen readers and for when scripts are off.
function drawChart(el) {
  if (typeof Chart === 'undefined') return;
  const spec = readJSON(el, 'data-chart');
  if (!spec) return;
  spec.datasets.forEach((d, i) => {
    d.backgroundColor = d.backgroundColor || ['#005eb8', '#007f3b', '#ffb81c', '#330072', '#d5281b'][i % 5];
  });
  new Chart(el, {
    type: spec.type || 'bar',
    data: { labels: spec.labels, datasets: spec.datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: spec.datasets.length > 1 } },
      scales: spec.type === 'pie' || spec.type === 'doughnut' ? {} : {
        x: { stacked: !!spec.stacked }, y: { stacked: !!spec.stacked, beginAtZero: true },
      },
    },
  });
}

function enhance(root) {
  root.querySelectorAll('[data-map]').forEach(drawMap);
  root.querySelectorAll('canvas[data-chart]').forEach(drawChart);
  root.querySelectorAll('[data-autosubmit]').forEach((el) => {
    el.addEventListener('change', () => el.form && el.form.requestSubmit());
  });
}

enhance(document);
document.body.addEventListener('htmx:afterSwap', (e) => enhance(e.target));

// Print buttons (the printable plan): hidden without scripts, when the
// browser's own print command does the same.
document.querySelectorAll('[data-print]').forEach((el) => {
  el.hidden = false;
  el.addEventListener('click', () => window.print());
});
