// A table of rows drawn from column definitions: { field, label, format, text (left-aligned), signed (green/red) }.
import { byId, dataValue, el } from './dom.js';

/** sorted: { field, order } of the column the rows are sorted by, or null when the table is not sortable. */
export function drawTable(tableId, columns, rows, keyField, sorted = null) {
  const table = byId(tableId);
  table.tHead.replaceChildren(el('tr', {}, columns.map(column => header(column, sorted))));
  table.tBodies[0].replaceChildren(...rows.map(row =>
    el('tr', { dataset: { key: row[keyField] } }, columns.map(column => cell(column, row)))));
}

function header(column, sorted) {
  const isSorted = sorted != null && sorted.field === column.field;
  const arrow = isSorted ? (sorted.order === 'asc' ? ' ▲' : ' ▼') : '';
  return el('th', { className: classes(column.text && 'text', isSorted && 'sorted'), dataset: { field: column.field } },
    column.label + arrow);
}

function cell(column, row) {
  const value = row[column.field];
  const sign = column.signed && value != null ? (value >= 0 ? 'up' : 'down') : null;
  return el('td', { className: classes(column.text && 'text', sign), dataset: { field: column.field, value: dataValue(value) } },
    column.format(value));
}

function classes(...names) {
  return names.filter(Boolean).join(' ');
}
