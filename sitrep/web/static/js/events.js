// The events table under the map: the events the filters keep, newest first, a page at a time, and a
// CSV or JSON file of exactly the rows and columns shown.
import { get } from "./api.js";
import { el, clear, route } from "./dom.js";

export const COLUMNS = [
  ["date", "date"], ["plover_type", "type"], ["modality", "modality"], ["trigger_text", "trigger"],
  ["source_text", "source"], ["target_text", "target"], ["place_name", "place"], ["place_country", "country"],
  ["publisher", "outlet"], ["title", "article"], ["id", "event id"], ["article_id", "article id"],
];
const CLASSES = { trigger_text: "wrap", source_text: "wrap", target_text: "wrap", place_name: "wrap", title: "wrap",
  id: "id", article_id: "id" };

/** Load one page of events for ``filters`` into ``node``; returns the page (items, total, limit, offset). */
export async function showTable(node, filters, limit, offset, onPage) {
  const page = await get("/api/events", { ...filters, order: "newest", limit, offset });
  const rows = page.items.map((e) => Object.fromEntries(COLUMNS.map(([k]) => [k, e[k] ?? null])));
  const last = offset + rows.length;
  const nav = el("div", { className: "table-nav" },
    el("span", { className: "table-count" }, page.total ? `events ${offset + 1}–${last} of ${page.total}, newest first` : "No events match."),
    el("button", { type: "button", className: "prev", disabled: offset === 0, on: { click: () => onPage(Math.max(offset - limit, 0)) } }, "‹ newer"),
    el("button", { type: "button", className: "next", disabled: last >= page.total, on: { click: () => onPage(offset + limit) } }, "older ›"),
    el("button", { type: "button", className: "download-csv", disabled: !rows.length, on: { click: () => download(rows, "csv", offset) } }, "Download CSV"),
    el("button", { type: "button", className: "download-json", disabled: !rows.length, on: { click: () => download(rows, "json", offset) } }, "Download JSON"));
  const cell = (row, key) => key === "title"
    ? el("a", { href: route("article", row.article_id) }, row.title || row.article_id)
    : (row[key] ?? "");
  const table = el("table", { className: "records events-table" },
    el("thead", {}, el("tr", {}, COLUMNS.map(([, label]) => el("th", {}, label)))),
    el("tbody", {}, rows.map((row) => el("tr", {}, COLUMNS.map(([key]) => el("td", { className: CLASSES[key] ?? "" }, cell(row, key)))))));
  clear(node).append(nav, el("div", { className: "table-scroll" }, table));
  return page;
}

function csvCell(value) {
  const s = value === null ? "" : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The rows and columns shown, as a file the browser saves (the article column holds its title). */
function download(rows, format, offset) {
  const body = format === "json" ? JSON.stringify(rows, null, 1)
    : [COLUMNS.map(([k]) => k).join(","), ...rows.map((r) => COLUMNS.map(([k]) => csvCell(r[k])).join(","))].join("\r\n") + "\r\n";
  const blob = new Blob([body], { type: format === "json" ? "application/json" : "text/csv" });
  const link = el("a", { download: `sitrep-events-${offset + 1}-${offset + rows.length}.${format}` });
  link.href = URL.createObjectURL(blob);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
