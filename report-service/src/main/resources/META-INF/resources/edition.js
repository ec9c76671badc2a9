'use strict';

// Draws the weekly edition's charts with the dashboard's Chart.js, from the edition's JSON embedded in the page
// (#edition-data). The page's tables are written by the server, so they read without this script. Like the dashboard,
// every canvas carries its labels and values as JSON in data-labels / data-values, and <body data-drawn="true"> says
// the charts are complete (for printing and for tests).

(function () {
  const COLORS = {
    accent: 'rgba(47, 91, 234, 0.75)',
    band: 'rgba(47, 91, 234, 0.15)',
    up: 'rgba(19, 138, 75, 0.8)',
    down: 'rgba(198, 59, 59, 0.8)',
    fit: '#e08a1e',
    series: ['#2f5bea', '#8e44ad', '#138a4b', '#e08a1e', '#c63b3b'],
    grid: '#eef0f5',
  };
  const multiple = v => (v == null ? '—' : v.toFixed(2) + 'x');
  const percent = v => (v == null ? '—' : (v * 100).toFixed(2) + '%');
  const signedPercent = v => (v == null ? '—' : (v > 0 ? '+' : '') + (v * 100).toFixed(2) + '%');

  const edition = JSON.parse(document.getElementById('edition-data').textContent);
  Chart.defaults.animation = false;
  Chart.defaults.font.family = '"Liberation Sans", Arial, sans-serif';
  // Printing resizes the page: redraw at the printed size.
  Chart.defaults.maintainAspectRatio = false;

  function publish(id, labels, values) {
    const canvas = document.getElementById(id);
    canvas.dataset.labels = JSON.stringify(labels);
    canvas.dataset.values = JSON.stringify(values);
    return canvas;
  }

  function bars(id, entries, format, colors, horizontal = true) {
    const labels = entries.map(e => e.ticker);
    const values = entries.map(e => e.value);
    return new Chart(publish(id, labels, values), {
      type: 'bar',
      data: { labels, datasets: [{ data: values, backgroundColor: colors }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => format(c.raw) } } },
        scales: { x: { grid: { color: COLORS.grid }, ticks: horizontal ? { callback: v => format(v) } : {} } },
      },
    });
  }

  function topMultiples() {
    bars('chart-top-multiples', edition.topMultiples, multiple, COLORS.accent);
  }

  function scatter() {
    const points = edition.scatter.points;
    const fit = edition.scatter.regression;
    const xs = points.map(p => p.ntmGrowth);
    const line = fit && xs.length
      ? [Math.min(...xs), Math.max(...xs)].map(x => ({ x, y: fit.intercept + fit.slope * x }))
      : [];
    new Chart(publish('chart-scatter', points.map(p => p.ticker), points.map(p => [p.ntmGrowth, p.evToNtmRevenue])), {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'Companies', data: points.map(p => ({ x: p.ntmGrowth, y: p.evToNtmRevenue, ticker: p.ticker })), backgroundColor: COLORS.accent, pointRadius: 5 },
          { label: 'Least-squares fit', type: 'line', data: line, borderColor: COLORS.fit, borderDash: [6, 4], pointRadius: 0 },
        ],
      },
      options: {
        scales: {
          x: { title: { display: true, text: 'NTM revenue growth' }, ticks: { callback: v => percent(v) }, grid: { color: COLORS.grid } },
          y: { title: { display: true, text: 'EV / NTM revenue' }, ticks: { callback: v => multiple(v) }, grid: { color: COLORS.grid } },
        },
        plugins: { tooltip: { callbacks: { label: c => (c.raw.ticker ? c.raw.ticker + ': ' : 'fit: ') + multiple(c.parsed.y) + ' at ' + percent(c.parsed.x) } } },
      },
    });
  }

  function buckets() {
    const names = ['high', 'mid', 'low'];
    const b = edition.buckets || {};
    const medians = names.map(n => (b[n] ? b[n].medianEvToNtmRevenue : null));
    const ranges = names.map(n => (b[n] && b[n].quartilesEvToNtmRevenue && b[n].quartilesEvToNtmRevenue.p25 != null
      ? [b[n].quartilesEvToNtmRevenue.p25, b[n].quartilesEvToNtmRevenue.p75] : null));
    new Chart(publish('chart-buckets', names, medians), {
      type: 'bar',
      data: {
        labels: ['High (> 22 %)', 'Mid (15–22 %)', 'Low (< 15 %)'],
        datasets: [
          { label: 'Median', data: medians, backgroundColor: COLORS.series.slice(0, 3) },
          { label: 'P25 – P75', data: ranges, backgroundColor: COLORS.band, borderColor: COLORS.accent, borderWidth: 1 },
        ],
      },
      options: { scales: { y: { ticks: { callback: v => multiple(v) }, grid: { color: COLORS.grid } } } },
    });
  }

  function history() {
    const weeks = edition.medianHistory;
    const labels = weeks.map(w => w.week);
    const series = (key, label, color, extra = {}) => Object.assign({ label, data: weeks.map(w => w[key]), borderColor: color, backgroundColor: color, pointRadius: 2, tension: 0, spanGaps: true }, extra);
    new Chart(publish('chart-history', labels, weeks.map(w => w.overall)), {
      type: 'line',
      data: {
        labels,
        datasets: [
          series('overallP25', 'P25', COLORS.band, { pointRadius: 0, borderWidth: 0 }),
          // Filled down to the P25 line just above: the interquartile band around the median.
          series('overallP75', 'P25 – P75', COLORS.band, { pointRadius: 0, borderWidth: 0, fill: '-1' }),
          series('overall', 'Median', COLORS.series[0]),
          series('top5', 'Top-5 median', COLORS.series[1]),
          series('high', 'High growth', COLORS.series[2]),
          series('mid', 'Mid growth', COLORS.series[3]),
          series('low', 'Low growth', COLORS.series[4]),
        ],
      },
      options: {
        scales: { y: { ticks: { callback: v => multiple(v) }, grid: { color: COLORS.grid } } },
        plugins: { legend: { labels: { filter: item => item.text !== 'P25' } } },
      },
    });
  }

  function movers() {
    const entries = edition.movers.gainers.concat(edition.movers.losers.filter(l => !edition.movers.gainers.some(g => g.ticker === l.ticker)));
    bars('chart-movers', entries, signedPercent, entries.map(e => (e.value >= 0 ? COLORS.up : COLORS.down)));
  }

  topMultiples();
  scatter();
  buckets();
  history();
  movers();
  document.body.dataset.drawn = 'true';
}());
