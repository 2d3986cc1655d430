"use strict";
// Playbook LMS wrapper: launches one unit (a course day) of an LMS package. It finds the
// LMS's API as the ADL rules say (the frames above, then the opener's), starts a session,
// restores the place and the progress kept in the data model, shows the unit's pages in a
// frame, hears the pages' events (page.js's emit: a quiz submitted, a scenario finished),
// notes every page the frame shows, reports status, score and interactions, and ends the
// session when the learner leaves. Without an LMS the pages still show; nothing is kept.
// The logic is in lms-core.js; see docs/lms.md.
(() => {
  const core = globalThis.Playbook?.lmsCore;
  const unit = JSON.parse(document.getElementById("pb-unit")?.textContent || "null");
  const dialect = core?.dialects[document.documentElement.dataset.playbookLms];
  if (!unit || !dialect) return;
  const frame = document.querySelector(".lms-frame");
  const select = document.querySelector(".lms-pages");
  const prev = document.querySelector(".lms-prev"), next = document.querySelector(".lms-next");
  const status = document.querySelector(".lms-status");
  const root = new URL("../", location.href);
  const pages = unit.pages.map((p) => p.path);

  // findAPI looks for the API in win and its parents, at most 500 levels up (ADL's rule).
  const findIn = (win) => {
    for (let tries = 0; win && tries < 500; tries++) {
      try { if (win[dialect.api]) return win[dialect.api]; } catch { /* another origin */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  const api = findIn(window) || (window.opener && findIn(window.opener)) || (window.top?.opener && findIn(window.top.opener));
  const call = (name, ...args) => {
    try { return api ? String(api[dialect[name]](...args)) : ""; } catch { return ""; }
  };
  const started = Date.now();
  const live = api ? call("init", "") === "true" : false;
  status.textContent = live ? unit.strings.connected : unit.strings.offline;

  const state = live ? core.decode(call("get", dialect.suspend), pages.length) : core.emptyState();
  const set = (name, value) => (live ? call("set", name, String(value)) : "");

  // report writes the progress, the statuses and the score, and commits.
  const report = () => {
    if (!live) return;
    set(dialect.suspend, core.encode(state, pages.length));
    const p = core.progressOf(unit, state);
    for (const [k, v] of Object.entries(dialect.statuses(p))) set(k, v);
    if (p.score !== null) {
      set(dialect.score + ".min", 0);
      set(dialect.score + ".max", 100);
      set(dialect.score + ".raw", p.score);
      if (dialect.scaled) set(dialect.score + ".scaled", Math.round(p.score * 100) / 10000);
    }
    call("commit", "");
  };

  // pathOf is the path from the package's root of the page a window shows, or "".
  const pathOf = (win) => {
    try {
      const u = new URL(win.location.href);
      return u.href.startsWith(root.href) ? decodeURIComponent(u.pathname.slice(root.pathname.length)) : "";
    } catch { return ""; }
  };

  const show = (i) => { if (i >= 0 && i < pages.length) frame.src = new URL(pages[i], root).href; };
  select.addEventListener("change", () => show(Number(select.value)));
  prev.addEventListener("click", () => show(Number(select.value) - 1));
  next.addEventListener("click", () => show(Number(select.value) + 1));

  // Every page the frame shows is viewed; a page of the unit updates the bar, any page of
  // the package becomes the place to resume at.
  frame.addEventListener("load", () => {
    const path = pathOf(frame.contentWindow);
    if (!path) return;
    const i = pages.indexOf(path);
    if (i >= 0) {
      state.viewed.add(i);
      select.value = String(i);
      for (const [k, o] of Array.from(select.options).entries()) o.textContent = (state.viewed.has(k) ? "✓ " : "") + unit.pages[k].title;
    }
    prev.disabled = i <= 0;
    next.disabled = i < 0 || i >= pages.length - 1;
    if (path.length <= 255) set(dialect.location, path);
    report();
  });

  // interaction appends one question of a submitted quiz to the data model's interactions.
  const interaction = (x) => {
    const n = Number(call("get", dialect.interactions + "._count")) || 0;
    const at = `${dialect.interactions}.${n}.`;
    set(at + "id", x.id);
    set(at + "type", x.type);
    set(at + "weighting", x.weighting);
    if (x.response) set(at + dialect.response, x.response);
    if (x.result) set(at + "result", x.result);
  };

  window.addEventListener("message", (e) => {
    if (e.source !== frame.contentWindow || e.origin !== location.origin || e.data?.playbook !== "lms-event") return;
    const i = pages.indexOf(pathOf(e.source));
    const d = e.data.detail || {};
    if (e.data.type === "quiz") {
      if (i >= 0) core.recordQuiz(state, i, d.attempt || {});
      if (live) core.interactions(dialect, d).forEach(interaction);
    } else if (e.data.type === "scenario" && i >= 0 && d.run) {
      core.recordScenario(state, i, d.run);
    }
    report();
  });

  // finish ends the session once: the time spent, "suspend" so that the LMS keeps the
  // progress for the next launch, a last commit.
  let finished = false;
  const finish = () => {
    if (!live || finished) return;
    finished = true;
    set(dialect.sessionTime, dialect.time(Date.now() - started));
    set(dialect.exit, "suspend");
    report();
    call("finish", "");
  };
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  // The frame opens where the learner left off, else at the unit's first page.
  const at = live ? call("get", dialect.location) : "";
  frame.src = new URL(at && !at.includes("..") && /\.html$/.test(at) ? at : pages[0], root).href;
})();
