// The weekly edition's charts (the page /api/v1/editions/{date} as text/html), drawn with the dashboard's own chart
// modules from the edition's JSON embedded in the page (#edition-data). The tables are written by the server, so the
// page reads without this script. <body data-drawn="true"> says the charts are complete (for printing and for tests);
// like the dashboard's, each canvas publishes its labels and values in data-labels / data-values.
import { COLORS, barChart, chart, drawRanking, signColor } from './dashboard/charts.js';
import { byId, publish } from './dashboard/dom.js';
import { format } from './dashboard/format.js';

const BAND = 'rgba(47, 91, 234, 0.15)';
const edition = JSON.parse(byId('edition-data').textContent);

function topMultiples() {
  drawRanking(barChart('chart-top-multiples', { horizontal: true, format: format.multiple, color: COLORS.accentSoft }),
    edition.topMultiples);
}

function scatter() {
  const { points, regression: fit } = edition.scatter;
  const xs = points.map(p => p.ntmGrowth);
  const line = fit && xs.length ? [Math.min(...xs), Math.max(...xs)].map(x => ({ x, y: fit.intercept + fit.slope * x })) : [];
  chart('chart-scatter', {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Companies', data: points.map(p => ({ x: p.ntmGrowth, y: p.evToNtmRevenue, ticker: p.ticker })), backgroundColor: COLORS.accent, pointRadius: 5 },
        { label: 'Least-squares fit', type: 'line', data: line, borderColor: COLORS.fit, borderDash: [6, 4], pointRadius: 0 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'NTM revenue growth' }, ticks: { callback: v => format.percent(v) }, grid: { color: COLORS.grid } },
        y: { title: { display: true, text: 'EV / NTM revenue' }, ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } },
      },
      plugins: { pointLabels: { enabled: true } },
    },
  });
  publish('chart-scatter', points.map(p => p.ticker), points.map(p => [p.ntmGrowth, p.evToNtmRevenue]));
}

function buckets() {
  const names = ['high', 'mid', 'low'];
  const of = name => (edition.buckets || {})[name] || {};
  const medians = names.map(name => of(name).medianEvToNtmRevenue ?? null);
  const ranges = names.map(name => {
    const q = of(name).quartilesEvToNtmRevenue;
    return q && q.p25 != null ? [q.p25, q.p75] : null;
  });
  chart('chart-buckets', {
    type: 'bar',
    data: {
      labels: ['High (> 22 %)', 'Mid (15–22 %)', 'Low (< 15 %)'],
      datasets: [
        { label: 'Median', data: medians, backgroundColor: COLORS.series.slice(0, 3) },
        { label: 'P25 – P75', data: ranges, backgroundColor: BAND, borderColor: COLORS.accent, borderWidth: 1 },
      ],
    },
    options: { maintainAspectRatio: false, scales: { y: { ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } } } },
  });
  publish('chart-buckets', names, medians);
}

function history() {
  const weeks = edition.medianHistory;
  const labels = weeks.map(w => w.week);
  const series = (key, label, color, extra = {}) => ({
    label, data: weeks.map(w => w[key]), borderColor: color, backgroundColor: color, pointRadius: 2, tension: 0, spanGaps: true, ...extra,
  });
  chart('chart-history', {
    type: 'line',
    data: {
      labels,
      datasets: [
        series('overall', 'Median', COLORS.series[0]),
        series('top5', 'Top-5 median', COLORS.series[1]),
        series('high', 'High growth', COLORS.series[2]),
        series('mid', 'Mid growth', COLORS.series[3]),
        series('low', 'Low growth', COLORS.series[4]),
        series('overallP25', 'P25', BAND, { pointRadius: 0, borderWidth: 0 }),
        // Filled down to the P25 line before it: the interquartile band around the median.
        series('overallP75', 'P25 – P75', BAND, { pointRadius: 0, borderWidth: 0, fill: '-1' }),
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: { y: { ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } } },
      plugins: { legend: { labels: { filter: item => item.text !== 'P25' } }, filler: { drawTime: 'beforeDatasetsDraw' } },
    },
  });
  publish('chart-history', labels, weeks.map(w => w.overall));
}

function movers() {
  const { gainers, losers } = edition.movers;
  const entries = gainers.concat(losers.filter(l => !gainers.some(g => g.ticker === l.ticker)));
  drawRanking(barChart('chart-movers', { horizontal: true, format: format.signedPercent, color: [] }), entries, signColor);
}

topMultiples();
scatter();
buckets();
history();
movers();
document.body.dataset.drawn = 'true';
