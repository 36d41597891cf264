// The page: filters drive the map, the timeline and the incident list; #/incident/ID and #/article/ID
// open the detail views; the store's generation is polled so stale data is announced, not hidden.
import { get } from "./api.js";
import { el, clear, colour, route } from "./dom.js";
import { createMap, showEvents } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { incidentView, articleView } from "./views.js";

const MODALITIES = ["asserted", "reported", "hypothetical", "conditional", "negated", "future", "habitual"];
const form = document.getElementById("filters");
const banner = document.getElementById("banner");
const message = document.getElementById("message");
let mapView = null;
let generation = null;

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

async function refresh() {
  const f = filters();
  try {
    const [stats, events, incidents] = await Promise.all([
      get("/api/stats", f), get("/api/events", { ...f, located: true, limit: 1000 }),
      get("/api/incidents", { type: f.type, country: f.country, since: f.since, until: f.until, limit: 100 }),
    ]);
    generation = stats.store.generation;
    showStale(stats.store);
    say(null);
    if (!f.type) fillSelect("type", stats.by_type.map((r) => r.type).filter(Boolean), f.type);
    if (!f.country) fillSelect("country", stats.by_country.map((r) => r.country).filter(Boolean), f.country);
    document.getElementById("counts").textContent = `${stats.events} events in ${stats.totals.articles} articles`
      + ` · ${events.items.length} on the map`
      + (events.total > events.items.length ? ` (first ${events.items.length} of ${events.total})` : "");
    showEvents(mapView, events.items);
    drawTimeline(document.getElementById("timeline"), stats.by_week);
    showLegend(stats.by_type);
    showIncidents(incidents);
  } catch (err) {
    const busy = err.status === 503;
    say(busy ? `The store is being written (${err.message}); retrying…` : `Could not load data: ${err.message}`);
    if (busy) setTimeout(refresh, 3000);
  }
}

function showLegend(byType) {
  clear(document.getElementById("legend")).append(...byType.map((r) =>
    el("span", { className: "legend-item" }, el("span", { className: "swatch", dataset: { colour: colour(r.type) } }),
      `${r.type ?? "?"} ${r.n}`)));
  for (const s of document.querySelectorAll(".swatch")) s.style.background = s.dataset.colour;
}

function showIncidents(page) {
  const list = clear(document.getElementById("incidents"));
  if (!page.items.length) list.append(el("li", { className: "empty" }, "No incidents match."));
  for (const inc of page.items) {
    list.append(el("li", {}, el("a", { href: route("incident", inc.id), className: "incident-link" },
      `${inc.plover_type ?? "?"} — ${inc.place_name ?? "unknown place"}`),
      el("div", { className: "meta" }, `${inc.date_from ?? "?"} · ${inc.article_count ?? 0} reports · ${inc.outlet_count ?? 0} outlets`)));
  }
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
  form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  form.addEventListener("reset", () => setTimeout(refresh));
  window.addEventListener("hashchange", openRoute);
  mapView = await createMap(document.getElementById("map"));
  await refresh();
  await openRoute();
  document.body.dataset.ready = "true";
  setInterval(poll, 5000);
}

main();
