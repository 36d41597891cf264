// Event counts by type per week as stacked SVG bars, built with createElementNS (no library).
import { colour } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 140, PAD = 22;

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** byWeek: [{week, type, n}] from /api/stats. */
export function drawTimeline(node, byWeek) {
  node.replaceChildren();
  const rows = byWeek.filter((r) => r.week);
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const width = Math.max(node.clientWidth || 600, 300);
  node.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
  if (!weeks.length) {
    node.append(svg("text", { x: 10, y: HEIGHT / 2, class: "empty" }, "No dated events match."));
    return;
  }
  const totals = new Map();
  for (const r of rows) totals.set(r.week, (totals.get(r.week) ?? 0) + r.n);
  const max = Math.max(...totals.values());
  const step = (width - 2 * PAD) / weeks.length;
  const barWidth = Math.max(step - 2, 1);
  const scale = (HEIGHT - 2 * PAD) / max;
  node.append(svg("text", { x: 2, y: PAD - 8, class: "axis" }, `${max} events/week`));
  weeks.forEach((week, i) => {
    let y = HEIGHT - PAD;
    for (const r of rows.filter((x) => x.week === week)) {
      const h = Math.max(r.n * scale, 1);
      y -= h;
      const bar = svg("rect", { x: PAD + i * step, y, width: barWidth, height: h, fill: colour(r.type), class: "bar" });
      bar.dataset.type = r.type ?? "";
      bar.dataset.week = week;
      bar.append(svg("title", {}, `week of ${week}: ${r.n} ${r.type ?? "?"}`));
      node.append(bar);
    }
  });
  const every = Math.ceil(weeks.length / 8);
  weeks.forEach((week, i) => {
    if (i % every === 0) node.append(svg("text", { x: PAD + i * step, y: HEIGHT - 6, class: "axis" }, week));
  });
}
