// Panel: the ten highest EV / NTM revenue multiples.
import { COLORS, barChart, drawRanking } from '../charts.js';
import { format } from '../format.js';

export function mount(live) {
  const chart = barChart('chart-top-multiples', { horizontal: true, format: format.multiple, color: COLORS.accentSoft });
  live.on('universe', universe => drawRanking(chart, universe.topByEvToNtmRevenue));
}
