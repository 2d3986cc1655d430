"use strict";
// Playbook LMS adapter for SCORM 1.2 and 2004: finds the LMS's API as the ADL rules say (the
// frames above, then the opener's), starts a session, reads the kept progress and place,
// writes statuses, score and interactions in the data model of the version (lms-core.js's
// dialects), and ends the session with exit "suspend". lms.js drives it; see docs/lms.md.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const adapters = (Playbook.lmsAdapters = Playbook.lmsAdapters || {});

  // scorm makes the adapter of a version ("1.2", "2004") for a unit.
  const scorm = (version) => () => {
    const core = Playbook.lmsCore;
    const dialect = core.dialects[version];
    // findIn looks for the API in win and its parents, at most 500 levels up (ADL's rule).
    const findIn = (win) => {
      for (let tries = 0; win && tries < 500; tries++) {
        try { if (win[dialect.api]) return win[dialect.api]; } catch { /* another origin */ }
        if (!win.parent || win.parent === win) break;
        win = win.parent;
      }
      return null;
    };
    let api = null, live = false;
    const call = (name, ...args) => {
      try { return api ? String(api[dialect[name]](...args)) : ""; } catch { return ""; }
    };
    const set = (name, value) => (live ? call("set", name, String(value)) : "");

    // write puts the progress, the place, the statuses and the score in the data model.
    const write = (r) => {
      set(dialect.suspend, r.suspend);
      if (r.location && r.location.length <= 255) set(dialect.location, r.location);
      for (const [k, v] of Object.entries(dialect.statuses(r.progress))) set(k, v);
      if (r.progress.score !== null) {
        set(dialect.score + ".min", 0);
        set(dialect.score + ".max", 100);
        set(dialect.score + ".raw", r.progress.score);
        if (dialect.scaled) set(dialect.score + ".scaled", Math.round(r.progress.score * 100) / 10000);
      }
    };
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

    return {
      start() {
        api = findIn(window) || (window.opener && findIn(window.opener)) || (window.top?.opener && findIn(window.top.opener));
        live = api ? call("init", "") === "true" : false;
        return Promise.resolve(live ? { live, suspend: call("get", dialect.suspend), location: call("get", dialect.location) } : { live });
      },
      save(r) {
        if (!live) return;
        write(r);
        call("commit", "");
      },
      quiz(detail) { if (live) core.interactions(dialect, detail).forEach(interaction); },
      // finish ends the session: the time spent, "suspend" so that the LMS keeps the
      // progress for the next launch, a last commit.
      finish(r) {
        if (!live) return;
        set(dialect.sessionTime, dialect.time(r.ms));
        set(dialect.exit, "suspend");
        write(r);
        call("commit", "");
        call("finish", "");
      },
    };
  };
  adapters["1.2"] = scorm("1.2");
  adapters["2004"] = scorm("2004");
})();
