// Times, durations and counts as people read them.

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
const relative = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});

/** An instant in the browser's zone, or a dash. */
export function when(text) {
  return text ? dateTime.format(new Date(text)) : '—';
}

/** An instant in a named zone, with that zone's offset. */
export function inZone(text, zone) {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'shortOffset',
  }).format(new Date(text));
}

/** "5 minutes ago", "in 2 hours". */
export function ago(text, now = Date.now()) {
  if (!text) {
    return '';
  }
  const seconds = Math.round((new Date(text).getTime() - now) / 1000);
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

/** A duration in milliseconds as 850 ms, 12.3 s, 4 min 05 s, 2 h 03 min. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '—';
  }
  if (ms < 1000) {
    return `${Math.max(0, Math.round(ms))} ms`;
  }
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
  }
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** How long a run took, or has been running. */
export function runDuration(run, now = Date.now()) {
  if (!run.startTime) {
    return null;
  }
  const end = run.endTime ? new Date(run.endTime).getTime() : now;
  return end - new Date(run.startTime).getTime();
}

/** Pretty JSON of a string holding JSON; the text itself when it is not JSON. */
export function prettyJson(text) {
  if (!text) {
    return '';
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The object a string of JSON holds, or an empty one. */
export function parseObject(text) {
  try {
    const value = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

const wholePercent = new Intl.NumberFormat(undefined, {style: 'percent', maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat(undefined, {maximumFractionDigits: 1});

/** A fraction 0..1 as a whole percentage: 31 %. */
export function percent(fraction) {
  return wholePercent.format(fraction || 0);
}

/** Hours with at most one decimal: 12.5 h. */
export function hours(value) {
  return `${oneDecimal.format(value || 0)} h`;
}

/** A number with at most one decimal and its sign: +9.5, −3, 0. */
export function signed(value) {
  const text = oneDecimal.format(Math.abs(value || 0));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
