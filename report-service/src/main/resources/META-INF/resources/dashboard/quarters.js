// A quarterly report's columns and label, the same in the dashboard's filings panel and on a company's page.
import { format } from './format.js';

export const QUARTER_COLUMNS = [
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

/** The report with its `quarter` label, e.g. FY2025 Q2. */
export function withQuarterLabel(report) {
  return { ...report, quarter: `FY${report.fiscalYear} Q${report.fiscalQuarter}` };
}
