// Panel: the as-of time and the headline figures of the universe.
import { setFigure } from '../dom.js';
import { format } from '../format.js';

export function mount(live) {
  live.on('universe', universe => {
    setFigure('as-of', universe.asOf, v => 'as of ' + format.dateTime(v));
    setFigure('kpi-company-count', universe.companyCount, format.integer);
    setFigure('kpi-median-ev-ntm', universe.medianEvToNtmRevenue, format.multiple);
    setFigure('kpi-top5-median', universe.top5MedianEvToNtmRevenue, format.multiple);
    setFigure('kpi-growth-adjusted', universe.medianGrowthAdjustedMultiple, format.number);
    setFigure('kpi-ev-ntm-fcf', universe.medianEvToNtmFcf, format.multiple);
    setFigure('kpi-ten-year', universe.tenYearYield, format.quotedPercent);
  });
}
