// Panel: the ten highest EV / NTM revenue multiples; a click on a bar opens that company's page.
import { COLORS, barChart, drawRanking } from '../charts.js';
import { openCompanyOnChartClick } from '../company-link.js';
import { format } from '../format.js';

export function mount(live) {
  const chart = barChart('chart-top-multiples', { horizontal: true, format: format.multiple, color: COLORS.accentSoft });
  openCompanyOnChartClick(chart, index => chart.data.labels[index]);
  live.on('universe', universe => drawRanking(chart, universe.topByEvToNtmRevenue));
}
