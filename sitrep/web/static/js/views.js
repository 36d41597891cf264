// The incident view (its reports) and the article view (the text with every fact beside the record).
import { get } from "./api.js";
import { el, append, clear, route, isHttpUrl, ASSERTED } from "./dom.js";
import { facts, highlighted, legend, ref } from "./highlight.js";

/** The incident list: the rank is text in its own column, so numbers of any width stay visible. */
export function showIncidents(list, page) {
  clear(list);
  if (!page.items.length) list.append(el("li", { className: "empty" }, "No incidents match."));
  page.items.forEach((inc, i) => {
    list.append(el("li", {}, el("span", { className: "rank" }, `${page.offset + i + 1}.`),
      el("div", {}, el("a", { href: route("incident", inc.id), className: "incident-link" },
        `${inc.plover_type ?? "?"} — ${inc.place_name ?? "unknown place"}`),
      el("div", { className: "meta" },
        `${inc.date_from ?? "?"} · ${inc.article_count ?? 0} reports · ${inc.outlet_count ?? 0} outlets`))));
  });
}

function table(rows, columns, refOf = () => null) {
  return el("table", { className: "records" },
    el("thead", {}, el("tr", {}, columns.map(([, label]) => el("th", {}, label)))),
    el("tbody", {}, rows.map((r) => el("tr", { dataset: refOf(r) ? { ref: refOf(r) } : null }, columns.map(([key]) =>
      el("td", {}, typeof key === "function" ? key(r) : (r[key] ?? "")))))));
}

const articleLink = (a) => el("a", { href: route("article", a.article_id ?? a.id), className: "article-link" }, a.title || a.id);

/** What an event agrees on with the report it was joined to (linking's stored reason). */
function whyJoined(e) {
  const why = e.why;
  if (!why) return e.incident_role === "member" ? "first report" : "";
  return [`type ${why.type}`, why.actors?.length ? `actors ${why.actors.join(", ")}` : null, `place ${why.place}`,
    `dates ${why.dates}`, why.same_story ? "same story" : null].filter(Boolean).join(" · ");
}

export async function incidentView(node, id) {
  const inc = await get(`/api/incidents/${encodeURIComponent(id)}`);
  node.replaceChildren(
    el("h2", {}, `Incident: ${inc.plover_type ?? "?"} — ${inc.place_name ?? "unknown place"}`),
    el("p", { className: "meta" }, `${inc.date_from ?? "?"} to ${inc.date_to ?? "?"} · ${inc.events.length} reports in `
      + `${inc.articles.length} articles from ${inc.outlet_count ?? 0} outlets`),
    el("h3", {}, "Reports"),
    el("ol", { className: "reports" }, inc.articles.map((a) => el("li", {}, articleLink(a),
      ` — ${a.publisher ?? a.original_outlet ?? "unknown outlet"}, ${a.published_at ?? "undated"}`))),
    el("h3", {}, "Events"),
    table(inc.events, [["plover_type", "type"], ["modality", "modality"], ["incident_role", "role"],
      ["trigger_text", "trigger"], ["date", "date"], ["publisher", "outlet"], [articleLink, "article"],
      [whyJoined, "why joined"]]),
  );
}

function credit(article) {
  if (!isHttpUrl(article.url)) return null;
  const host = new URL(article.url).hostname;
  const source = el("a", { href: article.url, rel: "noopener noreferrer", target: "_blank" }, host);
  if (!host.endsWith("wikinews.org")) return el("p", { className: "credit" }, "Source: ", source);
  return el("p", { className: "credit" }, "From ", el("a", { href: article.url, rel: "noopener noreferrer" }, "Wikinews"),
    ", licensed ", el("a", { href: "https://creativecommons.org/licenses/by/2.5/", rel: "noopener noreferrer" }, "CC BY 2.5"), ".");
}

function record(article) {
  const mod = (e) => el("span", { className: `mod mod-${ASSERTED.has(e.modality) ? "firm" : e.modality}` }, e.modality);
  const actors = article.mentions.filter((m) => m.kind !== "place");
  const places = article.mentions.filter((m) => m.kind === "place");
  return el("div", { className: "record" },
    el("h3", {}, `Events (${article.events.length})`),
    table(article.events, [["plover_type", "type"], ["plover_mode", "mode"], [mod, "modality"],
      ["salience", "salience"], ["trigger_text", "trigger"], ["source_text", "source"], ["target_text", "target"], ["place_name", "place"],
      ["date", "date"], [(e) => ["killed", "injured", "arrested", "quantity"].filter((k) => e[k] !== null)
        .map((k) => `${k} ${e[k]}`).join(", "), "counts"]], ref.event),
    el("h3", {}, `Quotes (${article.quotes.length})`),
    table(article.quotes, [["text", "quote"], ["speaker_description", "speaker"], ["cue", "cue"], ["via_outlet", "via"]], ref.quote),
    el("h3", {}, `Actors (${actors.length})`),
    table(actors, [["text", "words"], ["actor_name", "actor"], ["actor_code", "code"]], ref.mention),
    el("h3", {}, `Places (${places.length})`),
    table(places, [["text", "words"], ["place_name", "place"], ["place_country", "country"]], ref.mention),
    el("h3", {}, `Times (${article.times.length})`),
    table(article.times, [["text", "words"], ["value", "value"], ["precision", "precision"]], ref.time),
  );
}

export async function articleView(node, id) {
  const article = await get(`/api/articles/${encodeURIComponent(id)}`);
  append(clear(node), [
    el("h2", { className: "article-title" }, article.title || "(no title)"),
    el("p", { className: "meta" }, `${article.publisher ?? "unknown outlet"}`,
      article.original_outlet ? ` (originally ${article.original_outlet})` : "",
      ` · published ${article.published_at ?? "?"} · id ${article.id}`),
    credit(article),
    legend(),
    el("div", { className: "article", on: { click: showRecord } }, highlighted(article.text ?? "", facts(article)),
      record(article)),
  ]);
}

/** A click on highlighted words brings the narrowest fact's row into view and marks it. */
function showRecord(event) {
  const mark = event.target.closest?.(".hl[data-refs]");
  if (!mark) return;
  for (const key of mark.dataset.refs.split(" ")) {
    const row = [...document.querySelectorAll("#detail tr[data-ref]")].find((tr) => tr.dataset.ref === key);
    if (!row) continue;
    for (const old of document.querySelectorAll("#detail tr.picked")) old.classList.remove("picked");
    row.classList.add("picked");
    row.scrollIntoView({ block: "nearest" });
    return;
  }
}
