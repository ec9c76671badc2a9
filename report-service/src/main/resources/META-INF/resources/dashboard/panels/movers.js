// Panel: the week's top gainers and losers, green up, red down.
import { barChart, drawRanking, signColor } from '../charts.js';
import { format } from '../format.js';

export function mount(live) {
  const gainers = barChart('chart-gainers', { horizontal: true, format: format.signedPercent, color: [] });
  const losers = barChart('chart-losers', { horizontal: true, format: format.signedPercent, color: [] });
  live.on('universe', universe => {
    drawRanking(gainers, universe.topWeeklyGainers, signColor);
    drawRanking(losers, universe.topWeeklyLosers, signColor);
  });
}
