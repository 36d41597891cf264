// Building DOM from untrusted strings: text goes in as text nodes, never as markup.

/** el("a", {className: "x", href: "#/"}, "text", child) — properties only; children are nodes or text. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "href") node.href = safeHref(value);
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only in-page routes and http(s) links: a stored "javascript:" url must never become a link. */
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith("#/")) return s;
  try {
    const url = new URL(s);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#/";
  } catch {
    return "#/";
  }
}

export function isHttpUrl(value) {
  return typeof value === "string" && safeHref(value) !== "#/";
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A stable colour per event type, so map and timeline agree. */
const PALETTE = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
export function colour(type) {
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export const ASSERTED = new Set(["asserted", "reported"]);

export function route(kind, id) {
  return `#/${kind}/${encodeURIComponent(id)}`;
}
