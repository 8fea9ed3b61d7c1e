// Small SVG charts drawn from data: stacked bars by category, a line over time, a heat map.
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

/**
 * A grid of cells shaded by value: rows = [{label, values}], one value per column; columns are the
 * column labels ('' leaves one unlabelled); cellTitle(rowIndex, columnIndex, value) names a cell.
 */
export function heatMap(rows, columns, cellTitle, label) {
  const left = 60;
  const top = 24;
  const cell = (WIDTH - left - 4) / columns.length;
  const rowHeight = Math.min(cell, 26);
  const height = top + rows.length * rowHeight + 4;
  const max = Math.max(0, ...rows.flatMap((row) => row.values));
  const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart heat-map', role: 'img',
    'aria-label': label, preserveAspectRatio: 'xMidYMid meet'}, svg('title', {}, label));
  columns.forEach((text, column) => {
    if (text) {
      chart.append(svg('text', {x: left + column * cell + cell / 2, y: top - 7, class: 'tick',
        'text-anchor': 'middle'}, text));
    }
  });
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    chart.append(svg('text', {x: left - 8, y: y + rowHeight / 2 + 5, class: 'tick', 'text-anchor': 'end'}, row.label));
    row.values.forEach((value, column) => chart.append(svg('rect', {
      x: left + column * cell + 1, y: y + 1, width: cell - 2, height: rowHeight - 2, rx: 3,
      class: value > 0 ? 'cell heat' : 'cell heat-none',
      // Never fainter than 15 %, so that a little time stays visible beside none.
      'fill-opacity': value > 0 ? (0.15 + (0.85 * value) / max).toFixed(2) : null,
    }, svg('title', {}, cellTitle(index, column, value)))));
  });
  return chart;
}
