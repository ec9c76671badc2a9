// Chart.js (the global of its UMD bundle, loaded by index.html) set up once for every panel: colours, fonts, and two
// plugins that write readable numbers on the charts themselves.
import { byId, publish } from './dom.js';

export const COLORS = {
  accent: '#2f5bea',
  accentSoft: 'rgba(47, 91, 234, 0.75)',
  up: 'rgba(19, 138, 75, 0.8)',
  down: 'rgba(198, 59, 59, 0.8)',
  fit: '#e08a1e',
  series: ['#2f5bea', '#8e44ad', '#138a4b', '#e08a1e', '#c63b3b'],
  grid: '#eef0f5',
};

const FONT = '11px "Liberation Sans", Arial, sans-serif';
const INK = '#1d2433';

/** The value at the end of each bar (options.format formats it). */
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, args, options) {
    if (!options || !options.format) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.font = FONT;
    ctx.fillStyle = INK;
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

/** The ticker beside each point of the first dataset. */
const pointLabels = {
  id: 'pointLabels',
  afterDatasetsDraw(chart, args, options) {
    if (!options || !options.enabled) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = FONT;
    ctx.fillStyle = INK;
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

export function chart(canvasId, config) {
  return new Chart(byId(canvasId), config);
}

/** A bar chart with its values written on the bars; horizontal for rankings. */
export function barChart(canvasId, { horizontal, format: valueFormat, color }) {
  const valueAxis = {
    grid: { color: COLORS.grid },
    ticks: { callback: v => valueFormat(v) },
    grace: '12%',
  };
  return chart(canvasId, {
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

/** Redraws a bar chart with these labels and values (colours per value if colorOf is given) and publishes them. */
export function drawBars(barsChart, labels, values, colorOf) {
  barsChart.data.labels = labels;
  barsChart.data.datasets[0].data = values;
  if (colorOf) barsChart.data.datasets[0].backgroundColor = values.map(colorOf);
  barsChart.update('none');
  publish(barsChart.canvas.id, labels, values);
}

/** A ranking ({ticker, value} entries) as bars. */
export function drawRanking(barsChart, entries, colorOf) {
  drawBars(barsChart, entries.map(e => e.ticker), entries.map(e => e.value), colorOf);
}

export const signColor = v => (v >= 0 ? COLORS.up : COLORS.down);
