"use strict";
// Playbook checklist pages: the DOM side of checklist-core.js. A classic script (pages work
// from file://), loaded with defer after checklist-core.js. It scores the form as it is
// filled in, keeps saved copies in localStorage, exports and imports them as CSV or JSON,
// and prints the page with the answers, blank, or as N blank copies for a team.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const core = Playbook.checklistCore, page = Playbook.page;
  const t = page.translator("ck_"), lang = page.lang, site = page.site, el = page.el;
  const num = (x) => page.number(x);
  const when = (iso) => page.date(iso, { dateStyle: "medium", timeStyle: "short" });
  const clone = (x) => JSON.parse(JSON.stringify(x));
  const MAX_COPIES = 50;

  // storage keeps the store of saved copies in localStorage (see page.js).
  const storage = page.store(core.storageKey(site), {
    empty: () => core.emptyStore(site),
    read: (raw) => core.parseStore(raw, site).store,
  });

  // readDef returns the checklist of an article (see checklist-core.js) from the page data
  // (pb-data, see docs/scripts.md); each band keeps its element of the page (li).
  const readDef = (article) => {
    const d = page.data();
    const data = d?.id === article.dataset.checklist ? d : { items: [], levels: [], bands: [], fields: [] };
    const items = (data.items || []).map((i) => ({ ...i, weight: Number(i.weight) || 1 }));
    const levels = (data.levels || []).map((l) => ({ ...l, points: Number(l.points) || 0 }));
    const bands = (data.bands || []).map((b) => ({ ...b, li: article.querySelector(`.bands li[data-band="${CSS.escape(b.id)}"]`) }))
      .filter((b) => b.li);
    return { id: article.dataset.checklist, version: data.version || "", items, levels, bands, fields: data.fields || [] };
  };

  // markEmpty flags empty inputs, so that print does not show a date input's mm/dd/yyyy.
  const markEmpty = (input) => input.toggleAttribute("data-empty", input.value === "");

  class ChecklistPage {
    constructor(article) {
      this.el = article;
      this.def = readDef(article);
      this.blank = article.cloneNode(true); // the page before any answer: the model of blank copies
      this.form = article.querySelector(".checklist-form");
      this.radios = Array.from(this.form.querySelectorAll('tr.checklist-item input[type="radio"]'));
      this.fieldInputs = Array.from(this.form.querySelectorAll(".checklist-header input[name]"));
      this.outputs = Array.from(article.querySelectorAll(".checklist-result output"));
      this.placeholders = new Map(this.outputs.map((o) => [o, o.textContent]));
      this.advice = article.querySelector(".band-advice");
      const line = article.querySelector(".score-line");
      line?.setAttribute("aria-atomic", "true"); // announce "Score: 12 / 20 Percent: 60% ..." as one
      this.answered = el("span", { className: "score-answered" });
      line?.append(" ", this.answered);
      this.actionBody = article.querySelector(".action-table tbody");
      this.actionRows = new Map();
      this.emptyRow = el("tr", { className: "action-empty" }, el("td", { colSpan: 3 }, t("no_actions")));
      this.actionBody?.prepend(this.emptyRow);
      this.notices = el("div", { className: "ck-notices" });
      this.notices.setAttribute("role", "status");
      article.querySelector(".page-header")?.append(this.notices);
      this.buildTools();
      this.form.addEventListener("submit", (e) => e.preventDefault());
      this.form.addEventListener("input", (e) => this.changed(e.target));
      this.form.addEventListener("change", (e) => this.changed(e.target));
      addEventListener("afterprint", () => this.clearPrint());

      const { store, notice } = storage.load();
      this.available = notice !== "storage_unavailable";
      this.memory = store;
      if (notice) this.notice(t(notice));
      const e = store.checklists[this.def.id];
      this.open(e?.copies.find((c) => c.id === e.open) || e?.copies.at(-1) || core.blankCopy(t("default_name", 1), this.def.version));
    }

    notice(text) {
      if (!Array.from(this.notices.children).some((p) => p.textContent === text)) this.notices.append(el("p", { className: "notice" }, text));
    }

    say(text) { this.message.textContent = text; }

    // buildTools adds the controls that need the script: saved copies, files and printing.
    buildTools() {
      const group = (legend, ...children) => el("fieldset", { className: "ck-group" }, el("legend", {}, legend), ...children);
      const labelled = (text, input) => el("label", { className: "ck-field" }, el("span", {}, text), input);
      const button = (text, onClick, className = "button") => {
        const b = el("button", { type: "button", className }, text);
        b.addEventListener("click", onClick);
        return b;
      };
      this.select = el("select", { className: "ck-open" });
      this.select.addEventListener("change", () => this.switchTo(this.select.value));
      this.nameInput = el("input", { type: "text", className: "ck-name", maxLength: 80, autocomplete: "off" });
      this.nameInput.addEventListener("input", () => { this.copy.name = this.nameInput.value; this.autosave(); });
      this.savedAt = el("p", { className: "ck-saved-at meta" });
      this.file = el("input", { type: "file", accept: ".csv,.json,text/csv,application/json", className: "visually-hidden" });
      this.file.addEventListener("change", async () => {
        const f = this.file.files?.[0];
        this.file.value = "";
        if (f) await this.importFile(f);
      });
      this.copiesInput = el("input", { type: "number", className: "ck-copies", min: 1, max: MAX_COPIES, step: 1, value: 3 });
      this.message = el("p", { className: "ck-message" });
      this.message.setAttribute("role", "status");
      this.form.before(el("div", { className: "checklist-tools" },
        group(t("copies_legend"), labelled(t("open_copy"), this.select), labelled(t("copy_name"), this.nameInput),
          button(t("save"), () => this.save(), "button primary"), button(t("save_new"), () => this.saveAsNew()),
          button(t("new_blank"), () => this.newBlank()), button(t("delete"), () => this.remove(), "button danger"), this.savedAt),
        group(t("files_legend"), button(t("export_csv"), () => this.exportFile("csv")),
          button(t("export_json"), () => this.exportFile("json")), el("label", { className: "button" }, t("import"), this.file)),
        group(t("print_legend"), button(t("print_answers"), () => this.print(0)), button(t("print_blank"), () => this.print(1)),
          labelled(t("print_copies"), this.copiesInput), button(t("print_team"), () => this.print(this.copyCount()))),
        this.message));
    }

    // ---- Saved copies ----

    // mutate applies fn to this checklist's entry { open, copies } of a fresh store (another
    // tab may have saved since) and saves it. It returns whether the store was saved.
    mutate(fn) {
      const store = this.available ? storage.load().store : this.memory;
      fn((store.checklists[this.def.id] ||= { open: null, copies: [] }));
      this.memory = store;
      const saved = this.available && storage.save(store);
      this.refreshSelect();
      return saved;
    }

    copies() { return this.memory.checklists[this.def.id]?.copies || []; }

    // allCopies lists the stored copies and the open one, which may not be stored yet.
    allCopies() {
      const list = this.copies().slice();
      if (this.copy && !list.some((c) => c.id === this.copy.id)) list.push(this.copy);
      return list;
    }

    newName() { return core.nextName(this.allCopies(), (n) => t("default_name", n)); }

    // put stores the open copy and makes it the one to open next time.
    put() {
      Object.assign(this.copy, { updated: new Date().toISOString(), version: this.def.version });
      const saved = this.mutate((e) => core.putCopy(e, this.copy));
      this.savedAt.textContent = saved ? t("autosaved", when(this.copy.updated)) : "";
      return saved;
    }

    autosave() { // says once when the browser refuses to save (full storage)
      if (this.put() || !this.available || this.warned) return;
      this.warned = true;
      this.say(t("not_saved"));
    }

    save() { this.say(this.put() ? t("saved", this.copy.name, when(this.copy.updated)) : t(this.available ? "not_saved" : "storage_unavailable")); }

    saveAsNew() {
      this.open(core.duplicate(this.copy, this.newName(), this.def.version));
      this.put();
      this.say(t("saved_new", this.copy.name));
    }

    newBlank() {
      this.open(core.blankCopy(this.newName(), this.def.version));
      this.put();
      this.say(t("new_opened", this.copy.name));
    }

    remove() {
      const gone = this.copy;
      if (!window.confirm(t("delete_confirm", gone.name))) return;
      this.mutate((e) => core.dropCopy(e, gone.id));
      this.open(this.copies().at(-1) || core.blankCopy(t("default_name", 1), this.def.version));
      this.say(t("deleted", gone.name));
    }

    switchTo(id) {
      const copy = this.copies().find((c) => c.id === id);
      if (!copy || copy.id === this.copy.id) return;
      this.open(copy);
      this.mutate((e) => { e.open = copy.id; });
      this.say(t("opened", copy.name));
    }

    refreshSelect() {
      if (!this.copy) return;
      this.select.replaceChildren(...this.allCopies().map((c) =>
        el("option", { value: c.id, selected: c.id === this.copy.id }, t("copy_option", c.name || "–", when(c.updated)))));
    }

    // open shows a copy in the form; answers to items that are no longer on the checklist are
    // left out, and the page says so.
    open(copy) {
      const { copy: c, dropped } = core.cleanCopy(this.def, clone(copy));
      if (dropped > 0 || (c.version && c.version !== this.def.version && Object.keys(c.answers).length)) this.notice(t("changed"));
      this.copy = c;
      for (const i of this.fieldInputs) { i.value = c.fields[i.name] || ""; markEmpty(i); }
      for (const r of this.radios) r.checked = c.answers[r.name] === r.value;
      for (const tr of this.actionRows.values()) tr.remove();
      this.actionRows.clear();
      this.actionKey = null;
      this.nameInput.value = c.name;
      this.savedAt.textContent = this.copies().some((s) => s.id === c.id) ? t("autosaved", when(c.updated)) : "";
      this.update();
      this.refreshSelect();
    }

    // changed takes in an edit of the form and saves it.
    changed(target) {
      const row = target.closest("tr.action-row");
      if (target.type === "radio" && target.checked) this.copy.answers[target.name] = target.value;
      else if (row) (this.copy.actions[row.dataset.item] ||= { owner: "", due: "" })[target.dataset.field] = target.value;
      else if (this.fieldInputs.includes(target)) this.copy.fields[target.name] = target.value;
      else return;
      if (target.type !== "radio") markEmpty(target);
      this.update();
      this.autosave();
    }

    // ---- Score and action list ----

    update() {
      const r = core.score(this.def, this.copy.answers);
      const band = this.def.bands.find((b) => b.id === r.band);
      const values = { earned: num(r.earned), max: num(r.max), percent: r.max > 0 ? r.percent + "%" : "–", band: band ? band.label : "–" };
      for (const o of this.outputs) o.textContent = r.answered ? values[o.name] ?? "" : this.placeholders.get(o);
      this.advice?.replaceChildren();
      for (const b of this.def.bands) {
        b.li.classList.toggle("is-current", b === band);
        if (b === band) b.li.setAttribute("aria-current", "true"); else b.li.removeAttribute("aria-current");
      }
      if (band && this.advice) { // the band's advice: what follows its label in the list
        const li = band.li.cloneNode(true);
        li.querySelector("strong")?.remove();
        if (li.firstChild?.nodeType === Node.TEXT_NODE) li.firstChild.textContent = li.firstChild.textContent.replace(/^\s*[:：]\s*/, "");
        this.advice.append(...li.childNodes);
      }
      this.answered.textContent = t("answered", r.answered, this.def.items.length);
      this.renderActions(r.actions);
    }

    // renderActions lists the items on the action list, each with an owner and a due date.
    // Rows are kept while their item stays on the list, so typing in them is never disturbed.
    renderActions(ids) {
      if (!this.actionBody || ids.join(" ") === this.actionKey) return;
      this.actionKey = ids.join(" ");
      for (const [id, tr] of this.actionRows) if (!ids.includes(id)) { tr.remove(); this.actionRows.delete(id); }
      const items = new Map(this.def.items.map((i) => [i.id, i]));
      this.actionBody.prepend(...ids.map((id) => this.actionRows.get(id) || this.actionRow(items.get(id))));
      this.emptyRow.hidden = ids.length > 0;
      this.actionBody.closest("table").classList.toggle("has-actions", ids.length > 0);
      this.el.classList.toggle("many-actions", ids.length > 10); // tighter rows in print
    }

    actionRow(item) {
      const a = this.copy.actions[item.id] || {};
      const cell = (field, type, label) => {
        const input = el("input", { type, value: a[field] || "" });
        input.dataset.field = field;
        markEmpty(input);
        return el("td", {}, el("label", {}, el("span", { className: "visually-hidden" }, t(label, item.text)), input));
      };
      const tr = el("tr", { className: "action-row" }, el("td", { className: "action-text" }, `${item.number}. ${item.text}`),
        cell("owner", "text", "owner_for"), cell("due", "date", "due_for"));
      tr.dataset.item = item.id;
      this.actionRows.set(item.id, tr);
      return tr;
    }

    // ---- Files ----

    exportFile(ext) {
      const now = new Date();
      const name = core.fileName(this.def.id, this.copy.name, ext, now);
      const [text, type] = ext === "csv"
        ? [core.exportCSV(this.def, this.copy), "text/csv;charset=utf-8"]
        : [JSON.stringify(core.exportJSON(this.def, this.copy, { site, lang }, now), null, 2) + "\n", "application/json"];
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = el("a", { href: url, download: name, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      this.say(t("exported", name));
    }

    // importFile opens a file exported from this checklist as a new saved copy; any other file
    // is refused and changes nothing.
    async importFile(file) {
      let text;
      try { text = await file.text(); } catch { text = ""; }
      const r = core.importFile(this.def, text);
      if (r.error) {
        this.say(r.error === "other" ? t("import_other", r.checklist) : t("import_failed"));
        return;
      }
      const name = r.copy.name || file.name.replace(/\.[^.]*$/, "");
      this.open(core.duplicate(r.copy, name, r.copy.version));
      if (r.dropped > 0) this.notice(t("changed"));
      const saved = this.put();
      const answered = core.score(this.def, this.copy.answers).answered;
      this.say(t("imported", name, answered, this.def.items.length) + (saved || !this.available ? "" : " " + t("not_saved")));
    }

    // ---- Print ----

    copyCount() {
      const n = Math.min(MAX_COPIES, Math.max(1, Math.round(Number(this.copiesInput.value) || 1)));
      this.copiesInput.value = n;
      return n;
    }

    // blankSheet returns a blank copy of the page for print: no answers, no ids.
    blankSheet() {
      const a = this.blank.cloneNode(true);
      a.removeAttribute("data-checklist");
      a.classList.add("ck-print-copy");
      for (const e of a.querySelectorAll("[id]")) e.removeAttribute("id");
      for (const e of a.querySelectorAll("[aria-labelledby]")) e.removeAttribute("aria-labelledby");
      for (const i of a.querySelectorAll("input")) {
        Object.assign(i, { checked: false, value: "", tabIndex: -1 });
        i.removeAttribute("checked");
        markEmpty(i);
      }
      return a;
    }

    // print prints the page with the answers (copies = 0), or that many blank copies, each on
    // a page of its own, from a print-only container removed after printing.
    print(copies) {
      this.clearPrint();
      if (copies > 0) {
        this.sheets = el("div", { className: "ck-print-copies", inert: true }, ...Array.from({ length: copies }, () => this.blankSheet()));
        this.sheets.setAttribute("aria-hidden", "true");
        document.body.append(this.sheets);
        document.documentElement.classList.add("ck-printing-copies");
      }
      window.print();
    }

    clearPrint() {
      this.sheets?.remove();
      this.sheets = null;
      document.documentElement.classList.remove("ck-printing-copies");
    }
  }

  const pages = Array.from(document.querySelectorAll("article.checklist[data-checklist]"), (a) => new ChecklistPage(a));
  Playbook.checklist = { ChecklistPage, storage, readDef, pages };
})();
