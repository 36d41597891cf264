// The event map: vendored Natural Earth country outlines as a GeoJSON layer (no tiles), one circle per
// event with coordinates. Events whose modality is not asserted/reported are hollow and dashed.
import { el, colour, route, ASSERTED } from "./dom.js";

/* global L, topojson */

export async function createMap(node) {
  const map = L.map(node, { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 10 })
    .setView([30, 30], 2);
  const atlas = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
  L.geoJSON(topojson.feature(atlas, atlas.objects.countries), {
    style: { color: "#8a8f98", weight: 0.6, fillColor: "#eef0f2", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  const markers = L.featureGroup().addTo(map);
  return { map, markers };
}

function popup(event) {
  return el("div", { className: "popup" },
    el("strong", {}, event.plover_type ?? "?"), " ", el("span", { className: `mod mod-${event.modality}` }, event.modality),
    el("div", {}, `“${event.trigger_text ?? ""}” — ${event.place_name ?? "?"}, ${event.date ?? "undated"}`),
    el("div", {}, el("a", { href: route("article", event.article_id) }, event.title || "article"),
      event.publisher ? ` (${event.publisher})` : ""));
}

export function showEvents({ map, markers }, events) {
  markers.clearLayers();
  for (const event of events) {
    if (event.lat === null || event.lon === null) continue;
    const firm = ASSERTED.has(event.modality);
    const marker = L.circleMarker([event.lat, event.lon], {
      radius: 6, color: colour(event.plover_type), weight: 2, fillOpacity: firm ? 0.6 : 0.05,
      dashArray: firm ? null : "3 3", className: `event-marker mod-${event.modality}`,
    });
    marker.bindPopup(() => popup(event));
    markers.addLayer(marker);
  }
  if (markers.getLayers().length) map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 6 });
}
