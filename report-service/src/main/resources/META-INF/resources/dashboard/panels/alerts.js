// Panel: the universes' alerts, newest first (the report serves the recent ones; the stream announces new ones).
import { drawTable } from '../table.js';
import { format } from '../format.js';

const SHOWN = 50;
const COLUMNS = [
  { field: 'at', label: 'At', format: format.dateTime, text: true },
  { field: 'universe', label: 'Universe', format: format.text, text: true },
  { field: 'type', label: 'Alert', format: format.text, text: true },
  { field: 'ticker', label: 'Ticker', format: format.text, text: true },
  { field: 'value', label: 'Now', format: format.number },
  { field: 'previous', label: 'Before', format: format.number },
  { field: 'change', label: 'Change', format: format.signedPercent, signed: true },
  { field: 'rank', label: 'Rank', format: format.integer },
  { field: 'toBucket', label: 'Bucket', format: format.text, text: true },
];

export function mount(live) {
  live.on('alerts', alerts => drawTable('alerts-table', COLUMNS, alerts.slice(-SHOWN).reverse(), 'id'));
}
