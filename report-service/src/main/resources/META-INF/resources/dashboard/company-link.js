// Where a company's page is, and opening it: every panel that shows companies (the top-10 bars, the scatter, the
// tables) opens the page of the one clicked.

/** The URL of a company's page. */
export function companyUrl(ticker) {
  return `/company.html?ticker=${encodeURIComponent(ticker)}`;
}

export function openCompany(ticker) {
  if (ticker) window.location.assign(companyUrl(ticker));
}

/** Opens the page of the company whose row (tr[data-key]) was clicked in a table. */
export function openCompanyOnRowClick(tableId) {
  document.getElementById(tableId).tBodies[0].addEventListener('click', event => {
    const row = event.target.closest('tr[data-key]');
    if (row) openCompany(row.dataset.key);
  });
}

/** Opens the page of the company under a click on a Chart.js chart (the element's label, or its data's ticker). */
export function openCompanyOnChartClick(chart, tickerOf) {
  chart.options.onClick = (event, elements) => {
    const hit = elements.find(element => element.datasetIndex === 0);
    if (hit) openCompany(tickerOf(hit.index));
  };
}
