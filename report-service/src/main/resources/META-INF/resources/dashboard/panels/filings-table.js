// Panel: the latest quarterly report of each company; a click on a row opens that company's page.
import { openCompanyOnRowClick } from '../company-link.js';
import { format } from '../format.js';
import { drawTable } from '../table.js';

const COLUMNS = [
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'name', label: 'Company', format: format.text, text: true },
  { field: 'quarter', label: 'Quarter', format: format.text, text: true },
  { field: 'periodEnd', label: 'Period end', format: format.date, text: true },
  { field: 'filedAt', label: 'Filed', format: format.date, text: true },
  { field: 'revenue', label: 'Revenue', format: format.money },
  { field: 'revenueGrowthYoy', label: 'YoY growth', format: format.signedPercent, signed: true },
  { field: 'grossMargin', label: 'Gross margin', format: format.percent },
  { field: 'operatingMargin', label: 'Op. margin', format: format.percent },
  { field: 'fcfMargin', label: 'FCF margin', format: format.percent },
  { field: 'netRevenueRetention', label: 'NRR', format: format.percent },
];

export function mount(live) {
  openCompanyOnRowClick('quarterly-reports');
  live.on('filings', rows => drawTable('quarterly-reports', COLUMNS,
    rows.map(r => ({ ...r, quarter: `FY${r.fiscalYear} Q${r.fiscalQuarter}` })), 'ticker'));
}
