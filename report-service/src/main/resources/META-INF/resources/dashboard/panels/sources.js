// Panel: when each public source last updated the report (the ingest service's feeds, through /api/v1/sources), and
// which companies have no consensus estimate (those the feeds cannot bring: see docs/operations.md, "Feeds").
import { byId, el } from '../dom.js';
import { format } from '../format.js';
import { drawTable } from '../table.js';

const COLUMNS = [
  { field: 'name', label: 'Feed', format: format.text, text: true },
  { field: 'enabled', label: 'On', format: v => (v ? 'on' : 'off'), text: true },
  { field: 'lastSuccessAt', label: 'Last updated', format: format.dateTime, text: true },
  { field: 'lastOutcome', label: 'Last run', format: format.text, text: true },
  { field: 'lastRunFinishedAt', label: 'Ended', format: format.dateTime, text: true },
  { field: 'nextRunAt', label: 'Next run', format: format.dateTime, text: true },
  { field: 'lastError', label: 'Last error', format: format.text, text: true },
];

export function mount(live) {
  live.on('sources', sources => {
    const note = byId('sources-note');
    note.textContent = sources.unavailable ? 'Feeds not shown: ' + sources.unavailable : '';
    note.dataset.value = sources.unavailable || '';
    drawTable('sources-table', COLUMNS, sources.feeds, 'name');
  });
  live.on('companies', companies => {
    const missing = companies.filter(company => company.ntmRevenue == null);
    const list = byId('missing-estimates');
    list.dataset.count = String(missing.length);
    list.replaceChildren(...missing.map(company =>
      el('li', { title: company.name || '', dataset: { ticker: company.ticker } }, company.ticker)));
  });
}
