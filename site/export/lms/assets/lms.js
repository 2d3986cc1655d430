"use strict";
// Playbook LMS wrapper: launches one unit (a course day) of an LMS package. It connects to
// the LMS through the adapter of its dialect (lms-scorm.js: SCORM's API; lms-cmi5.js: cmi5's
// xAPI), restores the place and the progress the LMS kept, shows the unit's pages in a frame,
// hears the pages' events (page.js's emit: a quiz submitted, a scenario finished), notes
// every page the frame shows, has the adapter report them, and ends the session when the
// learner leaves. Without an LMS the pages still show; nothing is kept. The logic is in
// lms-core.js; see docs/lms.md.
(() => {
  const core = globalThis.Playbook?.lmsCore;
  const unit = JSON.parse(document.getElementById("pb-unit")?.textContent || "null");
  const connect = globalThis.Playbook?.lmsAdapters?.[document.documentElement.dataset.playbookLms];
  if (!unit || !core || !connect) return;
  const adapter = connect(unit);
  const frame = document.querySelector(".lms-frame");
  const select = document.querySelector(".lms-pages");
  const prev = document.querySelector(".lms-prev"), next = document.querySelector(".lms-next");
  const status = document.querySelector(".lms-status");
  const root = new URL("../", location.href);
  const pages = unit.pages.map((p) => p.path);
  const started = Date.now();
  let live = false, state = core.emptyState(), at = "";

  // record is what the adapter reports: the progress encoded, what it means, the place.
  const record = () => ({
    suspend: core.encode(state, pages.length), progress: core.progressOf(unit, state), location: at, ms: Date.now() - started,
  });
  const report = () => { if (live) adapter.save(record()); };

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
    at = path;
    report();
  });

  window.addEventListener("message", (e) => {
    if (e.source !== frame.contentWindow || e.origin !== location.origin || e.data?.playbook !== "lms-event") return;
    const i = pages.indexOf(pathOf(e.source));
    const d = e.data.detail || {};
    if (e.data.type === "quiz") {
      if (i >= 0) core.recordQuiz(state, i, d.attempt || {});
      if (live) adapter.quiz(d);
    } else if (e.data.type === "scenario" && i >= 0 && d.run) {
      core.recordScenario(state, i, d.run);
    }
    report();
  });

  // finish ends the session once, when the learner leaves.
  let finished = false;
  const finish = () => {
    if (!live || finished) return;
    finished = true;
    adapter.finish(record());
  };
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  // Once connected (or not), the frame opens where the learner left off, else at the unit's
  // first page.
  const open = (kept) => {
    live = Boolean(kept?.live);
    status.textContent = live ? unit.strings.connected : unit.strings.offline;
    if (live) state = core.decode(kept.suspend, pages.length);
    const place = live ? kept.location || "" : "";
    frame.src = new URL(place && !place.includes("..") && /\.html$/.test(place) ? place : pages[0], root).href;
  };
  adapter.start().then(open, () => open(null));
})();
