"use strict";
// Playbook scenario core: pure functions, no DOM. Plays a role-play scenario's graph (the
// page data of docs/scripts.md, made by site/scenario/view.go): which choices a step offers
// with the variables' values, what a choice changes, where it leads, and the score of a run.
// The same rules as site/scenario/model.go (Cond.Holds, Choice.Apply, Choice.Next).
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const MIN = -9, MAX = 9;

  const own = (o, k) => (o != null && Object.hasOwn(o, k) ? o[k] : undefined);

  // holds reports whether every [variable, operator, value] comparison holds.
  const holds = (cond, vals) => (cond || []).every(([v, op, x]) => {
    const a = vals[v];
    switch (op) {
      case "<": return a < x;
      case "<=": return a <= x;
      case ">": return a > x;
      case ">=": return a >= x;
      case "==": return a === x;
      case "!=": return a !== x;
    }
    return false;
  });

  // start returns a new run: the first step, the variables' starting values, no moves.
  const start = (data) => ({ step: data.start, vals: (data.vars || []).map((v) => v.start), moves: [], points: 0, end: null });

  // offered returns the choices of the run's step that the variables allow.
  const offered = (data, run) => {
    const step = own(data.steps, run.step);
    return step && !run.end ? step.choices.filter((c) => holds(c.if, run.vals)) : [];
  };

  // choose returns the run after choice id (a new object), or null when the step does not
  // offer it.
  const choose = (data, run, id) => {
    const c = offered(data, run).find((x) => x.id === id);
    if (!c) return null;
    const vals = run.vals.slice();
    for (const [v, d] of c.set || []) vals[v] = Math.min(MAX, Math.max(MIN, vals[v] + d));
    const branch = (c.goto || []).find((b) => holds(b.if, vals));
    if (!branch) return null;
    const next = { step: run.step, vals, moves: run.moves.concat([{ step: run.step, choice: c.id }]), points: run.points + c.points, end: null };
    if (own(data.ends, branch.to)) next.end = branch.to;
    else next.step = branch.to;
    return next;
  };

  // percent is the run's points as a share of the best path's, to one decimal.
  const percent = (data, run) => (data.max > 0 ? Math.round((run.points / data.max) * 1000) / 10 : 0);

  // result is what the progress store keeps of a finished run (docs/progress.md).
  const result = (data, run, date = new Date()) => ({
    date: date.toISOString(), version: data.version, end: run.end, outcome: own(data.ends, run.end)?.outcome || "",
    points: run.points, max: data.max, percent: percent(data, run), path: run.moves.map((m) => `${m.step}/${m.choice}`),
  });

  // bestRun plays the best path from the start.
  const bestRun = (data) => {
    let run = start(data);
    for (const key of data.best || []) {
      const [, choice] = key.split("/");
      const next = choose(data, run, choice);
      if (!next) break;
      run = next;
    }
    return run;
  };

  Playbook.scenarioCore = { MIN, MAX, holds, start, offered, choose, percent, result, bestRun };
})();
