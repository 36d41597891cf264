// The article's text cut at every fact boundary; each piece is a text node inside a span whose classes
// name every fact covering it. Overlaps (a place inside a quote inside an event's evidence) all show.
import { el, ASSERTED } from "./dom.js";

/** The key that ties a highlight to its row in the record tables. */
export const ref = {
  quote: (q) => `quote:${q.id}`,
  time: (t) => `time:${t.start}:${t.end}`,
  mention: (m) => `mention:${m.kind}:${m.start}:${m.end}`,
  event: (e) => `event:${e.id}`,
};

/** Every fact of an article record as {start, end, classes, label, ref}. */
export function facts(article) {
  const out = [];
  const add = (start, end, classes, label, ref) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) out.push({ start, end, classes, label, ref });
  };
  for (const q of article.quotes) add(q.start, q.end, ["hl-quote"], `quote (${q.kind})${q.speaker_description ? " — " + q.speaker_description : ""}`, ref.quote(q));
  for (const t of article.times) add(t.start, t.end, ["hl-time"], `time ${t.value ?? "?"} (${t.precision})`, ref.time(t));
  for (const m of article.mentions) {
    if (m.kind === "place") add(m.start, m.end, ["hl-place"], `place ${m.place_name ?? "unresolved"}${m.place_country ? ", " + m.place_country : ""}`, ref.mention(m));
    else add(m.start, m.end, ["hl-actor"], `actor ${m.actor_name ?? m.actor_id ?? "?"}${m.actor_code ? " [" + m.actor_code + "]" : ""}`, ref.mention(m));
  }
  for (const e of article.events) {
    const mod = ASSERTED.has(e.modality) ? "mod-firm" : `mod-${e.modality}`;
    add(e.trigger_start, e.trigger_end, ["hl-event", mod], `event ${e.plover_type} (${e.modality})`, ref.event(e));
    for (const ev of e.evidence ?? []) {
      if (ev.role === "trigger") continue;
      add(ev.start, ev.end, ["hl-evidence", mod], `${e.plover_type} ${ev.role}`, ref.event(e));
    }
  }
  return out;
}

export function highlighted(text, list) {
  const cuts = new Set([0, text.length]);
  for (const f of list) {
    cuts.add(Math.min(Math.max(f.start, 0), text.length));
    cuts.add(Math.min(Math.max(f.end, 0), text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const root = el("div", { className: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = list.filter((f) => f.start <= a && f.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    if (!covering.length) {
      root.append(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(["hl"]);
    for (const f of covering) for (const c of f.classes) classes.add(c);
    root.append(el("span", { className: [...classes].join(" "), title: covering.map((f) => f.label).join("\n"),
      dataset: { refs: covering.map((f) => f.ref).join(" ") } }, piece));
  }
  return root;
}

export function legend() {
  const item = (cls, label) => el("span", { className: `hl ${cls}` }, label);
  return el("div", { className: "legend hl-legend" }, item("hl-event mod-firm", "event"),
    item("hl-event mod-hypothetical", "event not asserted: hypothetical, conditional, negated, future, habitual"),
    item("hl-evidence mod-firm", "event evidence"), item("hl-actor", "actor"), item("hl-place", "place"),
    item("hl-time", "time"), item("hl-quote", "quote"));
}
