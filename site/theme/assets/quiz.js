"use strict";
// Playbook quiz pages: the DOM side of quiz-core.js. A classic script (pages work from
// file://), loaded with defer after quiz-core.js and learner.js. The progress page has its
// own script, progress.js.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const core = Playbook.quizCore, page = Playbook.page;
  const t = page.translator(), site = page.site, el = page.el;
  const num = (x) => page.number(x);
  const storage = Playbook.learner.storage;
  // Objects keyed by question, option, item and term ids are dicts (see quiz-core.js).
  const dict = core.dict;

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
        const matches = dict();
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

  // answerOf reads the state of one question's form, as a draft keeps it (quiz-core.js): what
  // is ticked, the position chosen for each item, the choice for each term, the text.
  const answerOf = (li) => {
    const choices = Array.from(li.querySelectorAll("input:checked"), (i) => i.value);
    if (choices.length) return { choices };
    const positions = dict(), matches = dict();
    for (const it of li.querySelectorAll(".order-item")) {
      const v = it.querySelector("select").value;
      if (v) positions[it.dataset.item] = v;
    }
    if (Object.keys(positions).length) return { positions };
    for (const row of li.querySelectorAll(".match-row")) {
      const v = row.querySelector("select").value;
      if (v) matches[row.dataset.left] = v;
    }
    if (Object.keys(matches).length) return { matches };
    const text = li.querySelector("textarea")?.value || "";
    return text.trim() ? { text } : {};
  };

  // restoreAnswer puts a draft's answer back into one question's form; values the form
  // does not offer (any more) are left out.
  const restoreAnswer = (li, a) => {
    for (const input of li.querySelectorAll("input")) input.checked = (a.choices || []).includes(input.value);
    const choose = (select, value) => {
      if (value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
    };
    for (const it of li.querySelectorAll(".order-item")) choose(it.querySelector("select"), a.positions?.[it.dataset.item]);
    for (const row of li.querySelectorAll(".match-row")) choose(row.querySelector("select"), a.matches?.[row.dataset.left]);
    const area = li.querySelector("textarea");
    if (area && typeof a.text === "string") area.value = a.text;
  };

  // layoutOf returns the ids a question offers in the order of the page's markup (before any
  // shuffle): options, items to order, terms and choices to match. The LMS wrapper numbers
  // responses by them (SCORM 1.2 takes single characters).
  const layoutOf = (li) => {
    const ids = (sel, key) => Array.from(li.querySelectorAll(sel), (n) => n.dataset[key]);
    const select = li.querySelector(".match-row select");
    return {
      options: ids("li.option", "option"), items: ids(".order-item", "item"), lefts: ids(".match-row", "left"),
      rights: select ? Array.from(select.options, (o) => o.value).filter(Boolean) : [],
    };
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
      this.form.addEventListener("submit", (e) => { e.preventDefault(); this.ask(); });
      this.confirmation = new Confirmation(this);
      // Every answer is kept as it is given, so that a reload loses nothing.
      for (const type of ["input", "change"]) this.form.addEventListener(type, () => this.saveDraft());
      this.drafts = page.store(core.draftKey(site, this.id), {
        empty: () => ({ draft: null }),
        read: (raw) => core.parseDraft(raw, this.id, this.version),
      });

      const { store, notice } = storage.load();
      if (notice) this.notice(t(notice));
      const entry = store.quizzes[this.id];
      if (entry && entry.version !== this.version) {
        this.notice(t("quiz_changed"));
        entry.version = this.version; // tell once
        storage.save(store);
      }
      this.showBest(entry);
      const ask = article.querySelector("form[data-learner-prompt]");
      if (ask && notice !== "storage_unavailable") Playbook.learner.prompt(ask, store);
      const draft = this.drafts.load().store.draft; // an unreadable draft is set aside, silently
      this.layout = Object.fromEntries(this.questions().map((li) => [li.dataset.question, layoutOf(li)]));
      this.arrange(draft);
      this.renumber();
      const restored = draft ? this.restore(draft) : false;
      // An exam whose time ran out while the page was closed is submitted at once with what
      // was saved. With nothing saved there is nothing to hand in, and an empty attempt
      // would stand as the last one in place of a real one: the clock starts afresh instead.
      const ranOut = draft?.deadline && Date.parse(draft.deadline) <= Date.now();
      this.startTimer(ranOut && !restored ? undefined : draft?.deadline);
      if (this.examClock()) this.saveDraft(); // an exam's clock runs from the first visit, whatever happens next
      if (restored && !this.submitted) this.notice(t("draft_restored"));
    }

    // examClock says whether the page counts down an exam, whose deadline a reload keeps.
    examClock() { return this.data.mode === "exam" && Boolean(this.deadline); }

    questions() { return Array.from(this.list.querySelectorAll(":scope > li.question")); }

    notice(text) { this.notices.append(el("p", { className: "notice" }, text)); }

    showBest(entry) {
      if (!entry?.best) return;
      this.best.textContent = t("best", num(entry.best.percent)) + (entry.attempts > 1 ? " · " + t("attempts", entry.attempts) : "");
      this.best.hidden = false;
    }

    // question returns the data of the question li shows.
    question(li) { return this.byId.get(li.dataset.question) || { id: li.dataset.question, type: "", points: 0 }; }

    // arrange puts the options (shuffleOptions) and the questions (shuffleQuestions) in the
    // order the draft recorded, or in a new random order. The trainer edition keeps the page
    // order, so a printed page matches its answer key.
    arrange(draft) {
      if (this.trainer) return;
      const byData = (nodes, key) => new Map(Array.from(nodes, (n) => [n.dataset[key], n]));
      if (this.data.shuffleOptions) {
        for (const ul of this.el.querySelectorAll("ul.options")) {
          const items = byData(ul.children, "option");
          const qid = ul.closest("li.question")?.dataset.question;
          ul.append(...core.arrange(items.keys(), draft?.options?.[qid], true).map((id) => items.get(id)));
        }
      }
      if (this.data.shuffleQuestions) {
        const items = byData(this.questions(), "question");
        this.list.append(...core.arrange(items.keys(), draft?.questions, true).map((id) => items.get(id)));
      }
    }

    // saveDraft keeps what the learner has filled in, the order shown and the deadline,
    // until the quiz is submitted or tried again (docs/progress.md).
    saveDraft() {
      if (this.submitted) return;
      const draft = { quiz: this.id, version: this.version, answers: dict() };
      for (const li of this.questions()) {
        const a = answerOf(li);
        if (core.filled(a)) draft.answers[li.dataset.question] = a;
      }
      if (!this.trainer && this.data.shuffleQuestions) draft.questions = this.questions().map((li) => li.dataset.question);
      if (!this.trainer && this.data.shuffleOptions) {
        draft.options = dict();
        for (const li of this.questions()) {
          const ul = li.querySelector("ul.options");
          if (ul) draft.options[li.dataset.question] = Array.from(ul.children, (o) => o.dataset.option);
        }
      }
      if (this.examClock()) draft.deadline = new Date(this.deadline).toISOString();
      this.drafts.save(draft);
    }

    // restore fills the form in again from a draft; it reports whether there was anything.
    restore(draft) {
      let any = false;
      for (const li of this.questions()) {
        const a = draft.answers[li.dataset.question];
        if (!a) continue;
        restoreAnswer(li, a);
        any = true;
      }
      return any;
    }

    // unanswered counts the questions with nothing filled in.
    unanswered() {
      const answers = Object.fromEntries(this.questions().map((li) => [li.dataset.question, answerOf(li)]));
      return core.unanswered(Object.keys(answers), answers);
    }

    // ask submits, or first asks when questions are left unanswered.
    ask() {
      if (this.submitted) return;
      const n = this.unanswered();
      if (n > 0) this.confirmation.open(n);
      else this.submit(false);
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

    // submit scores (with the key) and records the attempt. timeUp says the time limit ended
    // it; closed, that it ended while the page was closed.
    submit(timeUp, closed = false) {
      if (this.submitted) return;
      this.submitted = true;
      this.stopTimer();
      this.confirmation.close();
      const responses = dict(), points = dict(), results = dict(), scores = [];
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
      page.emit("quiz", {
        quiz: this.id, passMark: this.passMark, attempt, results, layout: this.layout,
        questions: (this.data.questions || []).map(({ id, type, points }) => ({ id, type, points })),
      });
      const saved = notice !== "storage_unavailable" && storage.save(store);
      if (saved) this.drafts.clear();
      this.lock(true);
      this.showResult(total, timeUp, saved, closed);
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
          row.classList.add(r.matches?.[row.dataset.left] === key[row.dataset.left] ? "is-right" : "is-wrong");
        }
      }
    }

    showResult(total, timeUp, saved, closed) {
      this.result.replaceChildren();
      this.result.hidden = false;
      const lines = [];
      if (timeUp) lines.push(el("p", { className: "result-time-up" }, t(closed ? "time_up_closed" : "time_up")));
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
      this.drafts.clear();
      this.arrange(null);
      this.renumber();
      this.startTimer();
      if (this.examClock()) this.saveDraft();
      this.questions()[0]?.querySelector("input, select, textarea")?.focus();
    }

    // startTimer shows a countdown for the quiz's timeLimit minutes and submits at zero. The
    // clock itself is silent (role=timer); a polite message announces 5 and 1 minute left.
    // An exam's deadline survives a reload: saved is the draft's deadline, if any.
    startTimer(saved) {
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
      const fresh = Date.now() + this.limit * 1000;
      // A self-check's clock starts afresh on every visit; an exam's keeps running. A saved
      // deadline later than a full limit from now (a changed clock) is cut to one.
      this.deadline = this.data.mode === "exam" && saved ? Math.min(Date.parse(saved), fresh) : fresh;
      this.ranOutClosed = this.deadline <= Date.now();
      this.announced = new Set();
      this.clock.hidden = false;
      this.tick();
      this.interval = setInterval(() => this.tick(), 500);
    }

    tick() {
      const left = core.secondsLeft(this.deadline, Date.now());
      const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = String(left % 60).padStart(2, "0");
      const text = t("time_left", h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`);
      if (this.clock.textContent !== text) this.clock.textContent = text;
      for (const mark of [300, 60]) {
        if (left <= mark && left > 0 && !this.announced.has(mark) && this.limit > mark) {
          this.announced.add(mark);
          this.announcer.textContent = text;
        }
      }
      if (left === 0) this.submit(true, this.ranOutClosed);
    }

    stopTimer() {
      clearInterval(this.interval);
      if (this.clock) this.clock.hidden = true;
    }
  }

  // Confirmation asks, in the page, before a quiz with unanswered questions is submitted:
  // "3 questions are unanswered. Submit anyway?". It takes the submit button's place and
  // the focus goes to "Back to the questions", which leads to the first question left empty.
  // The time limit submits without asking.
  class Confirmation {
    constructor(quiz) {
      this.quiz = quiz;
      const id = `pb-confirm-${quiz.id}`;
      this.text = el("p", { className: "quiz-confirm-text", id });
      this.submitButton = el("button", { type: "button", className: "button primary" }, t("submit_anyway"));
      this.backButton = el("button", { type: "button", className: "button" }, t("keep_answering"));
      this.box = el("div", { className: "quiz-confirm", role: "group", "aria-labelledby": id, hidden: true },
        this.text, el("div", { className: "quiz-confirm-actions" }, this.submitButton, this.backButton));
      this.submitButton.addEventListener("click", () => quiz.submit(false));
      this.backButton.addEventListener("click", () => this.back());
      this.box.addEventListener("keydown", (e) => { if (e.key === "Escape") this.back(); });
      this.submit = quiz.actions.querySelector('[type="submit"]');
      quiz.actions.append(this.box);
    }

    open(n) {
      this.text.textContent = n === 1 ? t("unanswered_confirm_one") : t("unanswered_confirm", n);
      this.box.hidden = false;
      this.submit.hidden = true;
      this.backButton.focus();
    }

    close() {
      this.box.hidden = true;
      this.submit.hidden = false;
    }

    // back closes the question and takes the learner to the first question left empty.
    back() {
      this.close();
      const empty = this.quiz.questions().find((li) => !core.filled(answerOf(li)));
      const target = empty?.querySelector("input, select, textarea") || this.submit;
      target.focus();
    }
  }

  const pages = {
    quizzes: Array.from(document.querySelectorAll("article.quiz[data-quiz]"), (a) => new QuizPage(a)),
  };
  Playbook.quiz = { QuizPage, responseOf, answerOf, pages };
})();
