// Panel: EV / NTM revenue against NTM growth, one point per company, with the least-squares fit; a click on a point
// opens that company's page.
import { COLORS, chart } from '../charts.js';
import { openCompanyOnChartClick } from '../company-link.js';
import { byId, publish } from '../dom.js';
import { format } from '../format.js';

export function mount(live) {
  const scatter = chart('chart-scatter', {
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
  });
  openCompanyOnChartClick(scatter, index => scatter.data.datasets[0].data[index].ticker);
  live.on('scatter', answer => draw(scatter, answer));
}

function draw(scatter, answer) {
  const points = answer.points.map(p => ({ x: p.ntmGrowth, y: p.evToNtmRevenue, ticker: p.ticker }));
  scatter.data.datasets[0].data = points;
  const fit = answer.regression;
  const regression = byId('regression');
  if (fit && points.length) {
    const xs = points.map(p => p.x);
    const ends = [Math.min(...xs), Math.max(...xs)];
    scatter.data.datasets[1].data = ends.map(x => ({ x, y: fit.intercept + fit.slope * x }));
    regression.textContent = `fit: ${fit.intercept.toFixed(2)}x + ${fit.slope.toFixed(2)}x × growth, R² ${fit.r2.toFixed(2)}`;
    Object.assign(regression.dataset, { slope: fit.slope, intercept: fit.intercept, r2: fit.r2 });
  } else {
    scatter.data.datasets[1].data = [];
    regression.textContent = 'no fit (fewer than 3 companies)';
  }
  scatter.update('none');
  publish('chart-scatter', points.map(p => p.ticker), points.map(p => [p.x, p.y]));
}
