// Panel: the latest quarterly report of each company; a click on a row opens that company's page.
import { openCompanyOnRowClick } from '../company-link.js';
import { format } from '../format.js';
import { QUARTER_COLUMNS, withQuarterLabel } from '../quarters.js';
import { drawTable } from '../table.js';

const COLUMNS = [
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'name', label: 'Company', format: format.text, text: true },
  ...QUARTER_COLUMNS,
];

export function mount(live) {
  openCompanyOnRowClick('quarterly-reports');
  live.on('filings', rows => drawTable('quarterly-reports', COLUMNS,
    rows.map(withQuarterLabel), 'ticker'));
}
