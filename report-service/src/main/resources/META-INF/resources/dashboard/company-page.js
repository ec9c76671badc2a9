// The company page (company.html?ticker=…): one company's headline figures, its multiple and growth over time (its
// history), its filed quarters as a table and a chart, and how each figure was computed (the explain endpoint: the
// definition, the inputs the metrics service used, why a figure is missing). It follows the report's event stream and
// refetches when the company changes; it polls every few seconds as well (filings are not announced on the stream).
//
// The page's body carries its state for tests: data-ticker, data-loaded.
import { API, fetchJsonText, openStream } from './api.js';
import { COLORS, chart } from './charts.js';
import { byId, dataValue, el, publish, setFigure } from './dom.js';
import { format } from './format.js';
import { QUARTER_COLUMNS, withQuarterLabel } from './quarters.js';
import { drawTable } from './table.js';
import { timeScale } from './time-axis.js';

const REFRESH_MS = 5000;

const millions = v => (v == null ? '—' : (v / 1e6).toFixed(1) + 'M');

/** Every figure of a company: its label and format, in the order of the companies table. */
const FIGURES = {
  price: ['Price', format.price],
  sharesOutstanding: ['Shares outstanding', millions],
  cash: ['Cash', format.money],
  debt: ['Debt', format.money],
  marketCap: ['Market cap', format.money],
  enterpriseValue: ['Enterprise value', format.money],
  ltmRevenue: ['LTM revenue', format.money],
  ltmGrowth: ['LTM growth', format.percent],
  ntmRevenue: ['NTM revenue', format.money],
  ntmFcf: ['NTM FCF', format.money],
  ntmGrowth: ['NTM growth', format.percent],
  evToNtmRevenue: ['EV / NTM revenue', format.multiple],
  growthAdjustedMultiple: ['Growth-adjusted multiple', format.number],
  evToNtmFcf: ['EV / NTM FCF', format.multiple],
  grossMargin: ['Gross margin', format.percent],
  operatingMargin: ['Operating margin', format.percent],
  fcfMargin: ['FCF margin', format.percent],
  salesMarketingPct: ['S&M / revenue', format.percent],
  researchDevelopmentPct: ['R&D / revenue', format.percent],
  generalAdministrativePct: ['G&A / revenue', format.percent],
  ntmFcfMargin: ['NTM FCF margin', format.percent],
  ruleOf40Ltm: ['Rule of 40 (LTM)', format.percent],
  ruleOf40Ntm: ['Rule of 40 (NTM)', format.percent],
  netRevenueRetention: ['Net revenue retention', format.percent],
  impliedArr: ['Implied ARR', format.money],
  netNewArr: ['Net new ARR', format.money],
  gmAdjustedPaybackMonths: ['GM-adjusted CAC payback', format.months],
  weeklyPriceChange: ['1-week price change', format.signedPercent],
};

const HEADLINE = ['price', 'marketCap', 'enterpriseValue', 'evToNtmRevenue', 'ntmGrowth', 'growthAdjustedMultiple',
  'evToNtmFcf', 'ruleOf40Ntm', 'weeklyPriceChange'];

const ticker = new URLSearchParams(window.location.search).get('ticker') || '';
const companyApi = `${API}/companies/${encodeURIComponent(ticker)}`;
const SOURCES = {
  company: companyApi,
  // The last point of each hour, the newest 500 (the server's default limit): what the chart's width can draw.
  history: `${companyApi}/history?resolution=hour`,
  quarters: `${companyApi}/quarters`,
  explanation: `${companyApi}/explain`,
};
const lastSeen = {};

document.body.dataset.ticker = ticker;
document.title = `${ticker} · SaaS valuation report`;
byId('company-ticker').textContent = ticker;
drawHeadlineSlots();
const historyChart = makeHistoryChart();
const quartersChart = makeQuartersChart();
const DRAW = { company: drawCompany, history: drawHistory, quarters: drawQuarters, explanation: drawExplanation };

refresh();
followStream();
setInterval(refresh, REFRESH_MS);

async function refresh() {
  try {
    const answers = await Promise.all(Object.entries(SOURCES).map(async ([name, url]) => [name, await fetchJsonText(url)]));
    if (answers.some(([, text]) => text == null)) {
      showStatus('waiting for the report to load', 'waiting');
      return;
    }
    answers.forEach(([name, text]) => {
      if (lastSeen[name] !== text) {
        lastSeen[name] = text;
        DRAW[name](JSON.parse(text));
      }
    });
    document.body.dataset.loaded = 'true';
    showStatus(`live · updated ${format.clock(new Date())}`, 'live');
  } catch (error) {
    showStatus(error.message.includes('404') ? `no company ${ticker} in the report` : 'refresh failed: ' + error.message, 'error');
  }
}

/** The stream names the companies that changed: this one's change is fetched at once. */
function followStream() {
  const stream = openStream();
  if (!stream) return;
  stream.addEventListener('companies', event => {
    if (JSON.parse(event.data).some(company => company.ticker === ticker)) refresh();
  });
}

function drawHeadlineSlots() {
  byId('company-kpis').replaceChildren(...HEADLINE.map(figure => el('div', { className: 'kpi' },
    el('span', { className: 'label' }, FIGURES[figure][0]),
    el('span', { className: 'value', id: `company-${figure}`, dataset: { value: '' } }, '—'))));
}

function drawCompany(company) {
  byId('company-name').textContent = company.name || '';
  const asOf = byId('as-of');
  asOf.textContent = 'as of ' + format.dateTime(company.asOf);
  asOf.dataset.value = dataValue(company.asOf);
  HEADLINE.forEach(figure => setFigure(`company-${figure}`, company[figure], FIGURES[figure][1]));
}

function makeHistoryChart() {
  return chart('chart-company-history', {
    type: 'line',
    data: {
      datasets: [
        { label: 'EV / NTM revenue', data: [], yAxisID: 'y', borderColor: COLORS.accent, backgroundColor: COLORS.accent, pointRadius: 2, tension: 0, spanGaps: true },
        { label: 'NTM growth', data: [], yAxisID: 'growth', borderColor: COLORS.fit, backgroundColor: COLORS.fit, pointRadius: 2, tension: 0, spanGaps: true },
      ],
    },
    options: {
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: timeScale(COLORS.grid),
        y: { position: 'left', ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } },
        growth: { position: 'right', ticks: { callback: v => format.percent(v) }, grid: { display: false } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: items => format.dateTime(new Date(items[0].parsed.x).toISOString()),
            label: c => c.dataset.label + ': ' + (c.datasetIndex === 0 ? format.multiple(c.parsed.y) : format.percent(c.parsed.y)),
          },
        },
      },
    },
  });
}

function drawHistory(points) {
  // One point per instant (the last published), in time order.
  const byTime = new Map();
  points.forEach(p => byTime.set(Date.parse(p.asOf), p));
  const ordered = [...byTime.entries()].sort((a, b) => a[0] - b[0]);
  historyChart.data.datasets[0].data = ordered.map(([x, p]) => ({ x, y: p.evToNtmRevenue }));
  historyChart.data.datasets[1].data = ordered.map(([x, p]) => ({ x, y: p.ntmGrowth }));
  historyChart.update('none');
  publish('chart-company-history', ordered.map(([, p]) => p.asOf), ordered.map(([, p]) => p.evToNtmRevenue));
}

function makeQuartersChart() {
  return chart('chart-company-quarters', {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: 'Revenue', data: [], yAxisID: 'y', backgroundColor: COLORS.accentSoft, order: 2 },
        { label: 'YoY growth', type: 'line', data: [], yAxisID: 'growth', borderColor: COLORS.fit, backgroundColor: COLORS.fit, pointRadius: 3, tension: 0, spanGaps: true, order: 1 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false } },
        y: { position: 'left', ticks: { callback: v => format.money(v) }, grid: { color: COLORS.grid } },
        growth: { position: 'right', ticks: { callback: v => format.percent(v) }, grid: { display: false } },
      },
      plugins: {
        tooltip: { callbacks: { label: c => c.dataset.label + ': ' + (c.datasetIndex === 0 ? format.money(c.parsed.y) : format.signedPercent(c.parsed.y)) } },
      },
    },
  });
}

function drawQuarters(quarters) {
  const rows = quarters.map(withQuarterLabel);
  quartersChart.data.labels = rows.map(q => q.quarter);
  quartersChart.data.datasets[0].data = rows.map(q => q.revenue);
  quartersChart.data.datasets[1].data = rows.map(q => q.revenueGrowthYoy);
  quartersChart.update('none');
  publish('chart-company-quarters', rows.map(q => q.quarter), rows.map(q => q.revenue));
  // Newest first in the table, as reports list them.
  drawTable('company-quarters', QUARTER_COLUMNS, [...rows].reverse(), 'quarter');
}

function drawExplanation(explanation) {
  const table = byId('company-explanation');
  table.tHead.replaceChildren(el('tr', {}, ['Figure', 'Value', 'Definition', 'Inputs used'].map((label, i) =>
    el('th', { className: i === 1 ? '' : 'text' }, label))));
  table.tBodies[0].replaceChildren(...explanation.figures.map(figure => {
    const [label, figureFormat] = FIGURES[figure.figure] || [figure.figure, format.number];
    return el('tr', { dataset: { figure: figure.figure, value: dataValue(figure.value) } },
      el('td', { className: 'text' }, el('strong', {}, label), el('div', { className: 'note' }, figure.figure)),
      el('td', { dataset: { field: 'value' } }, figureFormat(figure.value)),
      el('td', { className: 'text', dataset: { field: 'definition' } }, figure.definition),
      el('td', { className: 'text', dataset: { field: 'inputs' } },
        figure.missing ? el('div', { className: 'missing', dataset: { field: 'missing' } }, 'Missing: ' + figure.missing) : null,
        el('ul', { className: 'inputs' }, figure.inputs.map(input =>
          el('li', { dataset: { input: input.input } }, input.description)))));
  }));
}

function showStatus(text, state) {
  const status = byId('refresh-status');
  status.className = 'pill ' + state;
  status.textContent = text;
}
