"use strict";
// Playbook quiz pages and the progress page: the DOM side of quiz-core.js. A classic script
// (pages work from file://), loaded with defer after quiz-core.js.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const core = Playbook.quizCore, page = Playbook.page;
  const t = page.translator(), site = page.site, el = page.el;
  const num = (x) => page.number(x);
  const day = (iso) => page.date(iso);
  // keys are the exam keys of the trainer edition's progress page; null elsewhere.
  const keys = page.json("pb-keys", null);

  // storage keeps the progress store in localStorage (see page.js).
  const storage = page.store(core.storageKey(site), {
    empty: () => core.emptyStore(site),
    read: (raw) => core.parseStore(raw, site).store,
  });

  // responseOf reads what the learner answered to one question, in the encoding of
  // docs/progress.md (the same as the Go quiz.Response).
  const responseOf = (li, type) => {
    const id = li.dataset.question;
    switch (type) {
      case "single": case "multiple": case "true-false": {
        const choices = Array.from(li.querySelectorAll("input:checked"), (i) => i.value);
        return choices.length ? { choices } : {};
      }
      case "ordering": {
        const items = Array.from(li.querySelectorAll(".order-item"));
        const pos = Object.fromEntries(items.map((it) => [it.dataset.item, it.querySelector("select").value]));
        const order = core.orderFromPositions(items.map((it) => it.dataset.item), pos);
        return order.some(Boolean) ? { order } : {};
      }
      case "matching": {
        const matches = {};
        for (const row of li.querySelectorAll(".match-row")) {
          const v = row.querySelector("select").value;
          if (v) matches[row.dataset.left] = v;
        }
        return Object.keys(matches).length ? { matches } : {};
      }
      case "reflection": {
        const text = li.querySelector(`textarea[name="${CSS.escape(id)}"]`)?.value.trim() || "";
        return text ? { text } : {};
      }
    }
    return {};
  };

  const MARKS = ["is-right", "is-wrong", "is-partly", "is-unanswered", "is-reflection", "is-chosen", "is-key"];

  class QuizPage {
    constructor(article) {
      this.el = article;
      this.id = article.dataset.quiz;
      // data is the quiz of the page data (pb-data, see docs/scripts.md).
      const d = page.data();
      this.data = d?.quiz === this.id ? d : { questions: [] };
      this.byId = new Map((this.data.questions || []).map((q) => [q.id, q]));
      this.version = this.data.version || "";
      this.passMark = Number(this.data.passMark) || 0;
      this.withKey = this.data.withKey === true;
      this.trainer = document.body.classList.contains("edition-trainer");
      this.form = article.querySelector(".quiz-form");
      this.list = article.querySelector("ol.questions");
      this.actions = article.querySelector(".quiz-actions");
      this.result = article.querySelector(".quiz-result");
      this.result.tabIndex = -1;
      const header = article.querySelector(".page-header");
      this.notices = el("div", { className: "quiz-notices" });
      this.notices.setAttribute("role", "status");
      this.best = el("p", { className: "quiz-best meta", hidden: true });
      header.append(this.best, this.notices);
      this.resultActions = el("div", { className: "result-actions", hidden: true });
      this.retryButton = el("button", { type: "button", className: "button" }, t("retry"));
      this.mistakesButton = el("button", { type: "button", className: "button" }, t("review_mistakes"));
      this.retryButton.addEventListener("click", () => this.retry());
      this.mistakesButton.addEventListener("click", () => this.toggleMistakes());
      this.resultActions.append(this.retryButton, this.mistakesButton);
      this.result.after(this.resultActions);
      this.form.addEventListener("submit", (e) => { e.preventDefault(); this.submit(false); });

      const { store, notice } = storage.load();
      if (notice) this.notice(t(notice));
      const entry = store.quizzes[this.id];
      if (entry && entry.version !== this.version) {
        this.notice(t("quiz_changed"));
        entry.version = this.version; // tell once
        storage.save(store);
      }
      this.showBest(entry);
      if (!this.trainer) this.shuffle();
      this.renumber();
      this.startTimer();
    }

    questions() { return Array.from(this.list.querySelectorAll(":scope > li.question")); }

    notice(text) { this.notices.append(el("p", { className: "notice" }, text)); }

    showBest(entry) {
      if (!entry?.best) return;
      this.best.textContent = t("best", num(entry.best.percent)) + (entry.attempts > 1 ? " · " + t("attempts", entry.attempts) : "");
      this.best.hidden = false;
    }

    // question returns the data of the question li shows.
    question(li) { return this.byId.get(li.dataset.question) || { id: li.dataset.question, type: "", points: 0 }; }

    // shuffle puts the options (shuffleOptions) and the questions (shuffleQuestions) in a
    // new random order. The trainer edition keeps the page order, so a printed page matches
    // its answer key.
    shuffle() {
      if (this.data.shuffleOptions) {
        for (const ul of this.el.querySelectorAll("ul.options")) ul.append(...core.shuffle(ul.children));
      }
      if (this.data.shuffleQuestions) this.list.append(...core.shuffle(this.questions()));
    }

    renumber() {
      this.questions().forEach((li, i) => {
        const n = li.querySelector(".question-number");
        if (n) n.textContent = t("question_n", i + 1);
      });
    }

    lock(locked) {
      for (const f of this.form.querySelectorAll("fieldset")) f.disabled = locked;
      this.actions.hidden = locked;
    }

    submit(timeUp) {
      if (this.submitted) return;
      this.submitted = true;
      this.stopTimer();
      const responses = {}, points = {}, results = {}, scores = [];
      for (const li of this.questions()) {
        const q = this.question(li), qid = li.dataset.question, r = responseOf(li, q.type);
        responses[qid] = r;
        if (!this.withKey) continue;
        const s = core.scoreQuestion(q.type, q.answer, q.points, r);
        if (s.result !== "unscored") {
          points[qid] = core.round(s.earned, 4);
          results[qid] = s.result;
          scores.push(s);
        }
        this.mark(li, q, s, r);
      }
      const date = new Date().toISOString();
      const total = this.withKey ? core.totals(scores, this.passMark) : null;
      const attempt = total
        ? { date, version: this.version, scored: true, ...total, responses, points }
        : { date, version: this.version, scored: false, earned: null, max: null, percent: null, passed: null, responses, points };
      const { store, notice } = storage.load();
      core.recordAttempt(store, this.id, attempt, results);
      const saved = notice !== "storage_unavailable" && storage.save(store);
      this.lock(true);
      this.showResult(total, timeUp, saved);
      if (saved) this.showBest(store.quizzes[this.id]);
    }

    // mark shows one question's verdict, its feedback and the marks on its choices.
    mark(li, q, s, r) {
      const cls = { right: "is-right", partly: "is-partly", wrong: "is-wrong", unanswered: "is-wrong", unscored: "is-reflection" }[s.result];
      li.classList.add(cls);
      if (s.result === "unanswered") li.classList.add("is-unanswered");
      const verdict = {
        right: () => t("correct"), partly: () => t("partly", num(core.round(s.earned)), num(s.max)),
        wrong: () => t("incorrect"), unanswered: () => t("unanswered"), unscored: () => t("compare_model"),
      }[s.result]();
      const fb = li.querySelector(".question-feedback");
      if (fb) {
        fb.hidden = false;
        const v = fb.querySelector(".verdict");
        if (v) v.textContent = verdict;
      }
      const key = core.parseAnswer(q.type, q.answer);
      for (const opt of li.querySelectorAll("li.option")) {
        const chosen = opt.querySelector("input")?.checked;
        opt.classList.toggle("is-chosen", Boolean(chosen));
        opt.classList.toggle("is-key", Array.isArray(key) && key.includes(opt.dataset.option));
        const ofb = opt.querySelector(".option-feedback");
        if (ofb) ofb.hidden = !chosen;
      }
      if (q.type === "ordering") {
        for (const it of li.querySelectorAll(".order-item")) {
          const ok = (r.order || [])[key.indexOf(it.dataset.item)] === it.dataset.item;
          it.classList.add(ok ? "is-right" : "is-wrong");
        }
      } else if (q.type === "matching") {
        for (const row of li.querySelectorAll(".match-row")) {
          row.classList.add((r.matches || {})[row.dataset.left] === key[row.dataset.left] ? "is-right" : "is-wrong");
        }
      }
    }

    showResult(total, timeUp, saved) {
      this.result.replaceChildren();
      this.result.hidden = false;
      const lines = [];
      if (timeUp) lines.push(el("p", { className: "result-time-up" }, t("time_up")));
      if (total) {
        lines.push(el("p", { className: "result-score" }, t("score", num(total.earned), num(total.max), num(total.percent))));
        lines.push(el("p", { className: "result-verdict " + (total.passed ? "is-passed" : "is-failed") },
          t(total.passed ? "passed" : "failed", this.passMark)));
        if (!saved) lines.push(el("p", { className: "result-not-saved" }, t("storage_unavailable")));
      } else {
        lines.push(el("p", { className: "result-saved" }, t(saved ? "exam_saved" : "storage_unavailable")));
      }
      this.result.append(...lines);
      this.resultActions.hidden = !total;
      this.onlyMistakes = false;
      this.mistakesButton.textContent = t("review_mistakes");
      this.result.focus();
    }

    toggleMistakes() {
      this.onlyMistakes = !this.onlyMistakes;
      for (const li of this.questions()) {
        const mistake = li.classList.contains("is-wrong") || li.classList.contains("is-partly");
        li.hidden = this.onlyMistakes && !mistake;
      }
      this.mistakesButton.textContent = t(this.onlyMistakes ? "show_all" : "review_mistakes");
    }

    retry() {
      this.form.reset();
      for (const li of this.questions()) {
        li.hidden = false;
        for (const e of [li, ...li.querySelectorAll(".option, .order-item, .match-row")]) e.classList.remove(...MARKS);
        const fb = li.querySelector(".question-feedback");
        if (fb) {
          fb.hidden = true;
          const v = fb.querySelector(".verdict");
          if (v) v.textContent = "";
        }
        for (const o of li.querySelectorAll(".option-feedback")) o.hidden = true;
      }
      this.result.hidden = true;
      this.result.replaceChildren();
      this.resultActions.hidden = true;
      this.lock(false);
      this.submitted = false;
      if (!this.trainer) this.shuffle();
      this.renumber();
      this.startTimer();
      this.questions()[0]?.querySelector("input, select, textarea")?.focus();
    }

    // startTimer shows a countdown for the quiz's timeLimit minutes and submits at zero. The
    // clock itself is silent (role=timer); a polite message announces 5 and 1 minute left.
    startTimer() {
      const minutes = Number(this.data.timeLimit);
      if (!(minutes > 0)) return;
      if (!this.clock) {
        this.clock = el("p", { className: "quiz-timer" });
        this.clock.setAttribute("role", "timer");
        this.announcer = el("p", { className: "visually-hidden" });
        this.announcer.setAttribute("aria-live", "polite");
        this.form.before(this.clock, this.announcer);
      }
      this.limit = minutes * 60;
      this.deadline = Date.now() + this.limit * 1000;
      this.announced = new Set();
      this.clock.hidden = false;
      this.tick();
      this.interval = setInterval(() => this.tick(), 500);
    }

    tick() {
      const left = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
      const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = String(left % 60).padStart(2, "0");
      const text = t("time_left", h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`);
      if (this.clock.textContent !== text) this.clock.textContent = text;
      for (const mark of [300, 60]) {
        if (left <= mark && left > 0 && !this.announced.has(mark) && this.limit > mark) {
          this.announced.add(mark);
          this.announcer.textContent = text;
        }
      }
      if (left === 0) this.submit(true);
    }

    stopTimer() {
      clearInterval(this.interval);
      if (this.clock) this.clock.hidden = true;
    }
  }

  class ProgressPage {
    constructor(section) {
      this.el = section;
      this.message = section.querySelector(".progress-message");
      const { store, notice } = storage.load();
      this.store = store;
      this.available = notice !== "storage_unavailable";
      if (notice) this.say(t(notice));
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
    graded() { return core.gradeStore(this.store, keys); }

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
      this.certificate.render();
    }

    exportFile() {
      const data = core.exportStore(this.fresh());
      const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = el("a", { href: url, download: `${site}-progress-${data.exported.slice(0, 10)}.json`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      this.say(t("exported"));
    }

    async importFile(file) {
      let text;
      try { text = await file.text(); } catch { text = ""; }
      const r = core.parseStore(text, site);
      if (!r.store) { this.say(t("import_failed")); return; }
      const merged = core.mergeStores(this.fresh(), r.store);
      this.store = merged.store;
      this.render();
      this.say(this.available && storage.save(this.store) ? t("imported", merged.count) : t("storage_unavailable"));
    }

    reset() {
      if (!window.confirm(t("reset_confirm"))) return;
      storage.clear();
      this.store = core.emptyStore(site);
      this.render();
      this.say(t("reset_done"));
    }
  }

  // Certificate offers a printable certificate of completion on the progress page once the
  // rules of core.certificateOf are met. The learner's name is kept with the progress (the
  // "learner" of the progress file); nothing leaves the browser.
  class Certificate {
    constructor(section, progress) {
      this.progress = progress;
      this.status = section.querySelector(".certificate-status");
      this.form = section.querySelector(".certificate-form");
      this.name = section.querySelector(".certificate-name-input");
      this.sheet = section.querySelector(".certificate-sheet");
      this.rows = Array.from(section.querySelectorAll("tr[data-progress-quiz]"), (r) => ({
        id: r.dataset.progressQuiz, mode: r.dataset.mode, title: r.querySelector("th").textContent.trim(),
      }));
      this.name?.addEventListener("change", () => {
        const store = progress.fresh();
        store.learner = this.name.value.trim();
        if (progress.available) storage.save(store);
      });
      section.querySelector('[data-action="print-certificate"]')?.addEventListener("click", () => this.print());
      addEventListener("afterprint", () => document.documentElement.classList.remove("printing-certificate"));
    }

    render() {
      if (!this.status) return;
      const store = this.progress.graded();
      const c = core.certificateOf(store, this.rows);
      this.earned = c;
      this.form.hidden = !c.route;
      if (c.route) {
        this.status.textContent = t(c.route === "exam" ? "cert_earned_exam" : "cert_earned_checks");
        if (!this.name.value) this.name.value = store.learner || "";
      } else {
        this.status.textContent = t("cert_not_yet", c.passed, c.total);
      }
    }

    // fill writes the certificate sheet from the store: name, date, every passed quiz.
    fill() {
      this.progress.fresh();
      const store = this.progress.graded();
      const name = this.name.value.trim();
      this.sheet.querySelector(".certificate-name").textContent = name;
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
      if (!this.name.value.trim()) {
        this.status.textContent = t("cert_need_name");
        this.name.focus();
        return;
      }
      this.fill();
      document.documentElement.classList.add("printing-certificate");
      window.print();
    }
  }

  const pages = {
    quizzes: Array.from(document.querySelectorAll("article.quiz[data-quiz]"), (a) => new QuizPage(a)),
    progress: Array.from(document.querySelectorAll("[data-progress]"), (s) => new ProgressPage(s)),
  };
  Playbook.quiz = { QuizPage, ProgressPage, storage, responseOf, pages };
})();
