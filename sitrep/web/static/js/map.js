// The event map: vendored Natural Earth country outlines as a GeoJSON layer (no tiles), one marker per
// located event, clustered (Leaflet.markercluster) so that thousands stay readable and every one can be
// reached by zooming. Markers are focusable: Tab reaches them, Enter opens their popup.
import { el, colour, route, ASSERTED } from "./dom.js";

/* global L, topojson */

export async function createMap(node) {
  const map = L.map(node, { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 12 })
    .setView([30, 30], 2);
  const atlas = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
  L.geoJSON(splitAtAntimeridian(topojson.feature(atlas, atlas.objects.countries)), {
    style: { color: "#8a8f98", weight: 0.6, fillColor: "#eef0f2", fillOpacity: 1, className: "country" },
    interactive: false,
  }).addTo(map);
  const markers = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true })
    .addTo(map);
  return { map, markers };
}

/**
 * Rings that cross the antimeridian (Russia's east, Fiji, the Aleutians) jump from +180 to -180 between two
 * points; drawn as is, that edge runs across the whole map. Each such ring is made continuous (longitudes
 * past ±180) and drawn twice, once on each side, so both halves show and no edge crosses the map.
 * A ring around a pole (Antarctica) spans all longitudes and is left as it is.
 */
export function splitAtAntimeridian(collection) {
  const unwrap = (ring) => {
    const out = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0];
      const prev = out[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (prev - lon > 180) lon += 360;
      out.push([lon, ring[i][1]]);
    }
    return out;
  };
  const shift = (polygon, by) => polygon.map((ring) => ring.map(([lon, lat]) => [lon + by, lat]));
  const polygons = (geometry) => geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  const features = collection.features.map((feature) => {
    if (!feature.geometry) return feature;
    const out = [];
    for (const polygon of polygons(feature.geometry)) {
      const rings = polygon.map(unwrap);
      const lons = rings.flat().map(([lon]) => lon);
      const [west, east] = [Math.min(...lons), Math.max(...lons)];
      if (east - west >= 359 || (west >= -180 && east <= 180)) {
        out.push(east - west >= 359 ? polygon : rings);
        continue;
      }
      out.push(rings, shift(rings, east > 180 ? -360 : 360));
    }
    return { ...feature, geometry: { type: "MultiPolygon", coordinates: out } };
  });
  return { ...collection, features };
}

function popup(event) {
  return el("div", { className: "popup" },
    el("strong", {}, event.plover_type ?? "?"), " ", el("span", { className: `mod mod-${event.modality}` }, event.modality),
    el("div", {}, `“${event.trigger_text ?? ""}” — ${event.place_name ?? "?"}, ${event.date ?? "undated"}`),
    el("div", {}, el("a", { href: route("article", event.article_id) }, event.title || "article"),
      event.publisher ? ` (${event.publisher})` : ""));
}

function marker(event) {
  const firm = ASSERTED.has(event.modality);
  const icon = L.divIcon({ className: `event-marker mod-${firm ? "firm" : event.modality}`, iconSize: [14, 14] });
  const label = `${event.plover_type ?? "?"} (${event.modality}) ${event.place_name ?? ""} ${event.date ?? ""}`;
  const m = L.marker([event.lat, event.lon], { icon, keyboard: true, title: label, alt: label });
  m.on("add", () => {
    const node = m.getElement();
    node.style.borderColor = colour(event.plover_type);
    if (firm) node.style.background = colour(event.plover_type);
  });
  m.bindPopup(() => popup(event));
  return m;
}

export function showEvents({ map, markers }, events) {
  markers.clearLayers();
  markers.addLayers(events.filter((e) => e.lat !== null && e.lon !== null).map(marker));
  if (markers.getLayers().length) map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 6 });
}
