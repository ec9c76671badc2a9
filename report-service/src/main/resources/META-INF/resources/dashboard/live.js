// Keeps the panels current: follows the report's event stream and fetches what it says changed; while the stream is
// down (or the browser has no EventSource) it polls every few seconds instead. A panel registers with on(source, draw)
// and is drawn only when its source's answer differs from the one drawn before.
//
// The page's body carries the state for tests: data-loaded, data-stream (open/down), data-stream-events and
// data-universe-from (stream/poll).
import { fetchJsonText, openStream, sourceUrl } from './api.js';
import { byId } from './dom.js';
import { format } from './format.js';

const REFRESH_MS = 5000;
// As long as the stream's own interval (report.stream.interval): a change shows within tens of ms.
const BATCH_MS = 20;

// What each stream event makes stale (the universe event carries the universe itself).
const STALE_AFTER = {
  universe: ['scatter', 'history', 'companies', 'universes'],
  companies: ['companies', 'scatter'],
  removed: ['companies', 'scatter'],
  universes: ['universes'],
  'universes-removed': ['universes'],
  alerts: ['alerts'],
};
// What the stream does not announce: filings, and the history, stored a moment after the stream announces a universe.
const POLLED_WHILE_STREAMING = ['filings', 'history', 'sources'];

export class LiveReport {
  #drawers = new Map();
  #params = {};
  #lastSeen = {};
  #pending = new Set();
  #stream = { open: false, events: 0 };

  /** Draws every new answer of source with draw. */
  on(source, draw) {
    if (!this.#drawers.has(source)) this.#drawers.set(source, []);
    this.#drawers.get(source).push(draw);
  }

  /** The query parameters of a source (a table's sort and filter): an object read at every fetch. */
  params(source, params) {
    this.#params[source] = params;
  }

  /** Fetches a source at once (after its parameters changed). */
  fetchNow(source) {
    return this.#refresh([source]);
  }

  url(source) {
    return sourceUrl(source, this.#params[source]);
  }

  start() {
    this.#poll();
    this.#followStream();
  }

  /** Draws the answer's panels if the answer is new; tells whether it was. */
  #draw(source, text) {
    if (this.#lastSeen[source] === text) return false;
    this.#lastSeen[source] = text;
    const data = JSON.parse(text);
    (this.#drawers.get(source) || []).forEach(draw => draw(data));
    return true;
  }

  async #refreshSource(source) {
    const text = await fetchJsonText(this.url(source));
    if (text == null) return 'waiting';
    if (this.#draw(source, text) && source === 'universe') document.body.dataset.universeFrom = 'poll';
    return 'ok';
  }

  async #refresh(sources) {
    try {
      const results = await Promise.all(sources.map(source => this.#refreshSource(source)));
      const waiting = results.includes('waiting');
      const mode = this.#stream.open ? 'stream' : 'polling';
      showStatus(waiting ? 'waiting for the first snapshot' : `live (${mode}) · updated ${format.clock(new Date())}`,
        waiting ? 'waiting' : 'live');
      if (sources.includes('universe')) document.body.dataset.loaded = String(!waiting);
    } catch (error) {
      showStatus('refresh failed: ' + error.message, 'error');
    }
  }

  // Sources the stream said changed, fetched together shortly after (a burst of events costs one round of requests).
  #refreshSoon(sources) {
    if (this.#pending.size === 0) {
      setTimeout(() => {
        const due = [...this.#pending];
        this.#pending.clear();
        this.#refresh(due);
      }, BATCH_MS);
    }
    sources.forEach(source => this.#pending.add(source));
  }

  async #poll() {
    await this.#refresh(this.#stream.open ? POLLED_WHILE_STREAMING : [...this.#drawers.keys()]);
    setTimeout(() => this.#poll(), REFRESH_MS);
  }

  #followStream() {
    const source = openStream();
    if (!source) return;
    source.onopen = () => {
      this.#stream.open = true;
      document.body.dataset.stream = 'open';
      this.#refreshSoon([...this.#drawers.keys()]); // whatever changed while it was down
    };
    // Polling covers the gap until EventSource has reconnected.
    source.onerror = () => {
      this.#stream.open = false;
      document.body.dataset.stream = 'down';
    };
    source.addEventListener('universe', event => {
      if (this.#draw('universe', this.#received(event))) {
        document.body.dataset.universeFrom = 'stream';
        document.body.dataset.loaded = 'true';
        showStatus(`live (stream) · updated ${format.clock(new Date())}`, 'live');
      }
      this.#refreshSoon(STALE_AFTER.universe);
    });
    ['companies', 'removed', 'universes', 'universes-removed', 'alerts'].forEach(name => source.addEventListener(name, event => {
      this.#received(event);
      this.#refreshSoon(STALE_AFTER[name]);
    }));
  }

  #received(event) {
    this.#stream.events += 1;
    document.body.dataset.streamEvents = String(this.#stream.events);
    return event.data;
  }
}

function showStatus(text, state) {
  const status = byId('refresh-status');
  status.className = 'pill ' + state;
  status.textContent = text;
}
