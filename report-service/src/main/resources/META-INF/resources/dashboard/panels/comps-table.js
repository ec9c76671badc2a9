// Panel: the comparable companies table, sorted by a click on a header, filtered by growth bucket, downloadable as CSV
// (the server sorts, filters and writes the CSV). A click on a row opens that company's page.
import { download } from '../api.js';
import { openCompanyOnRowClick } from '../company-link.js';
import { byId } from '../dom.js';
import { format } from '../format.js';
import { drawTable } from '../table.js';

const COLUMNS = [
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'name', label: 'Company', format: format.text, text: true },
  { field: 'price', label: 'Price', format: format.price },
  { field: 'enterpriseValue', label: 'EV', format: format.money },
  { field: 'ntmRevenue', label: 'NTM revenue', format: format.money },
  { field: 'ntmGrowth', label: 'NTM growth', format: format.percent },
  { field: 'growthBucket', label: 'Bucket', format: format.text, text: true },
  { field: 'ltmGrowth', label: 'LTM growth', format: format.percent },
  { field: 'evToNtmRevenue', label: 'EV / NTM rev', format: format.multiple },
  { field: 'growthAdjustedMultiple', label: 'Growth-adj.', format: format.number },
  { field: 'evToNtmFcf', label: 'EV / NTM FCF', format: format.multiple },
  { field: 'grossMargin', label: 'Gross margin', format: format.percent },
  { field: 'fcfMargin', label: 'FCF margin', format: format.percent },
  { field: 'ruleOf40Ntm', label: 'Rule of 40 (NTM)', format: format.percent },
  { field: 'netRevenueRetention', label: 'NRR', format: format.percent },
  { field: 'gmAdjustedPaybackMonths', label: 'GM-adj. payback', format: format.months },
  { field: 'weeklyPriceChange', label: '1W change', format: format.signedPercent, signed: true },
];

export function mount(live) {
  const query = { sort: 'ticker', order: 'asc', bucket: '' };
  live.params('companies', query);
  live.on('companies', rows => drawTable('comps-table', COLUMNS, rows, 'ticker', { field: query.sort, order: query.order }));

  byId('comps-table').tHead.addEventListener('click', event => {
    const header = event.target.closest('th');
    if (!header) return;
    const column = COLUMNS.find(c => c.field === header.dataset.field);
    if (query.sort === column.field) {
      query.order = query.order === 'asc' ? 'desc' : 'asc';
    } else {
      // Text columns read best A to Z, figures highest first.
      query.sort = column.field;
      query.order = column.text ? 'asc' : 'desc';
    }
    live.fetchNow('companies');
  });

  openCompanyOnRowClick('comps-table');

  byId('bucket-filter').addEventListener('change', event => {
    query.bucket = event.target.value;
    live.fetchNow('companies');
  });

  byId('download-csv').addEventListener('click', () => download(live.url('companies'), 'text/csv', 'companies.csv'));
}
