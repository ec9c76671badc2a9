// Number formats of the dashboard: two decimals, "x" for multiples, "%" for ratios, "—" for a missing value.

const missing = '—';

export const format = {
  text: v => (v == null ? missing : String(v)),
  number: v => (v == null ? missing : v.toFixed(2)),
  integer: v => (v == null ? missing : String(v)),
  multiple: v => (v == null ? missing : v.toFixed(2) + 'x'),
  percent: v => (v == null ? missing : (v * 100).toFixed(2) + '%'),
  signedPercent: v => (v == null ? missing : (v > 0 ? '+' : '') + (v * 100).toFixed(2) + '%'),
  quotedPercent: v => (v == null ? missing : v.toFixed(2) + '%'), // already in percent, as the market quotes yields
  months: v => (v == null ? missing : v.toFixed(2) + ' mo'),
  price: v => (v == null ? missing : '$' + v.toFixed(2)),
  money: v => {
    if (v == null) return missing;
    const abs = Math.abs(v);
    if (abs >= 1e12) return '$' + (v / 1e12).toFixed(2) + 'T';
    if (abs >= 1e9) return '$' + (v / 1e9).toFixed(2) + 'B';
    if (abs >= 1e6) return '$' + (v / 1e6).toFixed(2) + 'M';
    return '$' + v.toFixed(2);
  },
  date: iso => (iso == null ? missing : iso.slice(0, 10)),
  dateTime: iso => (iso == null ? missing : iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')),
  clock: date => date.toISOString().slice(11, 19) + ' UTC',
};
