// Event counts by type per week as stacked SVG bars on a true time axis: a week sits where its date falls,
// so weeks without events are gaps. Built with createElementNS (no library).
import { colour } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 140, PAD = 22, WEEK = 7 * 86400e3, LABEL_PX = 64;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const day = (iso) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The span to draw: the filter's dates when given, else the shortest run of weeks that holds 95% of the
 * events, widened on each side over weeks less than two months apart. News reports what just happened; the
 * few events dated decades back (a history paragraph, a misread year) or years ahead would otherwise squeeze
 * the rest into one column. What falls outside is counted, not hidden.
 */
export function domain(weeks, since, until) {
  const total = weeks.reduce((s, [, n]) => s + n, 0);
  let best = [0, weeks.length - 1], held = 0, lo = 0;
  for (let hi = 0; hi < weeks.length; hi++) {
    held += weeks[hi][1];
    while (held - weeks[lo][1] >= 0.95 * total) held -= weeks[lo++][1];
    if (held >= 0.95 * total && weeks[hi][0] - weeks[lo][0] < weeks[best[1]][0] - weeks[best[0]][0]) best = [lo, hi];
  }
  let [first, last] = best;
  while (first > 0 && weeks[first][0] - weeks[first - 1][0] <= 8 * WEEK) first--;
  while (last < weeks.length - 1 && weeks[last + 1][0] - weeks[last][0] <= 8 * WEEK) last++;
  return [since ? day(since) : weeks[first][0], (until ? day(until) : weeks[last][0]) + WEEK];
}

/** Tick dates and labels: weeks for a short span, else the finest of 1, 3, 6 months, 1, 2, 5, 10 years
 * whose labels do not overlap in ``width`` pixels. */
export function ticks(start, end, width) {
  const room = Math.max(Math.floor(width / LABEL_PX), 2);
  const out = [];
  if (end - start <= 9 * WEEK) {
    const step = Math.ceil((end - start) / WEEK / room) * WEEK;
    for (let t = start; t <= end; t += step) {
      const d = new Date(t);
      out.push([t, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`]);
    }
    return out;
  }
  const months = (end - start) / (30.44 * 86400e3);
  const step = [1, 3, 6, 12, 24, 60, 120].find((s) => months / s <= room) ?? Math.ceil(months / room / 120) * 120;
  const first = new Date(start);
  let m = Math.ceil((first.getUTCFullYear() * 12 + first.getUTCMonth()) / step) * step;
  for (let t = Date.UTC(Math.floor(m / 12), m % 12, 1); t <= end; m += step, t = Date.UTC(Math.floor(m / 12), m % 12, 1)) {
    if (t >= start) out.push([t, step >= 12 ? String(Math.floor(m / 12)) : `${MONTHS[m % 12]} ${Math.floor(m / 12)}`]);
  }
  return out;
}

/** byWeek: [{week, type, n}] from /api/stats; since/until: the filter's ISO dates, if any. */
export function drawTimeline(node, byWeek, since, until) {
  node.replaceChildren();
  const rows = byWeek.filter((r) => r.week);
  const width = Math.max(node.clientWidth || 600, 280);
  node.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
  if (!rows.length) {
    node.append(svg("text", { x: 10, y: HEIGHT / 2, class: "empty" }, "No dated events match."));
    return;
  }
  const totals = new Map();
  for (const r of rows) totals.set(day(r.week), (totals.get(day(r.week)) ?? 0) + r.n);
  const weeks = [...totals].sort((a, b) => a[0] - b[0]);
  const [start, end] = domain(weeks, since, until);
  const x = (t) => PAD + (t - start) / (end - start) * (width - 2 * PAD);
  const inside = weeks.filter(([t]) => t >= start && t < end);
  const max = Math.max(1, ...inside.map(([, n]) => n));
  const scale = (HEIGHT - 2 * PAD) / max;
  const outside = weeks.reduce((s, [t, n]) => s + (t >= start && t < end ? 0 : n), 0);
  node.append(svg("text", { x: 2, y: PAD - 8, class: "axis" },
    `${max} events/week${outside ? ` · ${outside} dated outside this span not drawn` : ""}`));
  node.append(svg("line", { x1: PAD, x2: width - PAD, y1: HEIGHT - PAD, y2: HEIGHT - PAD, class: "baseline" }));
  const stackTop = new Map();
  for (const r of rows) {
    const t = day(r.week);
    if (t < start || t >= end) continue;
    const h = Math.max(r.n * scale, 1);
    const y = (stackTop.get(t) ?? HEIGHT - PAD) - h;
    stackTop.set(t, y);
    const bar = svg("rect", { x: x(t), y, width: Math.max(x(t + WEEK) - x(t) - 1, 1), height: h, fill: colour(r.type), class: "bar" });
    bar.dataset.type = r.type ?? "";
    bar.dataset.week = r.week;
    bar.append(svg("title", {}, `week of ${r.week}: ${r.n} ${r.type ?? "?"}`));
    node.append(bar);
  }
  for (const [t, label] of ticks(start, end, width - 2 * PAD)) {
    node.append(svg("line", { x1: x(t), x2: x(t), y1: HEIGHT - PAD, y2: HEIGHT - PAD + 4, class: "tick" }));
    node.append(svg("text", { x: x(t), y: HEIGHT - 6, class: "axis tick-label", "text-anchor": "middle" }, label));
  }
}
