// Panel: the universe's median of each operating metric.
import { byId, el } from '../dom.js';
import { format } from '../format.js';

const MEDIANS = [
  ['ntmGrowth', 'NTM revenue growth', format.percent],
  ['ltmGrowth', 'LTM revenue growth', format.percent],
  ['grossMargin', 'Gross margin', format.percent],
  ['operatingMargin', 'Operating margin', format.percent],
  ['fcfMargin', 'FCF margin', format.percent],
  ['netRevenueRetention', 'Net revenue retention', format.percent],
  ['gmAdjustedPaybackMonths', 'GM-adjusted CAC payback', format.months],
  ['salesMarketingPct', 'S&M % of revenue', format.percent],
  ['researchDevelopmentPct', 'R&D % of revenue', format.percent],
  ['generalAdministrativePct', 'G&A % of revenue', format.percent],
  ['ruleOf40Ltm', 'Rule of 40 (LTM)', format.percent],
  ['ruleOf40Ntm', 'Rule of 40 (NTM)', format.percent],
];

export function mount(live) {
  live.on('universe', universe => {
    const medians = universe.operatingMedians || {};
    byId('operating-medians').replaceChildren(...MEDIANS.map(([field, label, formatter]) =>
      el('div', { className: 'median', dataset: { field } },
        el('span', { className: 'label' }, label),
        el('span', { className: 'value', dataset: { value: medians[field] } }, formatter(medians[field])))));
  });
}
