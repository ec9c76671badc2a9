// The dashboard's entry module: mounts one module per panel (dashboard/panels/) on the live report, which follows the
// event stream, polls while it is down and draws each panel when its source's answer changes. A new panel is a module
// exporting mount(live), added to PANELS; a new source of data is a line in dashboard/api.js's SOURCES.
import { LiveReport } from './dashboard/live.js';
import * as headline from './dashboard/panels/headline.js';
import * as topMultiples from './dashboard/panels/top-multiples.js';
import * as scatter from './dashboard/panels/scatter.js';
import * as growthBuckets from './dashboard/panels/growth-buckets.js';
import * as medianHistory from './dashboard/panels/median-history.js';
import * as movers from './dashboard/panels/movers.js';
import * as operatingMedians from './dashboard/panels/operating-medians.js';
import * as compsTable from './dashboard/panels/comps-table.js';
import * as filingsTable from './dashboard/panels/filings-table.js';
import * as universes from './dashboard/panels/universes.js';
import * as alerts from './dashboard/panels/alerts.js';
import * as sources from './dashboard/panels/sources.js';

const PANELS = [headline, topMultiples, scatter, growthBuckets, medianHistory, movers, operatingMedians, compsTable, filingsTable,
  universes, alerts, sources];

const live = new LiveReport();
PANELS.forEach(panel => panel.mount(live));
live.start();
