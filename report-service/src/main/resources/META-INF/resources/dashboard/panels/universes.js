// Panel: two universes side by side, each chosen in its own switcher (the default universe and every named one the
// report holds): their headline medians, growth buckets and top-10 multiples. The list comes from /universes; when it
// changes (the stream announces universes), both columns are fetched again.
import { API, fetchJsonText } from '../api.js';
import { byId, el, setFigure } from '../dom.js';
import { format } from '../format.js';
import { drawTable } from '../table.js';

const SIDES = ['left', 'right'];
const BUCKETS = [['high', 'High growth'], ['mid', 'Mid growth'], ['low', 'Low growth']];
const BUCKET_COLUMNS = [
  { field: 'bucket', label: 'Bucket', format: format.text, text: true },
  { field: 'count', label: 'Companies', format: format.integer },
  { field: 'medianEvToNtmRevenue', label: 'Median EV / NTM revenue', format: format.multiple },
];
const TOP_COLUMNS = [
  { field: 'rank', label: '#', format: format.integer },
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'value', label: 'EV / NTM revenue', format: format.multiple },
];

export function mount(live) {
  const chosen = { left: null, right: null };
  SIDES.forEach(side => byId(`universe-${side}-select`).addEventListener('change', event => {
    chosen[side] = event.target.value;
    draw(side, chosen[side]);
  }));
  live.on('universes', universes => {
    const names = universes.map(universe => universe.name);
    if (!names.includes(chosen.left)) chosen.left = names.includes('universe') ? 'universe' : names[0];
    if (!names.includes(chosen.right)) chosen.right = names.find(name => name !== chosen.left) || chosen.left;
    SIDES.forEach(side => {
      fill(byId(`universe-${side}-select`), universes, chosen[side]);
      draw(side, chosen[side]);
    });
  });
}

function fill(select, universes, selected) {
  select.replaceChildren(...universes.map(universe => el('option', {
    value: universe.name,
    selected: universe.name === selected,
  }, universe.isDefault ? 'all companies (default)' : universe.name)));
}

async function draw(side, name) {
  if (name == null) return;
  const text = await fetchJsonText(`${API}/universes/${encodeURIComponent(name)}`);
  if (text == null) return;
  const universe = JSON.parse(text);
  const column = byId(`universe-${side}`);
  column.dataset.universe = name;
  setFigure(`universe-${side}-count`, universe.companyCount, format.integer);
  setFigure(`universe-${side}-median`, universe.medianEvToNtmRevenue, format.multiple);
  setFigure(`universe-${side}-top5`, universe.top5MedianEvToNtmRevenue, format.multiple);
  const buckets = universe.buckets || {};
  drawTable(`universe-${side}-buckets`, BUCKET_COLUMNS, BUCKETS.map(([key, label]) => ({
    bucket: label, key, count: buckets[key] ? buckets[key].count : null,
    medianEvToNtmRevenue: buckets[key] ? buckets[key].medianEvToNtmRevenue : null,
  })), 'key');
  drawTable(`universe-${side}-top`, TOP_COLUMNS,
    (universe.topByEvToNtmRevenue || []).map((entry, index) => ({ rank: index + 1, ...entry })), 'ticker');
}
