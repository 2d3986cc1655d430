"use strict";
// Playbook progress page: every quiz's status and best score, the learner's name and class
// code, export, import and reset of the progress (docs/progress.md), and the certificate of
// completion. A classic script (pages work from file://), loaded with defer after
// quiz-core.js and learner.js.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const core = Playbook.quizCore, page = Playbook.page, learner = Playbook.learner;
  const t = page.translator(), site = page.site, el = page.el;
  const num = (x) => page.number(x);
  const day = (iso) => page.date(iso);
  const storage = learner.storage;
  // keys are the exam keys of the trainer edition's progress page; null elsewhere.
  const keys = page.json("pb-keys", null);

  class ProgressPage {
    constructor(section) {
      this.el = section;
      this.message = section.querySelector(".progress-message");
      const { store, notice } = storage.load();
      this.store = store;
      this.available = notice !== "storage_unavailable";
      if (notice) this.say(t(notice));
      const form = section.querySelector("form[data-learner-form]");
      this.learner = form && new learner.LearnerForm(form, {
        saved: (s) => {
          this.store = s;
          return s.learner ? t("learner_saved", s.learner) : t("learner_no_name");
        },
      });
      section.querySelector('[data-action="export"]')?.addEventListener("click", () => this.exportFile());
      const input = section.querySelector('[data-action="import"]');
      input?.addEventListener("change", async () => {
        const file = input.files?.[0];
        input.value = "";
        if (file) await this.importFile(file);
      });
      section.querySelector('[data-action="reset"]')?.addEventListener("click", () => this.reset());
      this.certificate = new Certificate(section, this);
      this.render();
    }

    say(text) { this.message.textContent = text; }

    // fresh re-reads the store, so that changes from another tab are not overwritten.
    fresh() {
      if (this.available) this.store = storage.load().store;
      return this.store;
    }

    // graded is the store as shown: in the trainer edition, with exam attempts graded from
    // the key (core.gradeStore); the store itself keeps what the learner's pages recorded.
    graded(store = this.store) { return core.gradeStore(store, keys); }

    render() {
      const shown = this.graded();
      for (const row of this.el.querySelectorAll("tr[data-progress-quiz]")) {
        const e = shown.quizzes[row.dataset.progressQuiz];
        const status = core.statusOf(e);
        row.dataset.status = status;
        row.dataset.graded = e?.best?.graded ? "true" : "false";
        row.querySelector(".progress-status").textContent = t("status_" + status) + (e?.best?.graded ? " · " + t("graded") : "");
        row.querySelector(".progress-best").textContent = e?.best ? num(e.best.percent) + "%" : "–";
        row.querySelector(".progress-last").textContent = e?.last
          ? day(e.last.date) + (e.attempts > 1 ? " · " + t("attempts", e.attempts) : "")
          : "–";
      }
      for (const row of this.el.querySelectorAll("tr[data-progress-scenario]")) {
        const e = core.own(shown.scenarios, row.dataset.progressScenario);
        row.querySelector(".progress-status").textContent = e?.last ? t("outcome_" + e.last.outcome) : t("status_not_started");
        row.querySelector(".progress-best").textContent = e?.best ? num(e.best.percent) + "%" : "–";
        row.querySelector(".progress-last").textContent = e?.last
          ? day(e.last.date) + (e.attempts > 1 ? " · " + t("attempts", e.attempts) : "")
          : "–";
      }
      this.learner?.show(this.store);
      this.certificate.render();
    }

    // exportFile downloads the progress, named after the learner and the day:
    // crm-playbook-progress-Wang-Li-2026-12-07.json.
    exportFile() {
      const data = core.exportStore(this.fresh());
      const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = el("a", { href: url, download: core.exportName(site, data.learner, data.exported), hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      this.say(t("exported"));
    }

    async importFile(file) {
      let bytes;
      try { bytes = await file.arrayBuffer(); } catch { bytes = new ArrayBuffer(0); }
      const merged = core.importFile(this.fresh(), bytes, site);
      if (!merged.store) { this.say(t("import_failed")); return; }
      this.store = merged.store;
      this.render();
      this.say(this.available && storage.save(this.store) ? t("imported", merged.count) : t("storage_unavailable"));
    }

    // reset deletes everything this course keeps in the browser: the progress with the name
    // and class code, the quizzes in progress, and that the name prompt was dismissed, so
    // the next learner on a shared computer starts afresh.
    reset() {
      if (!window.confirm(t("reset_confirm"))) return;
      storage.clear();
      try {
        const prefix = core.draftPrefix(site);
        for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
      } catch { /* no storage, no drafts */ }
      learner.forget();
      this.store = core.emptyStore(site);
      this.render();
      this.say(t("reset_done"));
    }
  }

  // Certificate offers a printable certificate of completion on the progress page once the
  // rules of core.certificateOf are met. It carries the learner's name as the page's form
  // keeps it (the "learner" of the progress file); nothing leaves the browser.
  class Certificate {
    constructor(section, progress) {
      this.progress = progress;
      this.status = section.querySelector(".certificate-status");
      this.form = section.querySelector(".certificate-form");
      this.nameInput = section.querySelector('form[data-learner-form] [name="learner"]');
      this.sheet = section.querySelector(".certificate-sheet");
      this.rows = Array.from(section.querySelectorAll("tr[data-progress-quiz]"), (r) => ({
        id: r.dataset.progressQuiz, mode: r.dataset.mode, title: r.querySelector("th").textContent.trim(),
      }));
      section.querySelector('[data-action="print-certificate"]')?.addEventListener("click", () => this.print());
      addEventListener("afterprint", () => document.documentElement.classList.remove("printing-certificate"));
    }

    render() {
      if (!this.status) return;
      const c = core.certificateOf(this.progress.graded(), this.rows);
      this.earned = c;
      this.form.hidden = !c.route;
      this.status.textContent = c.route
        ? t(c.route === "exam" ? "cert_earned_exam" : "cert_earned_checks")
        : t("cert_not_yet", c.passed, c.total);
    }

    // fill writes the certificate sheet from the store: name, date, every passed quiz.
    fill(store) {
      this.sheet.querySelector(".certificate-name").textContent = store.learner;
      this.sheet.querySelector(".certificate-text").textContent =
        t(this.earned.route === "exam" ? "cert_text_exam" : "cert_text_checks", day(this.earned.date));
      const body = this.sheet.querySelector(".certificate-scores tbody");
      body.replaceChildren(...this.rows.filter((q) => store.quizzes[q.id]?.best?.passed).map((q) => {
        const best = store.quizzes[q.id].best;
        const tr = el("tr");
        tr.append(el("th", { scope: "row" }, q.title), el("td", {}, num(best.percent) + "%"), el("td", {}, day(best.date)));
        return tr;
      }));
    }

    print() {
      this.progress.learner?.save(false); // a name typed but not yet saved counts
      const store = this.progress.graded({ ...this.progress.fresh() });
      if (!this.progress.available && this.nameInput) store.learner = core.cleanText(this.nameInput.value, core.NAME_MAX);
      if (!store.learner) {
        this.status.textContent = t("cert_need_name");
        this.nameInput?.focus();
        return;
      }
      this.fill(store);
      document.documentElement.classList.add("printing-certificate");
      window.print();
    }
  }

  Playbook.progress = {
    pages: Array.from(document.querySelectorAll("[data-progress]"), (s) => new ProgressPage(s)),
  };
})();
