// Panel: the EV / NTM revenue medians over time (overall, top 5, each growth bucket) on a time axis, with the overall
// median's interquartile band (P25 to P75) shaded behind them.
import { COLORS, chart } from '../charts.js';
import { publish } from '../dom.js';
import { format } from '../format.js';
import { timeScale } from '../time-axis.js';

const SERIES = [
  ['overall', 'Overall median'], ['top5', 'Top-5 median'],
  ['high', 'High growth'], ['mid', 'Mid growth'], ['low', 'Low growth'],
];
const BAND = 'rgba(47, 91, 234, 0.15)';
// After the medians, so that the first dataset stays the overall median. The P75 line fills down to the P25 line
// just before it ('-1'); neither draws a line or points of its own.
const QUARTILE_BAND = [
  { key: 'overallP25', label: 'P25', data: [], borderColor: BAND, backgroundColor: BAND, borderWidth: 0, pointRadius: 0, tension: 0, spanGaps: true },
  { key: 'overallP75', label: 'P25 – P75 (overall)', data: [], borderColor: BAND, backgroundColor: BAND, borderWidth: 0, pointRadius: 0, tension: 0, spanGaps: true, fill: '-1' },
];

export function mount(live) {
  const history = chart('chart-history', {
    type: 'line',
    data: {
      // Straight segments between points ordered by time: a line never swings back in time or overshoots a value.
      datasets: SERIES.map(([key, label], i) => ({
        key, label, data: [], borderColor: COLORS.series[i], backgroundColor: COLORS.series[i], pointRadius: 2, tension: 0, spanGaps: true,
      })).concat(QUARTILE_BAND),
    },
    options: {
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: timeScale(COLORS.grid),
        y: { ticks: { callback: v => format.multiple(v) }, grid: { color: COLORS.grid } },
      },
      plugins: {
        legend: { labels: { filter: item => item.text !== 'P25' } },
        filler: { drawTime: 'beforeDatasetsDraw' }, // the band behind every line
        tooltip: {
          callbacks: {
            title: items => format.dateTime(new Date(items[0].parsed.x).toISOString()),
            label: c => c.dataset.label + ': ' + format.multiple(c.parsed.y),
          },
        },
      },
    },
  });
  // The last point of each hour, the newest 500 (the server's default limit): about three weeks, what the chart's
  // width can draw; the server keeps this answer rendered until the universe changes.
  live.params('history', { resolution: 'hour' });
  live.on('history', points => draw(history, points));
}

function draw(history, points) {
  // One point per instant (the last published), in time order, whatever order the answer had.
  const byTime = new Map();
  points.forEach(p => byTime.set(Date.parse(p.asOf), p));
  const ordered = [...byTime.entries()].sort((a, b) => a[0] - b[0]);
  history.data.datasets.forEach(dataset => {
    dataset.data = ordered.map(([x, p]) => ({ x, y: p[dataset.key] }));
  });
  history.update('none');
  publish('chart-history', ordered.map(([, p]) => p.asOf), ordered.map(([, p]) => p.overall));
}
