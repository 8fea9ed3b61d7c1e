// Small SVG charts drawn from data: stacked bars by category, and a line over time.
// Colours come from the stylesheet through classes (fill-<category>), so the legend matches.

import {svg} from './dom.js';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = {top: 12, right: 12, bottom: 44, left: 56};

/** A round step for about `parts` ticks up to `max`: 1, 2, 5 times a power of ten. */
export function niceStep(max, parts = 4) {
  const raw = Math.max(max, 1e-9) / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step;
}

function frame(label) {
  return svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet'});
}

function yAxis(chart, max, step, format, scaleY) {
  for (let value = 0; value <= max + step / 2; value += step) {
    const y = scaleY(value);
    chart.append(
      svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: 'grid'}),
      svg('text', {x: MARGIN.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end'}, format(value)));
  }
}

/**
 * Bars per group, each stacked by category: groups = [{label, counts: {category: n}}].
 */
export function stackedBars(groups, categories, label) {
  const chart = frame(label);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = groups.map((g) => categories.reduce((sum, c) => sum + (g.counts[c] || 0), 0));
  const step = Math.max(1, Math.ceil(niceStep(Math.max(...totals, 1))));
  const max = Math.max(step, Math.ceil(Math.max(...totals, 1) / step) * step);
  const scaleY = (value) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  yAxis(chart, max, step, (v) => String(v), scaleY);
  const slot = plotWidth / Math.max(groups.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.ceil(groups.length / 8);
  groups.forEach((group, index) => {
    const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
    let base = 0;
    for (const category of categories) {
      const count = group.counts[category] || 0;
      if (count > 0) {
        const top = scaleY(base + count);
        chart.append(svg('rect', {x, y: top, width: barWidth, height: scaleY(base) - top,
          class: `fill-${category}`}, svg('title', {}, `${group.label}: ${count} ${category}`)));
        base += count;
      }
    }
    if (index % labelEvery === 0) {
      chart.append(svg('text', {x: x + barWidth / 2, y: HEIGHT - MARGIN.bottom + 18, class: 'tick',
        'text-anchor': 'middle'}, group.label));
    }
  });
  chart.append(svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: scaleY(0), y2: scaleY(0), class: 'axis'}));
  return chart;
}

/**
 * A line through points = [{time: Date, value: number, category, href, title}], with a dot per
 * point that links to href.
 */
export function lineOverTime(points, format, label) {
  const chart = frame(label);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const times = points.map((p) => p.time.getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const step = niceStep(Math.max(...points.map((p) => p.value), 1));
  const max = Math.ceil(Math.max(...points.map((p) => p.value), step) / step) * step;
  const scaleX = (time) => MARGIN.left + (points.length === 1 ? plotWidth / 2 : ((time - first) / span) * plotWidth);
  const scaleY = (value) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  yAxis(chart, max, step, format, scaleY);
  const tickFormat = new Intl.DateTimeFormat(undefined, span > 2 * 86_400_000
    ? {month: 'short', day: 'numeric'}
    : span > 3_600_000 ? {hour: '2-digit', minute: '2-digit'} : {hour: '2-digit', minute: '2-digit', second: '2-digit'});
  const ticks = points.length === 1 ? [first] : [0, 1, 2, 3].map((i) => first + (span * i) / 3);
  ticks.forEach((time, i) => chart.append(svg('text', {x: scaleX(time), y: HEIGHT - MARGIN.bottom + 18,
    class: 'tick', 'text-anchor': points.length === 1 ? 'middle' : ['start', 'middle', 'middle', 'end'][i]},
  tickFormat.format(new Date(time)))));
  chart.append(svg('line', {x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: scaleY(0), y2: scaleY(0), class: 'axis'}));
  const coordinates = points.map((p) => `${scaleX(p.time.getTime()).toFixed(1)},${scaleY(p.value).toFixed(1)}`);
  chart.append(svg('polyline', {points: coordinates.join(' '), class: 'line'}));
  points.forEach((p) => {
    const dot = svg('circle', {cx: scaleX(p.time.getTime()), cy: scaleY(p.value), r: 4.5, class: `fill-${p.category}`},
      svg('title', {}, p.title));
    chart.append(p.href ? svg('a', {href: p.href, 'aria-label': p.title}, dot) : dot);
  });
  return chart;
}
