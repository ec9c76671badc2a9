// Panel: the median EV / NTM revenue of each NTM growth bucket, with its company count. Which company is in which
// bucket is the metrics service's to say (its thresholds are nowhere else): the page only names the buckets.
import { COLORS, barChart, drawBars } from '../charts.js';
import { format } from '../format.js';

const BUCKETS = [['high', 'High growth'], ['mid', 'Mid growth'], ['low', 'Low growth']];

export function mount(live) {
  const chart = barChart('chart-buckets', { horizontal: false, format: format.multiple, color: COLORS.series.slice(0, 3) });
  live.on('universe', universe => {
    const buckets = universe.buckets || {};
    drawBars(chart,
      BUCKETS.map(([key, label]) => label + ', n=' + ((buckets[key] && buckets[key].count) || 0)),
      BUCKETS.map(([key]) => (buckets[key] ? buckets[key].medianEvToNtmRevenue : null)));
  });
}
