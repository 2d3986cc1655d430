"use strict";
// Playbook scenario page: plays the conversation of a role-play scenario. The customer's
// lines and the rep's choices unfold in a transcript; feedback follows each choice (or waits
// for the debrief); the end shows the outcome, the score and the debrief, and is kept in the
// learner's progress. "Show me the best path" plays the best choices without keeping
// anything. Rules in scenario-core.js; the progress store in quiz-core.js.
(() => {
  const { page, scenarioCore: core, quizCore } = globalThis.Playbook || {};
  const root = document.querySelector("[data-sc-play]");
  const data = page?.data();
  if (!root || !core || !data || !data.steps) return;
  const t = page.translator("sc_");
  const { el } = page;
  const own = (o, k) => (o != null && Object.hasOwn(o, k) ? o[k] : undefined);

  // html makes an element whose content is HTML the build rendered from the author's
  // Markdown (page data, see site/scenario/view.go).
  const html = (tag, className, markup) => {
    const e = el(tag, { className });
    e.innerHTML = markup || "";
    return e;
  };

  const progress = quizCore?.recordScenario ? page.store(quizCore.storageKey(page.site), quizCore.storeOptions(page.site)) : null;

  const restart = el("button", { type: "button", className: "button", textContent: t("restart") });
  const bestButton = el("button", { type: "button", className: "button", textContent: t("best") });
  const previous = el("p", { className: "sc-previous" });
  const note = el("p", { className: "notice sc-best-note", hidden: true, textContent: t("best_note") });
  const transcript = el("ol", { className: "sc-transcript" });
  const choices = el("div", { className: "sc-choices" });
  const status = el("div", { className: "sc-status", role: "status" });
  root.append(el("div", { className: "sc-toolbar" }, restart, bestButton), previous, note, transcript, choices, status);

  let run = core.start(data);
  let turn = 0;

  const showPrevious = () => {
    if (!progress) return;
    const e = own(progress.load().store.scenarios, data.id);
    const last = e?.last;
    previous.hidden = !last;
    if (last) previous.textContent = t("previous_result", own(data.ends, last.end)?.title || last.end, page.number(last.points), page.number(last.max));
  };

  // customerTurn adds what the customer says at the run's step.
  const customerTurn = () => {
    const step = own(data.steps, run.step);
    turn++;
    const li = el("li", { className: "sc-turn sc-turn-customer", tabIndex: -1 },
      el("p", { className: "sc-speaker" }, t("turn", page.number(turn)), " · ", t("customer")));
    if (step.situation) li.append(html("div", "sc-situation", step.situation));
    li.append(html("blockquote", "sc-says", step.says));
    transcript.append(li);
    return li;
  };

  const feedbackOf = (c) => {
    const box = el("div", { className: "sc-feedback" + (c.poor ? " sc-feedback-poor" : " sc-feedback-good") },
      el("p", { className: "sc-feedback-title" }, t("feedback")));
    box.append(html("div", "", c.feedback));
    if (c.source?.url) box.append(el("p", {}, el("a", { href: c.source.url, textContent: t("read_more", c.source.title) })));
    return box;
  };

  const yourTurn = (c, withFeedback) => {
    const li = el("li", { className: "sc-turn sc-turn-you" }, el("p", { className: "sc-speaker" }, t("you")), html("p", "sc-said", c.text));
    if (withFeedback) li.append(feedbackOf(c));
    transcript.append(li);
  };

  const choiceOf = (move) => own(data.steps, move.step)?.choices.find((c) => c.id === move.choice);

  const ending = (demo) => {
    const end = own(data.ends, run.end);
    const box = el("section", { className: `sc-end sc-end-${end.outcome}`, tabIndex: -1, "aria-labelledby": "sc-end-title" },
      el("h3", { id: "sc-end-title" }, t("end", end.title), " ", el("span", { className: "sc-outcome", textContent: t(`outcome_${end.outcome}`) })),
      el("p", { className: "sc-score" }, t("score", page.number(run.points), page.number(data.max), page.number(core.percent(data, run)))),
      el("h4", {}, t("debrief")), html("div", "sc-debrief", end.debrief));
    if (data.feedback === "end") {
      const list = el("ol", { className: "sc-review" });
      for (const m of run.moves) {
        const c = choiceOf(m);
        if (c) list.append(el("li", {}, html("p", "sc-said", c.text), feedbackOf(c)));
      }
      box.append(el("h4", {}, t("your_choices")), list);
    }
    const again = el("button", { type: "button", className: "button", textContent: t("restart") });
    again.addEventListener("click", () => reset(true));
    box.append(again);
    choices.replaceChildren(box);
    if (demo || !progress) {
      status.textContent = demo || progress ? "" : t("not_saved");
    } else {
      const loaded = progress.load(), result = core.result(data, run);
      quizCore.recordScenario(loaded.store, data.id, result);
      page.emit("scenario", { scenario: data.id, run: result });
      status.textContent = progress.save(loaded.store) ? t("saved") : t("not_saved");
    }
    return box;
  };

  const showChoices = () => {
    const fs = el("fieldset", { className: "sc-options" }, el("legend", {}, t("choose")));
    for (const c of core.offered(data, run)) {
      const b = el("button", { type: "button", className: "sc-option" });
      b.innerHTML = c.text;
      b.addEventListener("click", () => pick(c.id));
      fs.append(b);
    }
    choices.replaceChildren(fs);
  };

  const pick = (id) => {
    const next = core.choose(data, run, id);
    if (!next) return;
    const c = own(data.steps, run.step).choices.find((x) => x.id === id);
    run = next;
    yourTurn(c, data.feedback !== "end");
    if (run.end) {
      ending(false).focus();
      return;
    }
    const li = customerTurn();
    showChoices();
    li.focus();
  };

  const reset = (focus) => {
    run = core.start(data);
    turn = 0;
    note.hidden = true;
    status.textContent = "";
    transcript.replaceChildren();
    const li = customerTurn();
    showChoices();
    showPrevious();
    if (focus) li.focus();
  };

  const playBest = () => {
    reset(false);
    note.hidden = false;
    const best = core.bestRun(data);
    for (const m of best.moves) {
      const c = choiceOf(m);
      run = core.choose(data, run, m.choice);
      yourTurn(c, true);
      if (!run.end) customerTurn();
    }
    if (run.end) ending(true);
    note.tabIndex = -1;
    note.focus();
  };

  restart.addEventListener("click", () => reset(true));
  bestButton.addEventListener("click", playBest);
  reset(false);

  // Printing the page prints the role-play cards: open them for the print, close them after.
  const cards = document.querySelector(".sc-cards-details");
  let wasOpen = false;
  addEventListener("beforeprint", () => { if (cards) { wasOpen = cards.open; cards.open = true; } });
  addEventListener("afterprint", () => { if (cards) cards.open = wasOpen; });
})();
