"use strict";
// Playbook LMS core: the pure logic of the wrapper that launches one unit (a course day) of
// an LMS package (docs/lms.md). No DOM, no API: the progress of a unit, its compact encoding
// for cmi.suspend_data, the statuses and score it gives, and the interactions a submitted
// quiz becomes, in the words of each SCORM version (dialects). lms.js does the rest.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  if (Playbook.lmsCore) return;

  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const END_ID = /^[A-Za-z0-9_-]{1,40}$/; // lms.MaxEndID

  // A unit's progress: the pages viewed (indexes of its reading order), each quiz page's
  // best percent (null: submitted, not scored in the page) and each scenario page's best run.
  const emptyState = () => ({ viewed: new Set(), quizzes: new Map(), scenarios: new Map() });

  // percent keeps a whole percent, rounded down so that a kept score never passes a pass
  // mark the page did not.
  const percent = (p) => Math.max(0, Math.min(100, Math.floor(Number(p) + 1e-9) || 0));
  const byIndex = (m, n) => [...m].filter(([i]) => i < n).sort((a, b) => a[0] - b[0]);

  // encode writes the progress of a unit of n pages as 1;<viewed>;<quizzes>;<scenarios>.
  const encode = (state, n) => {
    let bits = "";
    for (let i = 0; i < n; i += 6) {
      let v = 0;
      for (let b = 0; b < 6; b++) if (state.viewed.has(i + b)) v |= 1 << b;
      bits += B64[v];
    }
    const quizzes = byIndex(state.quizzes, n).map(([i, p]) => `${i}:${p === null ? "x" : percent(p)}`);
    const scenarios = byIndex(state.scenarios, n).map(([i, s]) => `${i}:${percent(s.percent)}:${END_ID.test(s.end) ? s.end : "?"}`);
    return `1;${bits};${quizzes.join(",")};${scenarios.join(",")}`;
  };

  // decode reads what encode wrote for a unit of n pages; anything it cannot read (another
  // format, a unit that changed size) is left out rather than trusted.
  const decode = (text, n) => {
    const state = emptyState();
    const parts = typeof text === "string" ? text.split(";") : [];
    if (parts.length !== 4 || parts[0] !== "1") return state;
    [...parts[1]].forEach((c, k) => {
      const v = B64.indexOf(c);
      for (let b = 0; b < 6 && v >= 0; b++) if (v & (1 << b) && k * 6 + b < n) state.viewed.add(k * 6 + b);
    });
    const entries = (s) => (s ? s.split(",").map((e) => e.split(":")) : []);
    const index = (s) => (/^\d+$/.test(s) && Number(s) < n ? Number(s) : -1);
    for (const [i, p] of entries(parts[2])) {
      if (index(i) >= 0 && (p === "x" || /^\d{1,3}$/.test(p))) state.quizzes.set(index(i), p === "x" ? null : percent(p));
    }
    for (const [i, p, end] of entries(parts[3])) {
      if (index(i) >= 0 && /^\d{1,3}$/.test(p) && end) state.scenarios.set(index(i), { percent: percent(p), end });
    }
    return state;
  };

  // recordQuiz keeps a submitted attempt of the quiz on page i: its best percent, or null
  // for an attempt the page did not score (an exam without its key).
  const recordQuiz = (state, i, attempt) => {
    const prev = state.quizzes.get(i);
    if (attempt.scored) state.quizzes.set(i, Math.max(percent(attempt.percent), prev ?? 0));
    else if (prev === undefined) state.quizzes.set(i, null);
  };

  // recordScenario keeps the best run of the scenario on page i and the end it reached.
  const recordScenario = (state, i, run) => {
    const prev = state.scenarios.get(i);
    if (!prev || percent(run.percent) > prev.percent) state.scenarios.set(i, { percent: percent(run.percent), end: run.end });
  };

  // progressOf says what the unit's progress means: completed when every required page (its
  // lessons) was viewed; score the mean best percent of its graded pages (one not taken
  // counts 0), null before any is taken; passed once every graded page is taken.
  const progressOf = (unit, state) => {
    const pages = unit.pages || [];
    const completed = pages.every((p, i) => !p.required || state.viewed.has(i));
    const graded = pages.map((p, i) => (p.graded ? i : -1)).filter((i) => i >= 0);
    const taken = graded.filter((i) => typeof state.quizzes.get(i) === "number");
    if (!taken.length) return { completed, score: null, passed: null };
    const score = Math.round((graded.reduce((s, i) => s + (state.quizzes.get(i) ?? 0), 0) / graded.length) * 100) / 100;
    return { completed, score, passed: taken.length === graded.length ? score >= unit.passMark : null };
  };

  // letter numbers the k-th id of a list as SCORM 1.2 responses must: a-z, then 0-9.
  const letter = (list, id) => {
    const k = (list || []).indexOf(id);
    return k >= 0 && k < 36 ? "abcdefghijklmnopqrstuvwxyz0123456789"[k] : null;
  };
  const all = (xs) => (xs.every((x) => x !== null) ? xs : null);

  // The interaction types of the quiz's question types, and how each version writes a response
  // (null when it cannot: more options than 1.2 can letter).
  const TYPES = { single: "choice", multiple: "choice", "true-false": "true-false", ordering: "sequencing", matching: "matching", reflection: "text" };
  const v12 = {
    text: "fill-in",
    choice: (r, l) => all((r.choices || []).map((c) => letter(l.options, c)))?.join(","),
    "true-false": (r) => (r.choices?.[0] === "true" ? "t" : r.choices?.[0] === "false" ? "f" : null),
    sequencing: (r, l) => all((r.order || []).map((c) => letter(l.items, c)))?.join(","),
    matching: (r, l) => {
      const pairs = Object.entries(r.matches || {}).map(([a, b]) => [letter(l.lefts, a), letter(l.rights, b)]);
      return pairs.every(([x, y]) => x && y) ? pairs.map(([x, y]) => `${x}.${y}`).join(",") : null;
    },
    fill: (r) => (r.text || "").slice(0, 255),
    result: { right: "correct", wrong: "wrong", unanswered: "wrong", unscored: "neutral" },
  };
  const v2004 = {
    text: "long-fill-in",
    choice: (r) => (r.choices || []).join("[,]"),
    "true-false": (r) => r.choices?.[0] ?? null,
    sequencing: (r) => (r.order || []).filter(Boolean).join("[,]"),
    matching: (r) => Object.entries(r.matches || {}).map(([a, b]) => `${a}[.]${b}`).join("[,]"),
    fill: (r) => (r.text || "").slice(0, 4000),
    result: { right: "correct", wrong: "incorrect", unanswered: "incorrect", unscored: "neutral" },
  };

  // dialects are the words of each SCORM version: where the API is, its calls, the data
  // model's names and how it writes times and responses.
  const pad = (n) => String(n).padStart(2, "0");
  const dialects = {
    "1.2": {
      api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
      location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", entry: "cmi.core.entry", exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time", score: "cmi.core.score", response: "student_response", interactions: "cmi.interactions",
      time: (ms) => { const s = Math.round(ms / 1000); return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`; },
      statuses: (p) => ({ "cmi.core.lesson_status": p.passed === true ? "passed" : p.passed === false ? "failed" : p.completed ? "completed" : "incomplete" }),
      scaled: false, responses: v12,
    },
    "2004": {
      api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
      location: "cmi.location", suspend: "cmi.suspend_data", entry: "cmi.entry", exit: "cmi.exit",
      sessionTime: "cmi.session_time", score: "cmi.score", response: "learner_response", interactions: "cmi.interactions",
      time: (ms) => `PT${Math.round(ms / 1000)}S`,
      statuses: (p) => ({
        "cmi.completion_status": p.completed ? "completed" : "incomplete",
        "cmi.success_status": p.passed === true ? "passed" : p.passed === false ? "failed" : "unknown",
      }),
      scaled: true, responses: v2004,
    },
  };

  // interactions returns what a submitted quiz (the detail of its "quiz" event) writes into
  // the data model: per question its id, type, weighting, response and result, as strings in
  // the dialect's formats; a response or result it cannot write is left out ("").
  const interactions = (dialect, detail) => {
    const w = dialect.responses, a = detail.attempt || {};
    return (detail.questions || []).map((q) => {
      const type = TYPES[q.type] === "text" ? w.text : TYPES[q.type] || "other";
      const r = (a.responses || {})[q.id] || {};
      const format = TYPES[q.type] === "text" ? w.fill : w[type];
      const response = format ? format(r, (detail.layout || {})[q.id] || {}) ?? "" : "";
      const res = (detail.results || {})[q.id] ?? (a.scored && q.type === "reflection" ? "unscored" : "");
      const result = res === "partly" ? String(Math.round(((a.points || {})[q.id] || 0) * 100) / 100) : w.result[res] || "";
      return { id: `${detail.quiz}.${q.id}`, type, weighting: String(q.points ?? 0), response, result };
    });
  };

  Playbook.lmsCore = { emptyState, encode, decode, recordQuiz, recordScenario, progressOf, interactions, dialects, percent };
})();
