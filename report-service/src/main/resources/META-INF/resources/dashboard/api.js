// The report's HTTP API as the dashboard uses it: one URL per source of data, fetched as JSON text (the browser
// revalidates with If-None-Match, the server answers 304 for what has not changed), and the event stream.

export const API = '/api/v1';

/** Every source a panel can draw, by name. */
export const SOURCES = {
  universe: '/universe',
  scatter: '/universe/scatter',
  history: '/universe/history/medians',
  companies: '/companies',
  filings: '/filings/latest',
  universes: '/universes',
  alerts: '/alerts',
  sources: '/sources',
};

/** The URL of a source, with optional query parameters (empty ones left out). */
export function sourceUrl(source, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value != null && value !== ''));
  const path = API + SOURCES[source];
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The JSON text at url, or null while the report is still loading (503). */
export async function fetchJsonText(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 503) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Saves what url answers in the given media type as a file. */
export async function download(url, mediaType, fileName) {
  const response = await fetch(url, { headers: { Accept: mediaType } });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The report's server-sent events, or null when the browser has none. EventSource reconnects by itself. */
export function openStream() {
  return window.EventSource ? new EventSource(`${API}/stream`) : null;
}
