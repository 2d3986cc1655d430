"use strict";
// Playbook search: the page code of search-core.js. A classic script (pages work from file://
// and from any sub-path), loaded with defer after search-core.js on every page. It loads the
// index of the page's language on demand, one file at a time, with script tags (each file
// calls Playbook.searchLoad), searches as you type in the header's combobox, and fills the
// results page (search.html?q=...) with filters by type and day. See docs/search.md.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const core = Playbook.searchCore, page = Playbook.page;
  const t = page.translator("sr_"), el = page.el;
  const num = (x) => page.number(x, {});

  // POPUP_RESULTS is how many results the header box lists; PAGE_BATCH how many more the
  // results page shows at a time; DEBOUNCE the pause after a keystroke that follows another
  // within it (a keystroke after a pause searches at once); ALL_SHARDS the most term shards
  // loaded whole to complete the word being typed when the index has no vocabulary.
  const POPUP_RESULTS = 8;
  const PAGE_BATCH = 200;
  const DEBOUNCE = 80;
  const ALL_SHARDS = 4;
  // COMPLETIONS is how many words the word being typed completes to, the most frequent first;
  // each may need a term shard of its own.
  const COMPLETIONS = 4;
  // SYNONYM_WEIGHT scales the scores of the results found through a synonym of the query:
  // the glossary says they mean the same, so they count the same.
  const SYNONYM_WEIGHT = 1;
  const runesOf = (x) => Array.from(x).length;
  const TYPES = ["lesson", "day", "page", "quiz", "checklist", "worksheet", "scenario"];

  // ---- Loading the index ------------------------------------------------------------------

  // Every index file is a classic script that calls Playbook.searchLoad(data); the data goes
  // to the request of the script element that is running (document.currentScript).
  const waiting = new Map();
  Playbook.searchLoad = (data) => {
    const done = waiting.get(document.currentScript);
    if (done) done(data);
  };
  // files holds one promise per file URL, so concurrent requests share one load and a file
  // loads once per page. A file that fails (missing, blocked) resolves to null, once.
  const files = new Map();
  // loads records [url, started, loaded] of every index file, for Playbook.search.loads.
  const loads = [];
  const loadFile = (url) => {
    let p = files.get(url);
    if (!p) {
      p = new Promise((resolve) => {
        const s = document.createElement("script");
        let data = null;
        const entry = [url, performance.now(), 0];
        loads.push(entry);
        waiting.set(s, (d) => { data = d; });
        const finish = () => {
          entry[2] = performance.now();
          waiting.delete(s);
          s.remove();
          resolve(data);
        };
        s.addEventListener("load", finish);
        s.addEventListener("error", finish);
        s.src = url;
        document.head.append(s);
      });
      files.set(url, p);
    }
    return p;
  };

  // Store reads one language's index at base (the absolute URL of its folder).
  class Store {
    constructor(base) {
      this.base = base;
      // Result URLs are relative to the site root, two folders above search/<lang>/.
      this.root = new URL("../../", base).href;
      this.decoded = new Map();
      this.sorted = new Map();
    }

    file(name) {
      return loadFile(new URL(name, this.base).href);
    }

    // meta resolves to the index description, or null when it is missing or of another version.
    meta() {
      this.metaP ||= this.file("meta.js").then((m) =>
        m && m.kind === "meta" && m.version === core.VERSION && m.shards > 0 && m.docChunk > 0 ? m : null);
      return this.metaP;
    }

    async shard(meta, k) {
      const d = await this.file(`t-${k}.js`);
      return d && d.kind === "terms" && d.terms ? d : null;
    }

    // postings resolves to { postings, missing }: postings null when the term is in no
    // document; missing when its shard could not be loaded.
    async postings(meta, term) {
      const d = await this.shard(meta, core.shardOf(term, meta.shards));
      if (!d) return { postings: null, missing: true };
      if (!this.decoded.has(term)) {
        this.decoded.set(term, Object.hasOwn(d.terms, term) ? core.decodePostings(d.terms[term]) : null);
      }
      return { postings: this.decoded.get(term), missing: false };
    }

    // completions resolves to the most frequent terms that start with one of prefixes, and
    // whether a file was missing. Terms come from the vocabulary files when the index has
    // them (meta.vocab, see docs/search.md), else from every term shard when there are few.
    async completions(meta, prefixes, exact) {
      const key = Array.from(prefixes[0]).slice(0, 2).join("");
      const { terms, df, missing } = await this.lexicon(meta, [key]);
      return { terms: core.expand(prefixes, terms, (x) => df.get(x) || 0, exact, COMPLETIONS), missing };
    }

    // vocabulary resolves to { terms (sorted), df, missing } of one vocabulary file, or of
    // every term shard ("all"), read once.
    async vocabulary(meta, name) {
      if (!this.sorted.has(name)) {
        this.sorted.set(name, (async () => {
          const terms = [], df = new Map();
          let missing = false;
          if (name === "all") {
            const shards = await Promise.all(Array.from({ length: meta.shards }, (_, k) => this.shard(meta, k)));
            for (const d of shards) {
              if (!d) { missing = true; continue; }
              for (const [term, flat] of Object.entries(d.terms)) { terms.push(term); df.set(term, flat[0]); }
            }
          } else {
            const v = await this.file(name);
            if (!v || v.kind !== "vocab" || !Array.isArray(v.terms)) missing = true;
            else for (let i = 0; i + 1 < v.terms.length; i += 2) { terms.push(v.terms[i]); df.set(v.terms[i], v.terms[i + 1]); }
          }
          terms.sort();
          return { terms, df, missing };
        })());
      }
      return this.sorted.get(name);
    }

    // facets resolves to the type and day of every document, { type, day } indexed by
    // document number (type as a name), or null when the index has none or the file is
    // missing: the results page then filters the results it has loaded.
    facets(meta) {
      this.facetsP ||= (meta.facets ? this.file("f.js") : Promise.resolve(null)).then((f) => {
        if (!f || f.kind !== "facets" || !Array.isArray(f.runs)) return null;
        const type = new Array(meta.docs).fill(""), day = new Array(meta.docs).fill(0);
        for (let i = 0; i + 2 < f.runs.length; i += 3) {
          const end = i + 3 < f.runs.length ? f.runs[i + 3] : meta.docs;
          for (let d = f.runs[i]; d < end && d < meta.docs; d++) {
            type[d] = meta.types?.[f.runs[i + 1]] ?? "";
            day[d] = f.runs[i + 2];
          }
        }
        return { type, day };
      });
      return this.facetsP;
    }

    // row resolves to the document doc as { url, href, title, heading, type, day, text }, or
    // null when its file could not be loaded.
    async row(meta, doc) {
      const c = Math.floor(doc / meta.docChunk);
      const d = await this.file(`d-${c}.js`);
      const r = d && d.kind === "docs" && Array.isArray(d.docs) ? d.docs[doc - c * meta.docChunk] : null;
      if (!r) return null;
      const [url, title, heading, type, day, text] = r;
      return { doc, url, href: new URL(url, this.root).href, title, heading, type, day, text };
    }

    // search resolves to the ranked results of query:
    //   { status: "ok" | "empty" | "unavailable", mode, results: [{ doc, score }],
    //     missing, match } (match tests scanned tokens, for marking).
    // search resolves to the ranked results of query:
    //   { status: "ok" | "empty" | "unavailable", mode, results: [{ doc, score }], missing,
    //     corrected, match } (match tests scanned tokens, for marking). The query's synonyms
    // (meta.synonyms, from the course's "also called" lists) find their pages too; a word
    // that is in no document and completes to none is corrected to the nearest word of the
    // index, and corrected says the query searched instead.
    async search(query) {
      const meta = await this.meta();
      if (!meta) return { status: "unavailable", results: [] };
      this.fold ||= core.foldMap(meta.fold);
      let r = await this.searchOne(meta, query);
      if (r.status !== "ok") return r;
      if (r.mode !== "and") {
        const fixed = await this.correct(meta, query, r.pq, r.groups);
        if (fixed) {
          const c = await this.searchOne(meta, fixed);
          if (c.mode === "and") r = { ...c, corrected: fixed, missing: r.missing || c.missing };
        }
      }
      const alts = [];
      for (const alt of core.synonymQueries(r.corrected || query, meta.synonyms, this.fold)) {
        const a = await this.searchOne(meta, alt);
        if (a.mode === "and") alts.push(a);
      }
      const done = (x) => ({ status: "ok", mode: x.mode, results: x.results, missing: r.missing, corrected: r.corrected || "",
        meta, match: core.matcher(x.words, [], this.fold) });
      if (alts.length === 0) return done(r);
      // The results of the query and of its synonyms, each document at its best score, the
      // scores of each query relative to its best: a synonym of one word ("prospect" for
      // "potential customer") sums fewer terms, and would otherwise always rank below.
      const found = r.mode === "and" ? [r, ...alts] : alts;
      const by = new Map(), words = new Set();
      for (const a of found) {
        a.words.forEach((w) => words.add(w));
        const k = (a === r ? 1 : SYNONYM_WEIGHT) / (a.results[0]?.score || 1);
        for (const x of a.results) by.set(x.doc, Math.max(by.get(x.doc) || 0, x.score * k));
      }
      const results = Array.from(by, ([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
      return done({ mode: "and", results, words: Array.from(words) });
    }

    // searchOne ranks the documents of one query, with the completions of its last word.
    async searchOne(meta, query) {
      const pq = core.parseQuery(query, this.fold);
      if (pq.terms.length === 0) return { status: "empty", results: [], meta };
      let missing = false;
      const get = async (term) => {
        const r = await this.postings(meta, term);
        missing ||= r.missing;
        return r.postings;
      };
      const completing = pq.prefix ? this.completions(meta, [pq.prefix, pq.prefixTerm], pq.prefixTerm) : null;
      const groups = await Promise.all(pq.terms.map(async (x) => ({
        term: x.term, qpos: x.qpos, optional: x.optional, terms: [{ term: x.term, weight: 1, postings: await get(x.term) }],
      })));
      // Stop words are not marked (unless the query is nothing else).
      const words = pq.terms.filter((x) => !x.optional).map((x) => x.term);
      if (completing) {
        const c = await completing;
        missing ||= c.missing;
        const g = groups.find((x) => x.term === pq.prefixTerm);
        const more = await Promise.all(c.terms.map(async (term) => ({ term, weight: core.PREFIX_WEIGHT, postings: await get(term) })));
        // The completions share one idf, of all their documents, and weigh by how common each
        // is: "cust" finds customer (442 documents) before custom (1).
        const dfs = more.map((x) => x.postings?.df || 0);
        const top = Math.max(1, ...dfs);
        const shared = core.idf(meta.docs, dfs.reduce((a, b) => a + b, 0));
        more.forEach((x, i) => { x.weight = core.PREFIX_WEIGHT * (0.5 + 0.5 * dfs[i] / top); x.idf = shared; });
        g.terms.push(...more);
        if (!g.optional) words.push(...c.terms);
      }
      const r = core.rank(meta.docs, groups, meta.fieldGap || 1000);
      return { status: "ok", ...r, missing, meta, pq, groups, words };
    }

    // correct returns query with each Latin word of four letters or more that no document has
    // (nor completes to any) replaced by the nearest term of the index (core.nearest), or ""
    // when there is none to correct.
    async correct(meta, query, pq, groups) {
      let out = query, changed = false;
      for (const x of pq.terms) {
        const g = groups.find((y) => y.term === x.term);
        if (x.cjk || runesOf(x.term) < 4 || g.terms.some((t) => t.postings)) continue;
        const lex = await this.lexicon(meta, core.typoKeys(x.term));
        const fix = core.nearest(x.term, lex.terms, (w) => lex.df.get(w) || 0);
        if (!fix) continue;
        out = out.replace(/[\p{L}\p{Nd}\p{Mn}'’]+/gu, (w) => (core.stem(w.toLowerCase().replace(/’/g, "'")) === x.term ? fix : w));
        changed = true;
      }
      return changed && out !== query ? out : "";
    }

    // lexicon resolves to { terms (sorted), df } of the vocabulary files of the keys (the
    // first two characters of terms), or of every term shard of a small index.
    async lexicon(meta, keys) {
      const names = meta.vocab > 0 ? Array.from(new Set(keys.map((k) => `v-${core.shardOf(k, meta.vocab)}.js`)))
        : meta.shards <= ALL_SHARDS ? ["all"] : [];
      const lists = await Promise.all(names.map((name) => this.vocabulary(meta, name)));
      const terms = [], df = new Map();
      for (const l of lists) {
        for (const w of l.terms) { terms.push(w); df.set(w, l.df.get(w)); }
      }
      return { terms, df, missing: lists.some((l) => l.missing) };
    }

    // pageOf returns the first document of the page that document doc belongs to (meta.pages
    // marks the documents that start a page; without it every document is a page).
    pageOf(meta, doc) {
      if (!meta.pages) return doc;
      if (!this.starts) {
        const raw = atob(meta.pages), start = new Int32Array(meta.docs);
        let cur = 0;
        for (let d = 0; d < meta.docs; d++) {
          if ((raw.charCodeAt(d >> 3) >> (d & 7)) & 1) cur = d;
          start[d] = cur;
        }
        this.starts = start;
      }
      return this.starts[doc] ?? doc;
    }

    // byPage groups ranked results by page, in rank order: each group is the page's best
    // result { doc, score } with more, the page's other results, best first. So the best
    // results are never one page twice.
    // limit, when given, stops at that many pages (their other results still counted).
    byPage(meta, results, limit = Infinity) {
      const groups = [], at = new Map();
      for (const x of results) {
        const p = this.pageOf(meta, x.doc);
        const g = at.get(p);
        if (g) g.more.push(x);
        else if (groups.length < limit) {
          const ng = { doc: x.doc, score: x.score, more: [] };
          at.set(p, ng);
          groups.push(ng);
        }
      }
      return groups;
    }

    rows(meta, results) {
      return Promise.all(results.map((r) => this.row(meta, r.doc)));
    }
  }

  const stores = new Map();
  const storeAt = (href) => {
    const base = new URL(href, document.baseURI).href;
    if (!stores.has(base)) stores.set(base, new Store(base));
    return stores.get(base);
  };

  // ---- Rendering ----------------------------------------------------------------------------

  // marked appends pieces [text, marked] to parent, marked ones in <mark>: text nodes only,
  // never markup from the index.
  const marked = (parent, pieces) => {
    for (const [text, m] of pieces) parent.append(m ? el("mark", {}, text) : document.createTextNode(text));
    return parent;
  };

  const typeLabel = (type) => (TYPES.includes(type) ? t("type_" + type) : type);

  // resultBody fills parent with a result's title (and section heading), its type and day,
  // and a snippet of its text, the matched words marked.
  const resultBody = (parent, row, match, width) => {
    const title = marked(el("span", { className: "search-result-title" }), core.highlight(row.title, match));
    if (row.heading) {
      title.append(el("span", { className: "search-result-sep", "aria-hidden": "true" }, " › "));
      marked(title.appendChild(el("span", { className: "search-result-heading" })), core.highlight(row.heading, match));
    }
    const meta = el("span", { className: "search-result-meta" }, el("span", { className: "search-result-type" }, typeLabel(row.type)));
    if (row.day > 0) meta.append(" · ", el("span", { className: "search-result-day" }, t("day", num(row.day))));
    const parts = [title, meta];
    if (row.text) parts.push(marked(el("span", { className: "search-result-snippet" }), core.snippet(row.text, match, width)));
    parent.append(...parts);
    return parent;
  };

  // moreText says how many more results the page of a result has.
  const moreText = (row) => t(row.type === "lesson" ? "more_lesson" : "more_page", num(row.more));

  const countText = (r, forQuery) => {
    const n = r.results.length;
    if (n === 0) return forQuery === undefined ? t("none") : t("none_for", forQuery);
    const key = n === 1 ? "one" : "results";
    if (forQuery === undefined) return t(key, num(n));
    // js_sr_one_for has the query only: "1 result for “%s”".
    return key === "one" ? t("one_for", forQuery) : t(key + "_for", num(n), forQuery);
  };

  const timings = [];
  const record = (x) => {
    timings.push(x);
    if (timings.length > 100) timings.shift();
  };

  // ---- The header box: a combobox with a listbox popup -------------------------------------

  const resultsURL = (form, q) => {
    const u = new URL(form.dataset.results || "search.html", location.href);
    u.search = "";
    u.hash = "";
    u.searchParams.set("q", q);
    return u.href;
  };

  // idle runs fn once the page has loaded and the browser has a moment to spare.
  const idle = (fn) => {
    const later = () => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 50));
    if (document.readyState === "complete") later();
    else addEventListener("load", later, { once: true });
  };

  // schedule runs fn at once when the last call was more than DEBOUNCE ago, else DEBOUNCE
  // after the last call: the first keystroke searches at once, a burst once after it ends.
  const scheduler = (fn) => {
    let timer = 0, last = -Infinity;
    const run = (...args) => {
      const now = performance.now();
      clearTimeout(timer);
      if (now - last > DEBOUNCE) fn(...args);
      else timer = setTimeout(() => fn(...args), DEBOUNCE);
      last = now;
    };
    run.cancel = () => clearTimeout(timer);
    return run;
  };

  class Box {
    constructor(form) {
      this.form = form;
      this.input = form.querySelector("#pb-search") || form.querySelector("input");
      this.popup = form.querySelector(".search-popup");
      this.list = form.querySelector("[role=listbox]");
      this.status = form.querySelector(".search-status");
      this.store = storeAt(form.dataset.index || "");
      this.seq = 0;
      this.active = -1;
      this.shown = null; // the query the popup shows results of
      this.keyAt = 0;
      this.all = el("a", { className: "search-all", hidden: true });
      this.popup.append(this.all);
      this.schedule = scheduler((q, at) => this.update(q, at));
      this.input.addEventListener("keydown", (e) => this.onKey(e));
      this.input.addEventListener("input", (e) => {
        const at = this.keyAt && e.timeStamp - this.keyAt < 50 ? this.keyAt : e.timeStamp;
        this.schedule(this.input.value, at);
      });
      // The index description is tiny (a few hundred bytes): load it once the page is idle,
      // or when the box gets the focus if that comes first, so that the first key loads the
      // term file at once. When idle, also run the tokenizer, the ranking and the rendering
      // once on made-up data, so that the first search does not pay for compiling them (on
      // focus it would compete with a query typed at once).
      idle(() => {
        this.store.meta();
        const pq = core.parseQuery("warm 白金");
        const postings = core.decodePostings([2, 0, 1.5, 2, 0, 3, 1, 2.5, 1, 2005]);
        core.rank(2, pq.terms.map((x) => ({ qpos: x.qpos, terms: [{ term: x.term, weight: 1, postings }] })));
        const row = { href: "#", title: "Warm up", heading: "Å 白金", type: "lesson", day: 1, text: "Warm up the tokenizer: Ωmega 白金客户 カタ 한국." };
        resultBody(el("a"), row, core.matcher(["warm", "白金"]), 110);
      });
      this.input.addEventListener("focus", () => this.store.meta(), { once: true });
      this.input.addEventListener("focus", () => { if (this.input.value.trim() && this.shown === this.input.value) this.open(); });
      this.input.addEventListener("click", () => { if (this.input.value.trim() && this.shown === this.input.value) this.open(); });
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        this.go();
      });
      form.addEventListener("focusout", (e) => {
        if (!e.relatedTarget || !form.contains(e.relatedTarget)) this.close();
      });
      // A click on a result must not take the focus from the box before it lands.
      this.popup.addEventListener("mousedown", (e) => e.preventDefault());
      this.list.addEventListener("mousemove", (e) => {
        const li = e.target.closest?.("[role=option]");
        if (li) this.select(Number(li.dataset.index), false);
      });
    }

    options() {
      return Array.from(this.list.querySelectorAll("[role=option]"));
    }

    open() {
      this.popup.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    }

    close() {
      this.popup.hidden = true;
      this.input.setAttribute("aria-expanded", "false");
      this.select(-1);
    }

    isOpen() {
      return !this.popup.hidden;
    }

    select(i, scroll = true) {
      const opts = this.options();
      this.active = i >= 0 && i < opts.length ? i : -1;
      opts.forEach((o, k) => o.setAttribute("aria-selected", k === this.active ? "true" : "false"));
      if (this.active >= 0) {
        this.input.setAttribute("aria-activedescendant", opts[this.active].id);
        if (scroll) opts[this.active].scrollIntoView({ block: "nearest" });
      } else this.input.removeAttribute("aria-activedescendant");
    }

    // go opens the active result, or the results page for the query.
    go() {
      const opts = this.options();
      if (this.isOpen() && this.active >= 0 && opts[this.active]) {
        location.href = opts[this.active].querySelector("a").href;
        return;
      }
      const q = this.input.value.trim();
      if (q) location.href = resultsURL(this.form, q);
    }

    onKey(e) {
      this.keyAt = e.timeStamp;
      if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      const n = this.options().length;
      switch (e.key) {
        case "ArrowDown":
        case "ArrowUp": {
          e.preventDefault();
          if (!this.isOpen()) {
            if (this.input.value.trim()) {
              this.open();
              if (this.shown !== this.input.value) this.schedule(this.input.value, e.timeStamp);
            }
            if (!n) return;
          }
          if (!n) return;
          const down = e.key === "ArrowDown";
          const i = this.active < 0 ? (down ? 0 : n - 1) : (this.active + (down ? 1 : n - 1)) % n;
          this.select(i);
          break;
        }
        case "Home":
        case "End":
          if (this.isOpen() && this.active >= 0 && n) {
            e.preventDefault();
            this.select(e.key === "Home" ? 0 : n - 1);
          }
          break;
        case "Enter":
          e.preventDefault();
          this.go();
          break;
        case "Escape":
          if (this.isOpen()) {
            e.preventDefault();
            this.close();
          }
          break;
        case "Tab":
          this.close();
          break;
      }
    }

    // update searches for q and shows its best results in the popup. at is when the key that
    // changed the query was pressed (event time), for Playbook.search.timings.
    async update(q, at = performance.now()) {
      const seq = ++this.seq;
      if (!q.trim()) {
        this.shown = q;
        this.list.replaceChildren();
        this.status.textContent = "";
        this.close();
        return;
      }
      const slow = setTimeout(() => {
        if (seq === this.seq) {
          this.status.textContent = t("searching");
          this.open();
        }
      }, 150);
      const began = performance.now();
      const r = await this.store.search(q);
      const ranked = performance.now();
      let rows = [];
      const groups = r.status === "ok" ? this.store.byPage(r.meta, r.results, POPUP_RESULTS) : [];
      if (groups.length) rows = await this.store.rows(r.meta, groups);
      rows.forEach((row, i) => { if (row) row.more = groups[i].more.length; });
      clearTimeout(slow);
      if (seq !== this.seq) return;
      const fetched = performance.now();
      this.render(q, r, rows);
      const rendered = performance.now();
      record({ query: q, at, rendered, ms: rendered - at, results: r.results.length,
        wait: began - at, rank: ranked - began, rows: fetched - ranked, render: rendered - fetched });
    }

    render(q, r, rows) {
      this.shown = q;
      this.active = -1;
      this.input.removeAttribute("aria-activedescendant");
      const items = [];
      for (const row of rows) {
        if (!row) continue;
        const a = resultBody(el("a", { href: row.href, tabIndex: -1 }), row, r.match, 110);
        if (row.more) a.append(el("span", { className: "search-result-more" }, moreText(row)));
        const li = el("li", { id: `pb-search-opt-${items.length}`, className: "search-result", role: "option", "aria-selected": "false" }, a);
        li.dataset.index = String(items.length);
        items.push(li);
      }
      this.list.replaceChildren(...items);
      this.list.hidden = items.length === 0;
      const notes = [];
      if (r.status === "unavailable") notes.push(t("unavailable"));
      else {
        if (r.corrected) notes.push(t("corrected", r.corrected));
        notes.push(countText(r));
        if (r.mode === "or") notes.push(t("some_words"));
        if (r.missing) notes.push(t("incomplete"));
      }
      this.status.textContent = notes.join(" ");
      const more = r.results.length > 0;
      this.all.hidden = !more;
      if (more) {
        this.all.href = resultsURL(this.form, q.trim());
        this.all.textContent = t("all_results", q.trim());
      }
      if (document.activeElement === this.input) this.open();
    }
  }

  // ---- The results page ---------------------------------------------------------------------

  class ResultsPage {
    constructor(section, store) {
      this.section = section;
      this.store = store;
      this.form = section.querySelector(".search-page-form");
      this.input = section.querySelector("#pb-search-page");
      this.filters = section.querySelector(".search-filters");
      this.status = section.querySelector(".search-page-status");
      this.list = section.querySelector(".search-page-results");
      this.more = el("button", { type: "button", className: "search-more", hidden: true }, t("show_more"));
      this.list.after(this.more);
      this.seq = 0;
      this.type = "";
      this.day = "";
      this.schedule = scheduler((q) => this.run(q));
      this.form?.addEventListener("submit", (e) => {
        e.preventDefault();
        this.schedule.cancel();
        this.run(this.input.value);
      });
      this.input.addEventListener("input", () => this.schedule(this.input.value));
      this.more.addEventListener("click", () => this.showMore());
      this.filters.addEventListener("change", async (e) => {
        if (e.target.name === "pb-filter-type") this.type = e.target.value;
        if (e.target.name === "pb-filter-day") this.day = e.target.value;
        this.remember(this.q || "");
        if (this.facets && this.r) { // every match is known: load the first ones that pass
          const seq = this.seq;
          this.rows = [];
          await this.load(seq, PAGE_BATCH);
          if (seq !== this.seq) return;
        }
        this.draw();
      });
      const params = new URLSearchParams(location.search);
      const q = params.get("q") || "";
      this.type = params.get("type") || "";
      this.day = params.get("day") || "";
      this.input.value = q;
      this.run(q);
    }

    async run(q) {
      const seq = ++this.seq;
      const at = performance.now();
      this.remember(q);
      if (!q.trim()) {
        this.q = "";
        this.r = null;
        this.rows = [];
        this.status.textContent = t("enter_query");
        this.draw();
        return;
      }
      this.status.textContent = t("searching");
      const r = await this.store.search(q);
      const facets = r.status === "ok" ? await this.store.facets(r.meta) : null;
      if (seq !== this.seq) return;
      this.q = q.trim();
      this.r = r;
      this.facets = facets;
      this.rows = [];
      if (r.status === "ok") await this.load(seq, PAGE_BATCH);
      if (seq !== this.seq) return;
      this.draw();
      const rendered = performance.now();
      record({ query: q, at, rendered, ms: rendered - at, results: r.results.length, page: true });
    }

    // remember keeps the query and the filters in the address (?q=...&type=...&day=...), so
    // that the page can be bookmarked, reloaded or opened in the other language as it is.
    remember(q) {
      try {
        const u = new URL(location.href);
        for (const [k, v] of [["q", q.trim()], ["type", this.type], ["day", this.day]]) {
          if (v) u.searchParams.set(k, v);
          else u.searchParams.delete(k);
        }
        if (u.href !== location.href) history.replaceState(history.state, "", u.href);
        page.keepPlace?.();
      } catch { /* some browsers refuse history changes under file:// */ }
    }

    // matches lists the results to show: with facets, those that pass the filters; without,
    // all of them (the loaded rows are filtered when drawn).
    matches() {
      const f = this.facets;
      if (!f) return this.r.results;
      return this.r.results.filter((x) => (!this.type || f.type[x.doc] === this.type) && (!this.day || String(f.day[x.doc]) === this.day));
    }

    // pages groups the matches by page (Store.byPage), once per query and filter.
    pages() {
      const key = [this.seq, this.type, this.day].join(" ");
      if (this.pagesKey !== key) {
        this.pagesKey = key;
        this.pagesList = this.store.byPage(this.r.meta, this.matches());
      }
      return this.pagesList;
    }

    // load loads the rows of the best results of the next n pages.
    async load(seq, n) {
      const next = this.pages().slice(this.rows.length, this.rows.length + n);
      const rows = await this.store.rows(this.r.meta, next);
      rows.forEach((row, i) => { if (row) { row.more = next[i].more.length; row.others = next[i].more; } });
      if (seq === this.seq) this.rows.push(...rows);
    }

    // expand lists, under a page's best result, the page's other results.
    async expand(li, row, button) {
      button.disabled = true;
      const rows = await this.store.rows(this.r.meta, row.others);
      const sub = el("ul", { className: "search-page-sub" }, ...rows.filter(Boolean).map((x) =>
        el("li", { className: "search-result search-result-sub" },
          resultBody(el("a", { href: x.href, className: "search-result-link" }), x, this.r.match, 240))));
      button.replaceWith(sub);
    }

    async showMore() {
      const seq = this.seq;
      this.more.disabled = true;
      await this.load(seq, PAGE_BATCH);
      this.more.disabled = false;
      if (seq === this.seq) this.draw();
    }

    // draw lists the loaded results that pass the filters, with the filters and the status.
    draw() {
      const r = this.r;
      const rows = this.rows.filter(Boolean);
      const f = this.facets;
      const passType = (x) => !this.type || x.type === this.type;
      const passDay = (x) => !this.day || String(x.day) === this.day;
      // With facets the loaded rows already pass the filters, and the counts cover every match.
      const shown = f ? rows : rows.filter((row) => passType(row) && passDay(row));
      const total = f ? this.matches().length : shown.length;
      const pages = r && f ? this.pages().length : shown.length;
      this.list.replaceChildren(...shown.map((row) => {
        const a = resultBody(el("a", { href: row.href, className: "search-result-link" }), row, r.match, 240);
        const li = el("li", { className: "search-result" }, a);
        if (row.more) {
          const button = el("button", { type: "button", className: "search-more-here" }, moreText(row));
          button.addEventListener("click", () => this.expand(li, row, button));
          li.append(button);
        }
        return li;
      }));
      this.more.hidden = !r || this.rows.length >= (f ? pages : this.pages().length);
      if (!r) {
        this.filters.hidden = true;
        this.filters.replaceChildren();
        return;
      }
      const notes = [];
      if (r.status === "unavailable") notes.push(t("unavailable"));
      else {
        if (r.corrected) notes.push(t("corrected", r.corrected));
        notes.push(countText(r, this.q));
        if (r.mode === "or") notes.push(t("some_words"));
        if (r.missing) notes.push(t("incomplete"));
        if (r.results.length > 0 && (this.type || this.day)) notes.push(t("filtered", num(total)));
        if (shown.length < pages) notes.push(t("showing", num(shown.length), num(pages)));
      }
      this.status.textContent = notes.join(" ");
      const counted = f ? r.results.map((x) => ({ type: f.type[x.doc], day: f.day[x.doc] })) : rows;
      this.drawFilters(counted, passType, passDay);
    }

    drawFilters(rows, passType, passDay) {
      const types = new Map(), days = new Map();
      for (const row of rows) {
        if (passDay(row)) types.set(row.type, (types.get(row.type) || 0) + 1);
        if (passType(row) && row.day > 0) days.set(String(row.day), (days.get(String(row.day)) || 0) + 1);
      }
      if (this.type && !types.has(this.type)) types.set(this.type, 0);
      if (this.day && !days.has(this.day)) days.set(this.day, 0);
      const order = (a, b) => {
        const ia = TYPES.indexOf(a), ib = TYPES.indexOf(b);
        return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
      };
      const group = (name, legend, entries, current, label) => {
        const all = entries.reduce((a, [, n]) => a + n, 0);
        const choices = [["", t("all"), all], ...entries.map(([v, n]) => [v, label(v), n])];
        return el("fieldset", { className: "search-filter" }, el("legend", {}, legend),
          ...choices.map(([value, text, n]) => el("label", {},
            el("input", { type: "radio", name, value, checked: value === current }), " ", t("count", text, num(n)))));
      };
      const typeEntries = Array.from(types).sort((a, b) => order(a[0], b[0]));
      const dayEntries = Array.from(days).sort((a, b) => Number(a[0]) - Number(b[0]));
      const parts = [];
      if (typeEntries.length > 1 || this.type) parts.push(group("pb-filter-type", t("type"), typeEntries, this.type, typeLabel));
      if (dayEntries.length > 1 || this.day) parts.push(group("pb-filter-day", t("day_filter"), dayEntries, this.day, (d) => t("day", num(Number(d)))));
      const focused = document.activeElement && this.filters.contains(document.activeElement) ? document.activeElement : null;
      const key = focused ? [focused.name, focused.value] : null;
      this.filters.replaceChildren(...parts);
      this.filters.hidden = parts.length === 0;
      if (key) this.filters.querySelector(`input[name="${key[0]}"][value="${CSS.escape(key[1])}"]`)?.focus();
    }
  }

  // ---- Start ---------------------------------------------------------------------------------

  // / or Ctrl-K (Cmd-K) focuses the search box: / not while typing in a field.
  const editable = (e) => e && (e.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));
  const start = () => {
    const forms = Array.from(document.querySelectorAll("form.site-search[data-index]"));
    const boxes = forms.filter((f) => f.querySelector(".search-popup") && f.querySelector("[role=listbox]")).map((f) => new Box(f));
    const box = boxes[0];
    if (box) {
      document.addEventListener("keydown", (e) => {
        if (e.defaultPrevented || e.isComposing) return;
        const k = e.key;
        const slash = k === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !editable(e.target);
        const ctrlK = (k === "k" || k === "K") && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
        if (!slash && !ctrlK) return;
        e.preventDefault();
        box.input.focus();
        box.input.select();
      });
    }
    const section = document.querySelector("[data-search-page]");
    let resultsPage = null;
    if (section && forms[0]) resultsPage = new ResultsPage(section, storeAt(forms[0].dataset.index || ""));
    Playbook.search = {
      boxes, page: resultsPage, timings,
      // search runs a query against the page's index, for tests and the console.
      search: (q) => (box ? box.store.search(q) : Promise.resolve(null)),
      loads,
    };
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
