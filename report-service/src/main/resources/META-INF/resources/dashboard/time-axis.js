// A time axis for Chart.js's linear scale: ticks on round UTC instants, from minutes to years apart, labelled to match.

const MINUTE = 60e3;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  [1, 'minute'], [2, 'minute'], [5, 'minute'], [10, 'minute'], [15, 'minute'], [30, 'minute'],
  [1, 'hour'], [2, 'hour'], [3, 'hour'], [6, 'hour'], [12, 'hour'],
  [1, 'day'], [2, 'day'], [7, 'day'], [14, 'day'],
  [1, 'month'], [2, 'month'], [3, 'month'], [6, 'month'],
  [1, 'year'], [2, 'year'], [5, 'year'], [10, 'year'], [25, 'year'], [50, 'year'],
];
const UNIT_MS = { minute: MINUTE, hour: HOUR, day: DAY, month: 30.44 * DAY, year: 365.25 * DAY };

/** The tick instants between min and max (epoch milliseconds) and the format of their labels. */
export function timeTicks(min, max, maxTicks = 6) {
  const span = Math.max(max - min, MINUTE);
  const [size, unit] = TIME_STEPS.find(([n, u]) => span / (n * UNIT_MS[u]) <= maxTicks) || TIME_STEPS[TIME_STEPS.length - 1];
  const values = [];
  if (unit === 'month' || unit === 'year') {
    // Counted in months since year 0, so that steps fall on quarters, half-years, years, lustra...
    const months = unit === 'year' ? 12 * size : size;
    const monthStart = index => Date.UTC(Math.floor(index / 12), index % 12, 1);
    const start = new Date(min);
    let index = Math.floor((start.getUTCFullYear() * 12 + start.getUTCMonth()) / months) * months;
    for (let t = monthStart(index); t <= max; index += months, t = monthStart(index)) {
      if (t >= min) values.push(t);
    }
  } else {
    const step = size * UNIT_MS[unit];
    for (let t = Math.ceil(min / step) * step; t <= max; t += step) values.push(t);
  }
  if (values.length === 0) values.push(min);
  const iso = v => new Date(v).toISOString();
  const crossesDays = iso(min).slice(0, 10) !== iso(max).slice(0, 10);
  const crossesYears = iso(min).slice(0, 4) !== iso(max).slice(0, 4);
  const format = {
    minute: v => (crossesDays ? iso(v).slice(5, 16).replace('T', ' ') : iso(v).slice(11, 16)),
    hour: v => (crossesDays ? iso(v).slice(5, 16).replace('T', ' ') : iso(v).slice(11, 16)),
    day: v => (crossesYears ? iso(v).slice(0, 10) : iso(v).slice(5, 10)),
    month: v => iso(v).slice(0, 7),
    year: v => iso(v).slice(0, 4),
  }[unit];
  return { values, format };
}

/** The options of a linear x scale that reads epoch milliseconds as time. */
export function timeScale(gridColor) {
  return {
    type: 'linear',
    bounds: 'data',
    afterBuildTicks: axis => {
      const ticks = timeTicks(axis.min, axis.max);
      axis.ticks = ticks.values.map(value => ({ value }));
      axis.timeFormat = ticks.format;
    },
    ticks: { callback: function (v) { return this.timeFormat ? this.timeFormat(v) : ''; }, maxRotation: 0, autoSkip: false },
    grid: { color: gridColor },
  };
}
