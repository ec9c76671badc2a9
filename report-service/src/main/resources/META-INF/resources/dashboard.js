'use strict';

// The report dashboard: follows the report's event stream (/api/v1/stream) and redraws what changed; while the
// stream is down (or the browser has no EventSource) it polls every few seconds instead. Every chart canvas carries
// its current labels and values as JSON in data-labels / data-values, so that tests (and curious readers) can read them.

const API = '/api/v1';
const REFRESH_MS = 5000;

const COLORS = {
  accent: '#2f5bea',
  accentSoft: 'rgba(47, 91, 234, 0.75)',
  up: 'rgba(19, 138, 75, 0.8)',
  down: 'rgba(198, 59, 59, 0.8)',
  fit: '#e08a1e',
  series: ['#2f5bea', '#8e44ad', '#138a4b', '#e08a1e', '#c63b3b'],
  grid: '#eef0f5',
};

// ---------- number formats: two decimals, "x" for multiples, "%" for ratios

const format = {
  text: v => (v == null ? '—' : String(v)),
  number: v => (v == null ? '—' : v.toFixed(2)),
  integer: v => (v == null ? '—' : String(v)),
  multiple: v => (v == null ? '—' : v.toFixed(2) + 'x'),
  percent: v => (v == null ? '—' : (v * 100).toFixed(2) + '%'),
  signedPercent: v => (v == null ? '—' : (v > 0 ? '+' : '') + (v * 100).toFixed(2) + '%'),
  quotedPercent: v => (v == null ? '—' : v.toFixed(2) + '%'), // already in percent, as the market quotes yields
  months: v => (v == null ? '—' : v.toFixed(2) + ' mo'),
  price: v => (v == null ? '—' : '$' + v.toFixed(2)),
  money: v => {
    if (v == null) return '—';
    const abs = Math.abs(v);
    if (abs >= 1e12) return '$' + (v / 1e12).toFixed(2) + 'T';
    if (abs >= 1e9) return '$' + (v / 1e9).toFixed(2) + 'B';
    if (abs >= 1e6) return '$' + (v / 1e6).toFixed(2) + 'M';
    return '$' + v.toFixed(2);
  },
  date: iso => (iso == null ? '—' : iso.slice(0, 10)),
  dateTime: iso => (iso == null ? '—' : iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')),
};

const COMPANY_COLUMNS = [
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'name', label: 'Company', format: format.text, text: true },
  { field: 'price', label: 'Price', format: format.price },
  { field: 'enterpriseValue', label: 'EV', format: format.money },
  { field: 'ntmRevenue', label: 'NTM revenue', format: format.money },
  { field: 'ntmGrowth', label: 'NTM growth', format: format.percent },
  { field: 'ltmGrowth', label: 'LTM growth', format: format.percent },
  { field: 'evToNtmRevenue', label: 'EV / NTM rev', format: format.multiple },
  { field: 'growthAdjustedMultiple', label: 'Growth-adj.', format: format.number },
  { field: 'evToNtmFcf', label: 'EV / NTM FCF', format: format.multiple },
  { field: 'grossMargin', label: 'Gross margin', format: format.percent },
  { field: 'fcfMargin', label: 'FCF margin', format: format.percent },
  { field: 'ruleOf40Ntm', label: 'Rule of 40 (NTM)', format: format.percent },
  { field: 'netRevenueRetention', label: 'NRR', format: format.percent },
  { field: 'gmAdjustedPaybackMonths', label: 'GM-adj. payback', format: format.months },
  { field: 'weeklyPriceChange', label: '1W change', format: format.signedPercent, signed: true },
];

const FILING_COLUMNS = [
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'name', label: 'Company', format: format.text, text: true },
  { field: 'quarter', label: 'Quarter', format: format.text, text: true },
  { field: 'periodEnd', label: 'Period end', format: format.date, text: true },
  { field: 'filedAt', label: 'Filed', format: format.date, text: true },
  { field: 'revenue', label: 'Revenue', format: format.money },
  { field: 'revenueGrowthYoy', label: 'YoY growth', format: format.signedPercent, signed: true },
  { field: 'grossMargin', label: 'Gross margin', format: format.percent },
  { field: 'operatingMargin', label: 'Op. margin', format: format.percent },
  { field: 'fcfMargin', label: 'FCF margin', format: format.percent },
  { field: 'netRevenueRetention', label: 'NRR', format: format.percent },
];

const OPERATING_MEDIANS = [
  ['ntmGrowth', 'NTM revenue growth', format.percent],
  ['ltmGrowth', 'LTM revenue growth', format.percent],
  ['grossMargin', 'Gross margin', format.percent],
  ['operatingMargin', 'Operating margin', format.percent],
  ['fcfMargin', 'FCF margin', format.percent],
  ['netRevenueRetention', 'Net revenue retention', format.percent],
  ['gmAdjustedPaybackMonths', 'GM-adjusted CAC payback', format.months],
  ['salesMarketingPct', 'S&M % of revenue', format.percent],
  ['researchDevelopmentPct', 'R&D % of revenue', format.percent],
  ['generalAdministrativePct', 'G&A % of revenue', format.percent],
  ['ruleOf40Ltm', 'Rule of 40 (LTM)', format.percent],
  ['ruleOf40Ntm', 'Rule of 40 (NTM)', format.percent],
];

const tableState = { sort: 'ticker', order: 'asc', bucket: '' };
const lastSeen = {};

// ---------- Chart.js plugins: readable numbers on the charts themselves

const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, args, options) {
    if (!options || !options.format) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.font = '11px "Liberation Sans", Arial, sans-serif';
    ctx.fillStyle = '#1d2433';
    chart.data.datasets.forEach((dataset, i) => {
      chart.getDatasetMeta(i).data.forEach((bar, j) => {
        const value = dataset.data[j];
        if (value == null) return;
        const text = options.format(value);
        if (horizontal) {
          const right = value >= 0;
          ctx.textAlign = right ? 'left' : 'right';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, bar.x + (right ? 4 : -4), bar.y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(text, bar.x, bar.y - 3);
        }
      });
    });
    ctx.restore();
  },
};

const pointLabels = {
  id: 'pointLabels',
  afterDatasetsDraw(chart, args, options) {
    if (!options || !options.enabled) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px "Liberation Sans", Arial, sans-serif';
    ctx.fillStyle = '#1d2433';
    ctx.textBaseline = 'bottom';
    chart.getDatasetMeta(0).data.forEach((point, j) => {
      ctx.fillText(chart.data.datasets[0].data[j].ticker, point.x + 5, point.y - 3);
    });
    ctx.restore();
  },
};

Chart.register(valueLabels, pointLabels);
Chart.defaults.font.family = '"Liberation Sans", Arial, sans-serif';
Chart.defaults.animation = false;

function barChart(id, { horizontal, format: valueFormat, color }) {
  const valueAxis = {
    grid: { color: COLORS.grid },
    ticks: { callback: v => valueFormat(v) },
    grace: '12%',
  };
  return new Chart(document.getElementById(id), {
    type: 'bar',
    data: { labels: [], datasets: [{ data: [], backgroundColor: color }] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      scales: horizontal ? { x: valueAxis, y: { grid: { display: false } } } : { y: valueAxis, x: { grid: { display: false } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: c => valueFormat(c.parsed[horizontal ? 'x' : 'y']) } },
        valueLabels: { format: valueFormat },
      },
    },
  });
}

// ---------- time axis: ticks on round UTC instants, from minutes to years apart, labelled to match

const MINUTE = 60e3;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  [1, 'minute'], [2, 'minute'], [5, 'minute'], [10, 'minute'], [15, 'minute'], [30, 'minute'],
  [1, 'hour'], [2, 'hour'], [3, 'hour'], [6, 'hour'], [12, 'hour'],
  [1, 'day'], [2, 'day'], [7, 'day'], [14, 'day'],
  [1, 'month'], [2, 'month'], [3, 'month'], [6, 'month'],
  [1, 'year'], [2, 'year'], [5, 'year'], [10, 'year'], [25, 'year'], [50, 'year'],
];
const UNIT_MS = { minute: MINUTE, hour: HOUR, day: DAY, month: 30.44 * DAY, year: 365.25 * DAY };

function timeTicks(min, max, maxTicks = 6) {
  const span = Math.max(max - min, MINUTE);
  const [size, unit] = TIME_STEPS.find(([n, u]) => span / (n * UNIT_MS[u]) <= maxTicks) || TIME_STEPS[TIME_STEPS.length - 1];
  const values = [];
  if (unit === 'month' || unit === 'year') {
    // Counted in months since year 0, so that steps fall on quarters, half-years, years, lustra...
    const months = unit === 'year' ? 12 * size : size;
    const monthStart = index => Date.UTC(Math.floor(index / 12), index % 12, 1);
    const start = new Date(min);
    let index = Math.floor((start.getUTCFullYear() * 12 + start.getUTCMonth()) / months) * months;
    for (let t = monthStart(index); t <= max; index += months, t = monthStart(index)) {
      if (t >= min) values.push(t);
    }
  } else {
    const step = size * UNIT_MS[unit];
    for (let t = Math.ceil(min / step) * step; t <= max; t += step) values.push(t);
  }
  if (values.length === 0) values.push(min);
  const iso = v => new Date(v).toISOString();
  const crossesDays = iso(min).slice(0, 10) !== iso(max).slice(0, 10);
  const crossesYears = iso(min).slice(0, 4) !== iso(max).slice(0, 4);
  const format = {
    minute: v => (crossesDays ? iso(v).slice(5, 16).replace('T', ' ') : iso(v).slice(11, 16)),
    hour: v => (crossesDays ? iso(v).slice(5, 16).replace('T', ' ') : iso(v).slice(11, 16)),
    day: v => (crossesYears ? iso(v).slice(0, 10) : iso(v).slice(5, 10)),
    month: v => iso(v).slice(0, 7),
    year: v => iso(v).slice(0, 4),
  }[unit];
  return { values, format };
}

const charts = {
  topMultiples: barChart('chart-top-multiples', { horizontal: true, format: format.multiple, color: COLORS.accentSoft }),
  buckets: barChart('chart-buckets', { horizontal: false, format: format.multiple, color: COLORS.series.slice(0, 3) }),
  gainers: barChart('chart-gainers', { horizontal: true, format: format.signedPercent, color: [] }),
  losers: barChart('chart-losers', { horizontal: true, format: format.signedPercent, color: [] }),
  scatter: new Chart(document.getElementById('chart-scatter'), {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Companies', data: [], backgroundColor: COLORS.accent, pointRadius: 5 },
        { label: 'Least-squares fit', type: 'line', data: [], borderColor: COLORS.fit, borderDash: [6, 4], pointRadius: 0 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'NTM revenue growth' }, ticks: { callback: v => format.percent(v) }, grid: { color: COLORS.grid } },
        y: { title: { display: true, text: 'EV / NTM revenue' }, ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } },
      },
      plugins: {
        pointLabels: { enabled: true },
        tooltip: {
          callbacks: {
            label: c => (c.datasetIndex === 0 ? c.raw.ticker + ': ' : 'fit: ')
              + format.multiple(c.parsed.y) + ' at ' + format.percent(c.parsed.x) + ' growth',
          },
        },
      },
    },
  }),
  history: new Chart(document.getElementById('chart-history'), {
    type: 'line',
    data: {
      datasets: [
        ['overall', 'Overall median'], ['top5', 'Top-5 median'],
        ['high', 'High growth'], ['mid', 'Mid growth'], ['low', 'Low growth'],
      // Straight segments between points ordered by time: a line never swings back in time or overshoots a value.
      ].map(([key, label], i) => ({ key, label, data: [], borderColor: COLORS.series[i], backgroundColor: COLORS.series[i], pointRadius: 2, tension: 0, spanGaps: true })),
    },
    options: {
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          bounds: 'data',
          afterBuildTicks: axis => {
            const ticks = timeTicks(axis.min, axis.max);
            axis.ticks = ticks.values.map(value => ({ value }));
            axis.timeFormat = ticks.format;
          },
          ticks: { callback: function (v) { return this.timeFormat ? this.timeFormat(v) : ''; }, maxRotation: 0, autoSkip: false },
          grid: { color: COLORS.grid },
        },
        y: { ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } },
      },
      plugins: {
        tooltip: { callbacks: { title: items => format.dateTime(new Date(items[0].parsed.x).toISOString()), label: c => c.dataset.label + ': ' + format.multiple(c.parsed.y) } },
      },
    },
  }),
};

// ---------- drawing

function publish(canvasId, labels, values) {
  const canvas = document.getElementById(canvasId);
  canvas.dataset.labels = JSON.stringify(labels);
  canvas.dataset.values = JSON.stringify(values);
}

function drawRanking(chart, canvasId, entries, colorOf) {
  const labels = entries.map(e => e.ticker);
  const values = entries.map(e => e.value);
  chart.data.labels = labels;
  chart.data.datasets[0].data = values;
  if (colorOf) chart.data.datasets[0].backgroundColor = values.map(colorOf);
  chart.update('none');
  publish(canvasId, labels, values);
}

function setFigure(id, value, formatter) {
  const element = document.getElementById(id);
  element.textContent = formatter(value);
  element.dataset.value = value == null ? '' : String(value);
}

function drawUniverse(universe) {
  setFigure('as-of', universe.asOf, v => 'as of ' + format.dateTime(v));
  setFigure('kpi-company-count', universe.companyCount, format.integer);
  setFigure('kpi-median-ev-ntm', universe.medianEvToNtmRevenue, format.multiple);
  setFigure('kpi-top5-median', universe.top5MedianEvToNtmRevenue, format.multiple);
  setFigure('kpi-growth-adjusted', universe.medianGrowthAdjustedMultiple, format.number);
  setFigure('kpi-ev-ntm-fcf', universe.medianEvToNtmFcf, format.multiple);
  setFigure('kpi-ten-year', universe.tenYearYield, format.quotedPercent);

  drawRanking(charts.topMultiples, 'chart-top-multiples', universe.topByEvToNtmRevenue);
  const signColor = v => (v >= 0 ? COLORS.up : COLORS.down);
  drawRanking(charts.gainers, 'chart-gainers', universe.topWeeklyGainers, signColor);
  drawRanking(charts.losers, 'chart-losers', universe.topWeeklyLosers, signColor);

  const buckets = universe.buckets || {};
  const bucketNames = [['high', 'High (> 22 %)'], ['mid', 'Mid (15–22 %)'], ['low', 'Low (< 15 %)']];
  const bucketLabels = bucketNames.map(([key, label]) => label + ', n=' + ((buckets[key] && buckets[key].count) || 0));
  const bucketValues = bucketNames.map(([key]) => (buckets[key] ? buckets[key].medianEvToNtmRevenue : null));
  charts.buckets.data.labels = bucketLabels;
  charts.buckets.data.datasets[0].data = bucketValues;
  charts.buckets.update('none');
  publish('chart-buckets', bucketLabels, bucketValues);

  const medians = OPERATING_MEDIANS.map(([field, label, formatter]) => {
    const value = universe.operatingMedians ? universe.operatingMedians[field] : null;
    return `<div class="median" data-field="${field}"><span class="label">${label}</span>`
      + `<span class="value" data-value="${value ?? ''}">${formatter(value)}</span></div>`;
  });
  document.getElementById('operating-medians').innerHTML = medians.join('');
}

function drawScatter(scatter) {
  const points = scatter.points.map(p => ({ x: p.ntmGrowth, y: p.evToNtmRevenue, ticker: p.ticker }));
  charts.scatter.data.datasets[0].data = points;
  const fit = scatter.regression;
  const regression = document.getElementById('regression');
  if (fit && points.length) {
    const xs = points.map(p => p.x);
    const ends = [Math.min(...xs), Math.max(...xs)];
    charts.scatter.data.datasets[1].data = ends.map(x => ({ x, y: fit.intercept + fit.slope * x }));
    regression.textContent = `fit: ${fit.intercept.toFixed(2)}x + ${fit.slope.toFixed(2)}x × growth, R² ${fit.r2.toFixed(2)}`;
    Object.assign(regression.dataset, { slope: fit.slope, intercept: fit.intercept, r2: fit.r2 });
  } else {
    charts.scatter.data.datasets[1].data = [];
    regression.textContent = 'no fit (fewer than 3 companies)';
  }
  charts.scatter.update('none');
  publish('chart-scatter', points.map(p => p.ticker), points.map(p => [p.x, p.y]));
}

function drawHistory(points) {
  // One point per instant (the last published), in time order, whatever order the answer had.
  const byTime = new Map();
  points.forEach(p => byTime.set(Date.parse(p.asOf), p));
  const ordered = [...byTime.entries()].sort((a, b) => a[0] - b[0]);
  charts.history.data.datasets.forEach(dataset => {
    dataset.data = ordered.map(([x, p]) => ({ x, y: p[dataset.key] }));
  });
  charts.history.update('none');
  publish('chart-history', ordered.map(([, p]) => p.asOf), ordered.map(([, p]) => p.overall));
}

function cell(column, row) {
  const value = row[column.field];
  const classes = [column.text ? 'text' : '', column.signed && value != null ? (value >= 0 ? 'up' : 'down') : ''].join(' ').trim();
  return `<td class="${classes}" data-field="${column.field}" data-value="${value ?? ''}">${escapeHtml(column.format(value))}</td>`;
}

function drawTable(tableId, columns, rows, keyField, sortable) {
  const table = document.getElementById(tableId);
  table.querySelector('thead').innerHTML = '<tr>' + columns.map(c => {
    const sorted = sortable && tableState.sort === c.field;
    const arrow = sorted ? (tableState.order === 'asc' ? ' ▲' : ' ▼') : '';
    return `<th class="${c.text ? 'text' : ''} ${sorted ? 'sorted' : ''}" data-field="${c.field}">${c.label}${arrow}</th>`;
  }).join('') + '</tr>';
  table.querySelector('tbody').innerHTML = rows
    .map(row => `<tr data-key="${escapeHtml(String(row[keyField]))}">` + columns.map(c => cell(c, row)).join('') + '</tr>')
    .join('');
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
}

// ---------- fetching: the stream says what changed, conditional GETs (ETag) fetch it

function companiesQuery() {
  const params = new URLSearchParams({ sort: tableState.sort, order: tableState.order });
  if (tableState.bucket) params.set('bucket', tableState.bucket);
  return `${API}/companies?${params}`;
}

const PARTS = {
  universe: { url: () => `${API}/universe`, draw: universe => { drawUniverse(universe); document.body.dataset.universeFrom = 'poll'; } },
  scatter: { url: () => `${API}/universe/scatter`, draw: drawScatter },
  history: { url: () => `${API}/universe/history/medians`, draw: drawHistory },
  companies: { url: companiesQuery, draw: rows => drawTable('comps-table', COMPANY_COLUMNS, rows, 'ticker', true) },
  filings: {
    url: () => `${API}/filings/latest`,
    draw: rows => drawTable('quarterly-reports', FILING_COLUMNS,
      rows.map(r => ({ ...r, quarter: `FY${r.fiscalYear} Q${r.fiscalQuarter}` })), 'ticker', false),
  },
};

/** Fetches a part; draws it only when it differs from what was drawn. The browser revalidates with If-None-Match. */
async function refreshPart(key) {
  const url = PARTS[key].url();
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 503) return 'waiting';
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const text = await response.text();
  if (lastSeen[key] !== text) {
    lastSeen[key] = text;
    PARTS[key].draw(JSON.parse(text));
  }
  return 'ok';
}

const stream = { open: false, events: 0 };

function showStatus(text, state) {
  const status = document.getElementById('refresh-status');
  status.className = 'pill ' + state;
  status.textContent = text;
}

async function refresh(keys) {
  try {
    const results = await Promise.all(keys.map(refreshPart));
    const waiting = results.includes('waiting');
    const mode = stream.open ? 'stream' : 'polling';
    showStatus(waiting ? 'waiting for the first snapshot' : `live (${mode}) · updated ${new Date().toISOString().slice(11, 19)} UTC`,
      waiting ? 'waiting' : 'live');
    if (keys.includes('universe')) document.body.dataset.loaded = String(!waiting);
  } catch (error) {
    showStatus('refresh failed: ' + error.message, 'error');
  }
}

// Parts the stream said changed, fetched together shortly after (a burst of events costs one round of requests).
const pending = new Set();
function refreshSoon(keys) {
  if (pending.size === 0) setTimeout(() => { const keys = [...pending]; pending.clear(); refresh(keys); }, 100);
  keys.forEach(key => pending.add(key));
}

function streamed(event) {
  stream.events += 1;
  document.body.dataset.streamEvents = String(stream.events);
  return event.data;
}

function followStream() {
  if (!window.EventSource) return;
  const source = new EventSource(`${API}/stream`);
  source.onopen = () => {
    stream.open = true;
    document.body.dataset.stream = 'open';
    refreshSoon(['universe', 'scatter', 'history', 'companies', 'filings']); // whatever changed while it was down
  };
  // EventSource reconnects by itself; polling covers the gap.
  source.onerror = () => {
    stream.open = false;
    document.body.dataset.stream = 'down';
  };
  source.addEventListener('universe', event => {
    const text = streamed(event);
    if (lastSeen.universe !== text) {
      lastSeen.universe = text;
      drawUniverse(JSON.parse(text));
      document.body.dataset.universeFrom = 'stream';
      document.body.dataset.loaded = 'true';
      showStatus(`live (stream) · updated ${new Date().toISOString().slice(11, 19)} UTC`, 'live');
    }
    refreshSoon(['scatter', 'history', 'companies']);
  });
  source.addEventListener('companies', event => { streamed(event); refreshSoon(['companies', 'scatter']); });
  source.addEventListener('removed', event => { streamed(event); refreshSoon(['companies', 'scatter']); });
}

/**
 * Every few seconds: everything while the stream is down; while it is up, only what it does not carry (filings) and
 * the history, which is stored a moment after the stream announces a universe.
 */
async function poll() {
  await refresh(stream.open ? ['filings', 'history'] : Object.keys(PARTS));
  setTimeout(poll, REFRESH_MS);
}

// ---------- interactions

document.querySelector('#comps-table thead').addEventListener('click', event => {
  const header = event.target.closest('th');
  if (!header) return;
  const column = COMPANY_COLUMNS.find(c => c.field === header.dataset.field);
  if (tableState.sort === column.field) {
    tableState.order = tableState.order === 'asc' ? 'desc' : 'asc';
  } else {
    // Text columns read best A to Z, figures highest first.
    tableState.sort = column.field;
    tableState.order = column.text ? 'asc' : 'desc';
  }
  refreshPart('companies');
});

document.getElementById('bucket-filter').addEventListener('change', event => {
  tableState.bucket = event.target.value;
  refreshPart('companies');
});

document.getElementById('download-csv').addEventListener('click', async () => {
  const response = await fetch(companiesQuery(), { headers: { Accept: 'text/csv' } });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'companies.csv';
  link.click();
  URL.revokeObjectURL(link.href);
});

poll();
followStream();
