"use strict";
// Playbook worksheet pages: the DOM side of worksheet-core.js. A classic script (pages work
// from file://), loaded with defer after worksheet-core.js. One WorksheetPage per
// article.worksheet: the saved copies, "show the working", printing, and a handler per kind
// (ranking, rating, decision, matrix, calculator) that reads, writes and computes the form.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  // shared is what every page script shares (page.js); page, below, is a WorksheetPage.
  const core = Playbook.worksheetCore, shared = Playbook.page;
  const t = shared.translator(), lang = shared.lang, site = shared.site, el = shared.el;
  // num formats a number for reading; plain has no grouping, for the working (where a comma
  // would read as the separator of a function's arguments).
  const num = (x, min = 0, max = 2, group = true) =>
    shared.number(x, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: group, signDisplay: "negative" });
  const plain = (x) => num(x, 0, 4, false);
  const pct = (x) => num(x, 2, 2) + "%";
  const svg = (tag, attrs, text = "") => {
    const e = Object.assign(document.createElementNS("http://www.w3.org/2000/svg", tag), { textContent: text });
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const text = (e) => (e?.textContent || "").replace(/\s+/g, " ").trim();
  const all = (root, sel, fn) => Array.from(root.querySelectorAll(sel), fn);
  const checked = (root, name) => root.querySelector(`input[name="${CSS.escape(name)}"]:checked`);
  // own reads an object keyed by ids, such as a copy's data (see worksheet-core.js).
  const own = core.own;
  // choices reads the radio groups named ids as { id: parse(value) }; choose checks them.
  const choices = (root, ids, parse) => Object.fromEntries(ids.filter((id) => checked(root, id)).map((id) => [id, parse(checked(root, id).value)]));
  const choose = (root, ids, values, parse) => {
    for (const id of ids) for (const r of root.querySelectorAll(`input[name="${CSS.escape(id)}"]`)) r.checked = own(values, id) === parse(r.value);
  };
  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10); // local date
  const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  const invalid = (input, bad) => (bad ? input.setAttribute("aria-invalid", "true") : input.removeAttribute("aria-invalid"));
  // show puts a computed value into an output, in a span that a blank print hides.
  const show = (output, value) => output.replaceChildren(el("span", { className: "ws-value" }, value));

  // download saves content as a file through the browser; nothing leaves the computer.
  const download = (name, type, content) => {
    const a = el("a", { href: URL.createObjectURL(new Blob([content], { type })), download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  };
  // decode reads a file as UTF-8 (with or without a byte order mark), or else in the legacy
  // encoding Excel uses for "CSV" in the page's language.
  const decode = (buf) => {
    try { return new TextDecoder("utf-8", { fatal: true }).decode(buf); } catch { /* not UTF-8 */ }
    return new TextDecoder(lang?.startsWith("zh") ? "gb18030" : "windows-1252").decode(buf);
  };

  // storage keeps the copies of every worksheet in localStorage (see page.js).
  const storage = shared.store(core.storageKey(site), {
    empty: () => core.emptyStore(site),
    read: (raw) => core.parseStore(raw, site).store,
  });
  // byId finds the element of the page that shows the thing with an id of the page data:
  // sel is an element selector, attr the data-* attribute that holds the id.
  const byId = (root, sel, attr, id) => root.querySelector(`${sel}[data-${attr}="${CSS.escape(id)}"]`);

  // ---- Ranking ----

  const LIMIT = 200; // table rows drawn; every row is ranked, summarised and exported
  const LARGE = 100000; // characters: a longer list stays out of the text box, whose layout takes seconds

  const ranking = (page) => {
    const a = page.el, area = a.querySelector('textarea[name="rows"]'), file = a.querySelector('input[name="csv"]');
    const result = page.result, tbody = a.querySelector(".ws-ranking-rows"), chart = a.querySelector(".ws-chart");
    const table = a.querySelector("table.ws-ranking"), bandsTable = a.querySelector("table.ws-bands");
    const byValue = page.data.method === "value";
    const bands = (page.data.bands || []).map((b) => ({ id: b.id, label: b.label, share: Number(b.share) }));
    const heads = all(table, "thead th", text), blanks = all(tbody, "tr.ws-blank");
    const exportButton = a.querySelector('[data-action="export-csv"]'), working = page.workingBox;
    const summary = el("table", { className: "ws-summary", hidden: true }), note = el("p", { className: "ws-table-note hint", hidden: true });
    const bigText = el("p"), clearButton = el("button", { type: "button", className: "button" }, t("ws_clear_list"));
    const bigBox = el("div", { className: "ws-big", hidden: true }, bigText, clearButton);
    bandsTable.after(summary);
    table.after(note);
    area.after(bigBox);
    exportButton.hidden = false;
    let last = null, timer = 0, big = null;

    // setText shows the list in the text box or, when it is too long to edit there, as a note
    // (the list itself is kept in big).
    const setText = (s) => {
      big = s.length > LARGE ? s : null;
      area.value = big === null ? s : "";
      area.hidden = big !== null;
      bigBox.hidden = big === null;
      if (big !== null) bigText.textContent = t("ws_big", num(s.split("\n").length));
    };
    const source = () => big ?? area.value;

    const compute = () => {
      clearTimeout(timer);
      timer = 0;
      const rows = core.readRows(source(), heads[2]);
      const r = core.rank(rows.values, bands.map((b) => b.share), byValue);
      last = { rows, r, sums: core.summarize(rows.values, r, byValue) };
      render(last);
    };

    const render = ({ rows, r, sums }) => {
      const out = [el("p", {}, r.n ? t("ws_ranked", num(r.n), num(r.total)) : t("ws_no_rows"))];
      if (rows.header) out.push(el("p", { className: "hint" }, t("ws_header_used", rows.header[rows.name] ?? "", rows.header[rows.value] ?? "")));
      if (rows.errors.length) {
        const items = rows.errors.slice(0, 10).map((e) => el("li", {}, t("ws_bad_" + e.code, e.line, e.text.slice(0, 60))));
        if (rows.errors.length > 10) items.push(el("li", {}, t("ws_more_bad", num(rows.errors.length - 10))));
        out.push(el("p", { className: "ws-error" }, t("ws_bad_lines", num(rows.errors.length))), el("ul", { className: "ws-errors" }, ...items));
      }
      result.replaceChildren(...out);

      // The table: the first LIMIT rows, built off the document and inserted at once.
      const frag = document.createDocumentFragment();
      for (let i = 0; i < Math.min(r.n, LIMIT); i++) {
        const idx = r.order[i], b = bands[r.band[i]];
        const tr = el("tr", {}, ...[String(i + 1), rows.names[idx], num(rows.values[idx]), pct(r.share[i]), pct(r.cumShare[i]), b.label].map((v) => el("td", {}, v)));
        tr.dataset.band = b.id;
        frag.append(tr);
      }
      blanks.forEach((tr, i) => tr.classList.toggle("ws-covered", i < r.n));
      tbody.replaceChildren(frag, ...blanks);
      a.classList.toggle("ws-has-data", r.n > 0);
      note.hidden = r.n <= LIMIT;
      note.textContent = t("ws_showing", num(LIMIT), num(r.n));

      summary.hidden = r.n === 0;
      const head = [heads[5], t("ws_col_count"), t("ws_col_customers"), t("ws_col_value")].map((h) => el("th", { scope: "col" }, h));
      summary.replaceChildren(el("caption", {}, t("ws_summary")), el("thead", {}, el("tr", {}, ...head)),
        el("tbody", {}, ...sums.map((s, k) => el("tr", {}, el("th", { scope: "row" }, bands[k].label), ...[num(s.count), pct(s.customers), pct(s.share)].map((v) => el("td", {}, v))))));

      const lines = sums.map((s, k) => (byValue ? t("ws_w_cut_value", bands[k].label, plain(r.cum[k]), plain(s.limit))
        : t("ws_w_cut_customers", bands[k].label, plain(r.cum[k]), r.n, plain((r.cum[k] * r.n) / 100), s.limit)) +
        " → " + (s.count ? t("ws_w_ranks", s.first, s.last) : t("ws_w_none")));
      working.replaceChildren(...[t("ws_w_total", plain(r.total)), ...lines, t("ws_w_ties")].map((l) => el("p", {}, l)));
      drawChart(r, sums);
    };

    // drawChart draws the cumulative value curve with the band cut-offs, in inline SVG.
    const drawChart = (r, sums) => {
      if (!r.n) return chart.replaceChildren();
      const X0 = 44, X1 = 310, Y0 = 170, Y1 = 12;
      const sx = (p) => (X0 + (p / 100) * (X1 - X0)).toFixed(1), sy = (p) => (Y0 - (p / 100) * (Y0 - Y1)).toFixed(1);
      const s = svg("svg", { viewBox: "0 0 320 210", class: "ws-curve" });
      s.append(svg("rect", { x: X0, y: Y1, width: X1 - X0, height: Y0 - Y1, class: "ws-frame" }),
        svg("text", { x: (X0 + X1) / 2, y: 204, "text-anchor": "middle", class: "ws-axis-label" }, t("ws_col_customers")),
        svg("text", { x: 10, y: 91, "text-anchor": "middle", class: "ws-axis-label", transform: "rotate(-90 10 91)" }, t("ws_chart_y")));
      for (const p of [0, 50, 100]) {
        s.append(svg("text", { x: sx(p), y: Y0 + 14, "text-anchor": "middle", class: "ws-tick" }, p + "%"),
          svg("text", { x: X0 - 4, y: Number(sy(p)) + 4, "text-anchor": "end", class: "ws-tick" }, p + "%"));
      }
      let end = 0;
      sums.forEach((b, k) => {
        end += b.count;
        if (k === sums.length - 1) return;
        if (byValue) s.append(svg("line", { x1: X0, x2: X1, y1: sy(r.cum[k]), y2: sy(r.cum[k]), class: "ws-cut ws-cut-value" }));
        if (!b.count || end >= r.n) return;
        const x = sx((end / r.n) * 100);
        s.append(svg("line", { x1: x, x2: x, y1: Y1, y2: Y0, class: "ws-cut", "data-band": bands[k].id }),
          svg("text", { x: Number(x) + 3, y: Y1 + 12 + 12 * k, class: "ws-cut-label" }, bands[k].label));
      });
      s.append(svg("polyline", { points: core.curve(r).map(([x, y]) => `${sx(x)},${sy(y)}`).join(" "), class: "ws-line" }));
      chart.replaceChildren(s);
    };

    file.addEventListener("change", async () => {
      const f = file.files?.[0], start = performance.now();
      file.value = "";
      if (!f) return;
      try { setText(decode(await f.arrayBuffer()).replace(/^\uFEFF/, "")); } catch { return page.say(t("ws_import_csv_failed")); }
      compute();
      page.touch();
      void a.offsetHeight; // count the layout of the result in the time
      a.dataset.importMs = (performance.now() - start).toFixed(1);
      page.say(t("ws_imported_csv", f.name));
    });
    clearButton.addEventListener("click", () => { setText(""); compute(); page.touch(); area.focus(); });
    exportButton.addEventListener("click", () => {
      if (timer || !last) compute();
      if (!last.r.n) return page.say(t("ws_no_rows"));
      const header = [heads[0], heads[1], heads[2], heads[3] + " (%)", heads[4] + " (%)", heads[5]];
      download(core.fileName([page.id, page.copy.customer, today()], "csv"), "text/csv;charset=utf-8",
        core.rankingCSV(header, last.rows.names, last.rows.values, last.r, bands.map((b) => b.label)));
      page.say(t("ws_csv_exported"));
    });

    return {
      read: () => ({ rows: source() }),
      write: (d) => setText(d.rows ?? ""),
      update: (e) => {
        if (!e) return compute();
        if (e.target !== area) return;
        if (area.value.length > LARGE) { setText(area.value); return compute(); }
        clearTimeout(timer);
        timer = setTimeout(compute, 100);
      },
    };
  };

  // ---- Rating ----

  const rating = (page) => {
    const a = page.el, d = page.data, min = Number(d.min), max = Number(d.max);
    const criteria = (d.criteria || []).map((c) => ({ id: c.id, weight: Number(c.weight) }));
    const bands = (d.bands || []).map((b) => {
      const tr = byId(a, ".ws-bands tr", "band", b.id);
      return { tr, min: Number(b.min), max: Number(b.max), label: b.label, range: text(tr?.querySelector("td")), treatment: text(tr?.querySelector("td:last-child")) };
    });
    const result = page.result, status = result.appendChild(el("p", { className: "ws-status" })), working = page.workingBox;
    const ids = criteria.map((c) => c.id), read = () => ({ scores: choices(a, ids, Number) });
    return {
      read,
      write: (d) => choose(a, ids, d.scores, Number),
      update: () => {
        const { scores } = read();
        const r = core.rate(criteria, min, max, scores, bands), b = bands[r.band];
        bands.forEach((x) => x.tr?.classList.toggle("is-current", x === b));
        show(result.querySelector('output[name="score"]'), r.complete ? r.percent + "%" : "–");
        show(result.querySelector('output[name="band"]'), b ? b.label : "–");
        status.textContent = !r.complete ? t("ws_left", r.missing, criteria.length) : b ? t("ws_what_to_do", b.treatment) : "";
        if (!r.complete) return working.replaceChildren(el("p", {}, status.textContent));
        const sum = (f) => criteria.map((c) => `${plain(c.weight)} × (${f(c)} - ${min})`).join(" + ");
        working.replaceChildren(...[t("ws_w_weighted", sum((c) => scores[c.id]), plain(r.weighted)), t("ws_w_max", sum(() => max), plain(r.max)),
          t("ws_w_percent", plain(r.weighted), plain(r.max), plain((r.weighted / r.max) * 100), r.percent, b?.label ?? "–", b?.range ?? "")].map((l) => el("p", {}, l)));
      },
    };
  };

  // ---- Decision ----

  const decision = (page) => {
    const a = page.el, result = page.result, working = page.workingBox;
    const factors = (page.data.factors || []).map((id) => ({ id, label: text(byId(a, ".ws-factor", "factor", id)?.querySelector(".ws-factor-label")) }));
    // The outcomes are the rows of the table, in the order of the page data.
    const trs = a.querySelectorAll(".ws-outcomes tbody tr");
    const rows = (page.data.outcomes || []).map((o, i) => ({ tr: trs[i], when: o.when, label: o.label, action: text(trs[i]?.querySelector("td:last-child")) }));
    const ids = factors.map((f) => f.id), yes = (v) => v === "yes", read = () => ({ answers: choices(a, ids, yes) });
    return {
      read,
      write: (d) => choose(a, ids, d.answers, yes),
      update: () => {
        const { answers } = read();
        const i = core.decide(ids, answers, rows.map((r) => r.when)), o = rows[i];
        rows.forEach((r) => r.tr?.classList.toggle("is-current", r === o));
        const given = factors.filter((f) => Object.hasOwn(answers, f.id));
        result.replaceChildren(el("p", {}, o ? t("ws_outcome", o.label, o.action) : t("ws_answer_left", factors.length - given.length, factors.length)));
        const said = given.map((f) => `${f.label} ${text(checked(a, f.id).closest("label"))}`).join(" · ");
        working.textContent = o ? t("ws_w_decision", said, i + 1, o.label) : said;
      },
    };
  };

  // ---- Matrix ----

  const matrix = (page) => {
    const a = page.el, result = page.result, dot = a.querySelector(".ws-dot"), working = page.workingBox;
    const axes = (page.data.axes || []).map((x) => ({ id: x.id, yesNo: x.yesNo === true, min: Number(x.min), max: Number(x.max), split: Number(x.split),
      label: x.label, input: byId(a, ".ws-axis", "axis", x.id)?.querySelector('input[type="number"]') }));
    const quads = (page.data.quadrants || []).map((q) => {
      const tr = byId(a, "tr", "quadrant", q.id);
      return { tr, xHigh: q.xHigh === true, yHigh: q.yHigh === true, label: q.label, treatment: text(tr?.querySelector("td:last-child")),
        mark: byId(a, ".ws-quadrant-label", "quadrant", q.id) };
    });
    const value = (x) => (x.yesNo ? (checked(a, x.id) ? Number(checked(a, x.id).value) : null) : Number.isFinite(x.input.valueAsNumber) ? x.input.valueAsNumber : null);
    return {
      read: () => ({ values: Object.fromEntries(axes.map((x) => [x.id, value(x)])) }),
      write: (d) => {
        for (const x of axes) if (x.input) x.input.value = own(d.values, x.id) ?? "";
        choose(a, axes.filter((x) => x.yesNo).map((x) => x.id), d.values, Number);
      },
      update: () => {
        const errors = [], steps = [];
        const vals = axes.map((x) => {
          const v = value(x), bad = v !== null && !x.yesNo && (v < x.min || v > x.max);
          if (x.input) invalid(x.input, bad);
          if (bad) errors.push(t("ws_err_range", x.label, plain(x.min), plain(x.max)));
          if (v === null || bad) return null;
          const high = core.isHigh(x, v);
          steps.push(x.yesNo ? t(high ? "ws_w_yes" : "ws_w_no", x.label) : t(high ? "ws_w_high" : "ws_w_low", x.label, plain(v), plain(x.split)));
          return v;
        });
        const q = vals.every((v) => v !== null) ? quads[core.place(quads, core.isHigh(axes[0], vals[0]), core.isHigh(axes[1], vals[1]))] : null;
        for (const x of quads) for (const e of [x.tr, x.mark]) e?.classList.toggle("is-current", x === q);
        dot.setAttribute("cx", q ? (40 + core.axisFraction(axes[0], vals[0]) * 270).toFixed(1) : "-20");
        dot.setAttribute("cy", q ? (290 - core.axisFraction(axes[1], vals[1]) * 270).toFixed(1) : "-20");
        result.replaceChildren(el("p", {}, q ? t("ws_quadrant", q.label, q.treatment) : errors.join(" ") || t("ws_place_left")));
        working.textContent = steps.join(" · ") + (q ? ` → ${q.label}` : "");
      },
    };
  };

  // ---- Calculator ----

  const calculator = (page) => {
    const a = page.el;
    const inputs = all(a, ".ws-inputs input[type=number]", (input) => {
      const err = el("span", { className: "ws-input-error", id: `${input.id}-error`, hidden: true });
      input.after(err);
      input.setAttribute("aria-describedby", err.id);
      return { id: input.name, input, err, def: input.defaultValue, label: text(a.querySelector(`label[for="${CSS.escape(input.id)}"]`)),
        min: input.min === "" ? null : Number(input.min), max: input.max === "" ? null : Number(input.max) };
    });
    // A formula the page data lacks (null) shows as an error.
    const outputs = (page.data.outputs || []).map((o) => ({ o, out: a.querySelector(`.ws-outputs output[name="${CSS.escape(o.id)}"]`) })).filter((x) => x.out)
      .map(({ o, out }) => ({ id: o.id, out, tree: o.formula ?? null, decimals: Number(o.decimals) || 0,
        label: text(out.closest(".ws-output-row")?.querySelector("dt")), working: out.parentElement.querySelector(".ws-working") }));
    const range = (i) => (i.min !== null && i.max !== null ? t("ws_err_range", i.label, plain(i.min), plain(i.max))
      : i.min !== null ? t("ws_err_min", i.label, plain(i.min)) : t("ws_err_max", i.label, plain(i.max)));
    const labels = Object.fromEntries([...inputs, ...outputs].map((x) => [x.id, x.label]));
    return {
      read: () => ({ inputs: Object.fromEntries(inputs.map((i) => [i.id, Number.isFinite(i.input.valueAsNumber) ? i.input.valueAsNumber : null])) }),
      write: (d) => {
        for (const i of inputs) {
          const v = own(d.inputs, i.id);
          i.input.value = v === undefined ? i.def : v ?? "";
        }
      },
      update: () => {
        const c = core.calculate(inputs.map((i) => ({ ...i, value: i.input.valueAsNumber })), outputs);
        inputs.forEach((i, k) => {
          i.err.textContent = { empty: t("ws_err_empty", i.label), range: range(i), "": "" }[c.inputs[k]];
          i.err.hidden = !c.inputs[k];
          invalid(i.input, !!c.inputs[k]);
        });
        outputs.forEach((o, k) => {
          const { value, error: e } = c.outputs[k];
          const msg = !e ? "" : e.code === "no_value" ? t("ws_err_needs", own(labels, e.variable) ?? e.variable)
            : t(["div_zero", "sqrt", "not_finite"].includes(e.code) ? "ws_err_" + e.code : "ws_err_other");
          show(o.out, msg || num(value, o.decimals, o.decimals));
          o.out.classList.toggle("is-error", !!e);
          // A tree over the formula limits (which the build never writes) has no working.
          if (o.working && o.tree && e?.code !== "limit") o.working.textContent = core.substitute(o.tree, (n) => c.vars[n], plain) + (e ? "" : ` = ${plain(value)}`);
        });
      },
    };
  };

  const KINDS = { ranking, rating, decision, matrix, calculator };

  // ---- The page ----

  class WorksheetPage {
    constructor(article) {
      // data is the worksheet of the page data (pb-data, see docs/scripts.md).
      const d = shared.data();
      this.data = d?.id === article.dataset.worksheet ? d : {};
      Object.assign(this, { el: article, id: article.dataset.worksheet, kind: this.data.kind, version: this.data.version || "" });
      this.form = article.querySelector(".worksheet-form");
      [this.customer, this.date] = [this.form.elements.customer, this.form.elements.date];
      this.bar = article.querySelector(".ws-toolbar");
      [this.select, this.notices] = [this.bar.querySelector(".ws-copy-select"), this.bar.querySelector(".ws-notices")];
      this.message = this.notices.appendChild(el("p", { className: "ws-message" }));
      Object.assign(this, { showWorking: false, deleted: new Set(), timer: 0 });
      this.bar.hidden = false;
      // The result (calculators show theirs in the outputs) and the working under it.
      this.result = article.querySelector(".ws-result");
      this.workingBox = this.working(el("div"));
      this.result?.after(this.workingBox);
      this.handler = KINDS[this.kind](this);
      this.form.addEventListener("submit", (e) => e.preventDefault());
      this.form.addEventListener("input", (e) => { if (e.target.type !== "file") { this.handler.update(e); this.touch(); } });
      this.select.addEventListener("change", () => this.switchTo(this.select.value));
      const actions = { new: () => this.startNew(), delete: () => this.remove(), working: () => this.toggleWorking(),
        export: () => this.exportFile(), "print-blank": () => this.print("blank"), "print-data": () => this.print("data") };
      this.bar.addEventListener("click", (e) => actions[e.target.closest("button[data-action]")?.dataset.action]?.());
      const importer = this.bar.querySelector('input[data-action="import"]');
      importer.addEventListener("change", () => { const f = importer.files?.[0]; importer.value = ""; if (f) this.importFile(f); });
      // On paper the formulas show in full; printing ends a "Print blank".
      const formulas = () => article.querySelectorAll("details.ws-formula");
      addEventListener("beforeprint", () => { for (const d of formulas()) { d.dataset.open = d.open; d.open = true; } });
      addEventListener("afterprint", () => { for (const d of formulas()) d.open = d.dataset.open === "true"; this.printMode(""); });
      addEventListener("pagehide", () => this.flush());
      this.load();
    }

    notice(s) { this.notices.insertBefore(el("p", { className: "notice" }, s), this.message); }
    say(s) { this.message.textContent = s; }
    name(c) { return c.customer || t("ws_untitled"); }
    stored(c) { return this.entry.copies.some((x) => x.id === c.id); }
    // blank is a new copy: the form's defaults, as open reads them back.
    blank() { const now = new Date().toISOString(); return { id: newId(), customer: "", date: today(), created: now, updated: now, data: {} }; }
    // takeForm takes what the form holds into the open copy.
    takeForm() { Object.assign(this.copy, { customer: this.customer.value.trim(), date: this.date.value, data: this.handler.read() }); }

    load() {
      const { store, notice } = storage.load();
      if (notice) this.notice(t("ws_" + notice));
      const e = store.worksheets[this.id];
      this.entry = e?.kind === this.kind ? e : core.emptyEntry(this.kind, this.version);
      if (this.entry.copies.length && this.entry.version !== this.version) {
        this.notice(t("ws_changed"));
        this.persist(); // records the new version: the notice shows once
      }
      this.open(this.entry.copies.find((c) => c.id === this.entry.open) || this.entry.copies.at(-1) || this.blank());
    }

    // open shows a copy in the form; its data is read back, so that what the worksheet no
    // longer has is dropped.
    open(c) {
      this.copy = c;
      this.customer.value = c.customer;
      this.date.value = c.date;
      this.handler.write(c.data);
      c.data = this.handler.read();
      this.handler.update();
      this.list();
    }

    list() {
      const copies = this.stored(this.copy) ? this.entry.copies : [...this.entry.copies, this.copy];
      this.select.replaceChildren(...copies.map((c) => {
        const when = c.date ? new Date(c.date + "T00:00") : new Date(c.updated);
        const label = `${this.name(c)} · ${new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(when)}`;
        return el("option", { value: c.id }, this.stored(c) ? label : t("ws_unsaved", label));
      }));
      this.select.value = this.copy.id;
    }

    // touch takes the form into the open copy, which is then saved soon.
    touch() {
      this.takeForm();
      this.copy.updated = new Date().toISOString();
      if (!this.stored(this.copy)) this.entry.copies.push(this.copy);
      this.entry.open = this.copy.id;
      this.list();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.persist(), 300);
    }

    flush() { if (this.timer) this.persist(); }

    // persist writes the open copy and the deletions into a fresh read of the store, so that
    // copies saved meanwhile in another tab are kept.
    persist() {
      clearTimeout(this.timer);
      this.timer = 0;
      if (!storage.available) return;
      const { store } = storage.load();
      const open = this.copy && this.stored(this.copy) ? this.copy : null;
      store.worksheets[this.id] = this.entry = core.mergeEntry(store.worksheets[this.id], this.kind, this.version, open, this.deleted);
      if (!storage.save(store) && !this.full) {
        this.full = true;
        this.notice(t("ws_storage_full"));
      }
      if (this.copy) this.list();
    }

    switchTo(id) { this.flush(); const c = this.entry.copies.find((x) => x.id === id); if (c) this.go(c, t("ws_opened", this.name(c))); }

    // go opens copy c, saves and says message.
    go(c, message) { this.open(c); this.persist(); this.say(message); }

    startNew() { this.flush(); this.open(this.blank()); this.say(t("ws_new_done")); this.customer.focus(); }

    remove() {
      const c = this.copy, name = this.name(c);
      if (!window.confirm(t("ws_delete_confirm", name))) return;
      this.deleted.add(c.id);
      this.entry.copies = this.entry.copies.filter((x) => x.id !== c.id);
      this.go(this.entry.copies.at(-1) || this.blank(), t("ws_deleted", name));
    }

    exportFile() {
      this.takeForm();
      const file = core.exportCopy(site, { id: this.id, kind: this.kind, version: this.version }, this.copy);
      download(core.fileName([this.id, this.copy.customer, this.copy.date || today()], "json"), "application/json", JSON.stringify(file, null, 2) + "\n");
      this.say(t("ws_exported"));
    }

    // importFile adds the copy of an exported file and opens it; any other file changes nothing.
    async importFile(f) {
      let content;
      try { content = await f.text(); } catch { content = ""; }
      const r = core.parseCopyFile(content, site, { id: this.id, kind: this.kind, version: this.version });
      if (r.error) return this.say(r.error === "worksheet" ? t("ws_import_other", r.other) : t("ws_import_failed"));
      this.flush();
      const c = { id: newId(), ...r.copy };
      this.entry.copies.push(c);
      this.go(c, t("ws_imported", this.name(c)) + (r.changed ? " " + t("ws_import_changed") : ""));
    }

    // working marks node as part of "show the working", shown or not as the button says.
    working(node) { node.classList.add("ws-working"); node.hidden = !this.showWorking; return node; }

    toggleWorking() {
      this.showWorking = !this.showWorking;
      this.bar.querySelector('[data-action="working"]').setAttribute("aria-pressed", String(this.showWorking));
      for (const w of this.el.querySelectorAll(".ws-working")) w.hidden = !this.showWorking;
    }

    // printMode chooses what paper shows: "blank" empties every box; otherwise the values on
    // screen print.
    printMode(mode) { document.documentElement.classList.toggle("ws-print-blank", mode === "blank"); }
    print(mode) { this.printMode(mode); window.print(); }
  }

  const pages = Array.from(document.querySelectorAll("article.worksheet[data-worksheet]"))
    .filter((a) => Object.hasOwn(KINDS, shared.data()?.id === a.dataset.worksheet ? shared.data().kind : ""))
    .map((a) => new WorksheetPage(a));
  Playbook.worksheet = { WorksheetPage, storage, pages };
})();
