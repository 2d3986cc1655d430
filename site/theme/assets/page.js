"use strict";
// Playbook page: what every page script of the theme shares. A classic script (pages work
// from file://), loaded with defer before the other scripts of a page, which find it as
// Playbook.page:
//   format(template, ...args)  fills %s placeholders (pure)
//   strings()                  the interface strings of the page (#pb-strings)
//   translator(prefix)         t(key, ...args): the string prefix + key, formatted
//   data()                     the data of the page's material (#pb-data), or null
//   json(id, fallback)         the JSON of another <script type="application/json" id=...>
//   el(tag, props, ...kids)    an element with properties and children
//   number(x, options)         x formatted for the page language (Intl.NumberFormat options)
//   date(when, options)        a date formatted for the page language
//   lang, site                 the page language and the key of the site's stored data
//   store(key, { empty, read }) a localStorage wrapper that survives private mode
//   emit(type, detail)         report an event to the LMS wrapper showing the page, if any
//   keepPlace()                the language switcher's links keep the query and the anchor
// See docs/scripts.md.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  if (Playbook.page) return;
  document.documentElement.classList.add("js");

  // format fills the %s placeholders of a string in order; %% is a percent sign.
  const format = (template, ...args) => {
    let i = 0;
    return String(template).replace(/%[s%]/g, (m) => (m === "%%" ? "%" : String(args[i++] ?? "")));
  };

  // json reads the JSON of a <script type="application/json"> element; fallback when the
  // element is missing or unreadable.
  const json = (id, fallback) => {
    const e = document.getElementById(id);
    if (!e) return fallback;
    try { return JSON.parse(e.textContent || ""); } catch { return fallback; }
  };
  let stringTable = null;
  const strings = () => (stringTable ||= json("pb-strings", {}) || {});
  const translator = (prefix = "") => (key, ...args) => format(strings()[prefix + key] ?? key, ...args);
  let pageData;
  const data = () => (pageData === undefined ? (pageData = json("pb-data", null)) : pageData);

  const lang = document.documentElement.lang || undefined;
  const site = document.body?.dataset.site || "playbook";

  // el makes an element with properties (role and aria-* become attributes) and children
  // (strings become text).
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "role" || k.startsWith("aria-")) e.setAttribute(k, v);
      else e[k] = v;
    }
    e.append(...children);
    return e;
  };

  // number and date keep one formatter per set of options.
  const formatters = new Map();
  const formatter = (kind, options) => {
    const k = kind + JSON.stringify(options);
    if (!formatters.has(k)) formatters.set(k, kind === "n" ? new Intl.NumberFormat(lang, options) : new Intl.DateTimeFormat(lang, options));
    return formatters.get(k);
  };
  const number = (x, options = { maximumFractionDigits: 2 }) => formatter("n", options).format(x);
  const date = (when, options = { dateStyle: "medium" }) => formatter("d", options).format(when instanceof Date ? when : new Date(when));

  // store keeps one value in localStorage under key. empty() makes a new value; read(raw)
  // returns the value of the stored text (null when absent), or null when it cannot read it.
  // Every method survives a browser that forbids storage (private mode) and a stored value
  // it cannot read, which load sets aside unchanged, so nothing is lost.
  const store = (key, { empty, read }) => ({
    key,
    available: true,
    // load returns { store, notice }: notice is "", "storage_unavailable" or "storage_corrupt".
    load() {
      let raw;
      try {
        raw = localStorage.getItem(key);
        localStorage.setItem(key + ":probe", "1");
        localStorage.removeItem(key + ":probe");
      } catch {
        this.available = false;
        return { store: empty(), notice: "storage_unavailable" };
      }
      this.available = true;
      const value = read(raw);
      if (value) return { store: value, notice: "" };
      try { // set the unreadable value aside and start afresh
        localStorage.setItem(`${key}:set-aside:${new Date().toISOString()}`, raw);
        localStorage.removeItem(key);
      } catch { /* the notice still says so */ }
      return { store: empty(), notice: "storage_corrupt" };
    },
    // save returns false when the browser refuses the value (storage full or forbidden).
    save(value) {
      try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch { return false; }
    },
    clear() {
      try { localStorage.removeItem(key); return true; } catch { return false; }
    },
  });

  // emit reports an event of the page ("quiz": an attempt submitted, "scenario": a run
  // finished) to the wrapper of an LMS package that shows the page in a frame (docs/lms.md).
  // The wrapper marks its document with data-playbook-lms; a parent of another origin (or a
  // page opened from file://) cannot be read, so outside a wrapper nothing is sent and the
  // page behaves as on the static site. It returns whether the event was sent.
  const emit = (type, detail) => {
    try {
      if (window.parent === window || !window.parent.document.documentElement.dataset.playbookLms) return false;
      window.parent.postMessage({ playbook: "lms-event", type, detail: JSON.parse(JSON.stringify(detail)) }, "/");
      return true;
    } catch {
      return false;
    }
  };

  // keepPlace makes the language switcher's links keep the page's query (?q= on the results
  // page) and anchor: the other language has the same sections under the same anchors.
  const keepPlace = () => {
    for (const a of document.querySelectorAll(".lang-switch a[href]")) {
      const u = new URL(a.getAttribute("data-href") || a.getAttribute("href"), location.href);
      if (!a.hasAttribute("data-href")) a.setAttribute("data-href", a.getAttribute("href"));
      if (location.search) u.search = location.search;
      u.hash = location.hash;
      a.href = u.href;
    }
  };
  const startKeeping = () => {
    keepPlace();
    addEventListener("hashchange", keepPlace);
    // The results page changes the query with history.replaceState, which fires no event.
    document.addEventListener("pointerdown", (e) => { if (e.target.closest?.(".lang-switch")) keepPlace(); });
    document.addEventListener("focusin", (e) => { if (e.target.closest?.(".lang-switch")) keepPlace(); });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startKeeping);
  else startKeeping();

  Playbook.page = { format, strings, translator, data, json, el, number, date, lang, site, store, emit, keepPlace };
})();
