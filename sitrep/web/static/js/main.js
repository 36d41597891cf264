// The page: filters drive the counts, the map, the timeline, the incident list and the events table;
// #/incident/ID and #/article/ID open the detail views; the store's generation is polled so stale data is
// announced, not hidden.
import { get } from "./api.js";
import { el, clear, colour } from "./dom.js";
import { showTable } from "./events.js";
import { createMap, showEvents } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { incidentView, articleView, showIncidents } from "./views.js";

const MODALITIES = ["asserted", "reported", "hypothetical", "conditional", "negated", "future", "habitual"];
const form = document.getElementById("filters");
const banner = document.getElementById("banner");
const message = document.getElementById("message");
const MAP_MAX = 5000; // located events drawn, newest first; the counts say when there are more
const PAGE = 1000; // the API's largest page
let mapView = null;
let generation = null;
let tableLimit = 50;
let drawn = null; // what the timeline shows, to draw it again at a new width

function filters() {
  const out = {};
  for (const [k, v] of new FormData(form)) if (v) out[k] = v;
  return out;
}

function say(text) {
  message.hidden = !text;
  message.textContent = text ?? "";
}

function fillSelect(name, values, current) {
  const select = form.elements[name];
  select.replaceChildren(el("option", { value: "" }, "all"),
    ...values.map((v) => el("option", { value: v, selected: v === current }, v)));
}

/** The newest located events, page by page, up to MAP_MAX. */
async function located(f) {
  const first = await get("/api/events", { ...f, located: true, order: "newest", limit: PAGE });
  const pages = [first];
  const want = Math.min(first.total, MAP_MAX);
  const rest = [];
  for (let offset = PAGE; offset < want; offset += PAGE) {
    rest.push(get("/api/events", { ...f, located: true, order: "newest", limit: Math.min(PAGE, want - offset), offset }));
  }
  pages.push(...await Promise.all(rest));
  return { items: pages.flatMap((p) => p.items), total: first.total };
}

async function refresh() {
  const f = filters();
  try {
    const [stats, events, incidents] = await Promise.all([
      get("/api/stats", f), located(f), get("/api/incidents", { ...f, limit: 100 }), table(0),
    ]);
    generation = stats.store.generation;
    showStale(stats.store);
    say(null);
    if (!f.type) fillSelect("type", stats.by_type.map((r) => r.type).filter(Boolean), f.type);
    if (!f.country) fillSelect("country", stats.by_country.map((r) => r.country).filter(Boolean), f.country);
    const shown = events.items.length;
    document.getElementById("counts").textContent = `${stats.events} events in ${stats.articles} articles`
      + ` · the map shows ${shown === events.total ? `all ${shown}` : `the newest ${shown} of ${events.total}`}`
      + " located events";
    showEvents(mapView, events.items);
    drawn = [stats.by_week, f.since, f.until];
    drawTimeline(document.getElementById("timeline"), ...drawn);
    showLegend(stats.by_type);
    showIncidents(document.getElementById("incidents"), incidents);
  } catch (err) {
    const busy = err.status === 503;
    say(busy ? `The store is being written (${err.message}); retrying…` : `Could not load data: ${err.message}`);
    if (busy) setTimeout(refresh, 3000);
  }
}

function table(offset) {
  return showTable(document.getElementById("events"), filters(), tableLimit, offset, (o) => table(o).catch((err) => say(err.message)));
}

function showLegend(byType) {
  clear(document.getElementById("legend")).append(...byType.map((r) =>
    el("span", { className: "legend-item" }, el("span", { className: "swatch", dataset: { colour: colour(r.type) } }),
      `${r.type ?? "?"} ${r.n}`)));
  for (const s of document.querySelectorAll(".swatch")) s.style.background = s.dataset.colour;
}

function showStale(store) {
  const notes = [];
  if (store.writing) notes.push("An ingest is writing to the store now; figures will change.");
  if (generation && store.generation !== generation) notes.push("The store has changed since this page loaded.");
  banner.replaceChildren(...notes.map((n) => el("span", {}, n)));
  if (generation && store.generation !== generation) {
    banner.append(el("button", { type: "button", on: { click: refresh } }, "Reload data"));
  }
  banner.hidden = !notes.length;
  banner.dataset.stale = String(store.generation !== generation);
}

async function poll() {
  try {
    showStale(await get("/api/status"));
  } catch (err) {
    banner.hidden = false;
    banner.textContent = `The server does not answer (${err.message}); the data shown may be stale.`;
  }
}

async function openRoute() {
  const detail = document.getElementById("detail");
  const [, kind, id] = window.location.hash.match(/^#\/(incident|article)\/(.+)$/) ?? [];
  if (!kind) {
    detail.hidden = true;
    clear(detail);
    return;
  }
  detail.hidden = false;
  detail.replaceChildren(el("p", {}, "Loading…"));
  try {
    await (kind === "incident" ? incidentView : articleView)(detail, decodeURIComponent(id));
    detail.scrollIntoView();
  } catch (err) {
    detail.replaceChildren(el("p", { className: "error" }, `Could not open this ${kind}: ${err.message}`));
  }
}

async function main() {
  fillSelect("modality", MODALITIES, "");
  document.getElementById("page-size").addEventListener("change", (e) => {
    tableLimit = Number(e.target.value);
    table(0).catch((err) => say(err.message));
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  form.addEventListener("reset", () => setTimeout(refresh));
  window.addEventListener("hashchange", openRoute);
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => drawn && drawTimeline(document.getElementById("timeline"), ...drawn), 150);
  });
  mapView = await createMap(document.getElementById("map"));
  await refresh();
  await openRoute();
  document.body.dataset.ready = "true";
  setInterval(poll, 5000);
}

main();
