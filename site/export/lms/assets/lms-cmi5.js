"use strict";
// Playbook LMS adapter for cmi5: reads the launch parameters the LMS put in the wrapper's URL
// (endpoint, fetch, actor, registration, activityId), narrows the page's policy to the
// endpoint's origin, fetches the auth token once, reads LMS.LaunchData and the progress kept
// in the State API, and sends xAPI statements: initialized; completed once every lesson was
// viewed; passed or failed once the day's quiz is taken, against the LMS's mastery score;
// answered for each question (a "cmi5 allowed" statement); terminated when the learner
// leaves. Pure builders first, the network after; lms.js drives it; see docs/lms.md.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const adapters = (Playbook.lmsAdapters = Playbook.lmsAdapters || {});

  const VERB = "http://adlnet.gov/expapi/verbs/";
  const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  const INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
  const PROGRESS = "https://w3id.org/xapi/playbook/state/progress"; // our State API document

  // launch reads the launch parameters of a query string; null unless all five are there.
  const launch = (search) => {
    const q = new URLSearchParams(search);
    const p = Object.fromEntries(["endpoint", "fetch", "actor", "registration", "activityId"].map((k) => [k, q.get(k)]));
    if (Object.values(p).some((v) => !v)) return null;
    try {
      p.actor = JSON.parse(p.actor);
      p.origins = [...new Set([new URL(p.endpoint).origin, new URL(p.fetch).origin])];
    } catch { return null; }
    if (!p.endpoint.endsWith("/")) p.endpoint += "/";
    return p;
  };

  const uuid = () => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const duration = (ms) => `PT${Math.max(0, Math.round(ms / 10)) / 100}S`;
  const clone = (o) => JSON.parse(JSON.stringify(o || {}));

  // statement makes a statement of the session s (params, LaunchData) with verb; cmi5-defined
  // statements carry the cmi5 category (and moveOn's for completed, passed, failed), allowed
  // ones do not. Every one has the context template (its session id) and the registration.
  const statement = (s, verb, { object, result, defined = true, moveOn = false, extensions } = {}) => {
    const context = clone(s.launchData.contextTemplate);
    context.registration = s.params.registration;
    if (defined) {
      const ca = (context.contextActivities = context.contextActivities || {});
      ca.category = [...(ca.category || []), { id: CMI5 }, ...(moveOn ? [{ id: MOVEON }] : [])];
    }
    if (extensions) context.extensions = { ...(context.extensions || {}), ...extensions };
    const st = {
      id: uuid(), timestamp: new Date().toISOString(), actor: s.params.actor,
      verb: { id: VERB + verb, display: { "en-US": verb } },
      object: object || { objectType: "Activity", id: s.params.activityId }, context,
    };
    if (result) st.result = result;
    return st;
  };

  // verdicts returns the cmi5-defined statements a record calls for that were not sent yet
  // (sent: what this registration already got), and marks them sent. Nothing in a launch
  // mode other than Normal; passed and completed once per registration; failed once a session
  // and never after passed (failed is forgotten between sessions).
  const verdicts = (s, r, sent) => {
    if (s.launchData.launchMode && s.launchData.launchMode !== "Normal") return [];
    const out = [], ms = { result: { duration: duration(r.ms) } };
    if (r.progress.completed && !sent.completed) {
      sent.completed = true;
      out.push(statement(s, "completed", { moveOn: true, result: { completion: true, ...ms.result } }));
    }
    if (r.progress.passed === null || sent.passed) return out;
    const scaled = Math.round(r.progress.score * 100) / 10000;
    const mastery = typeof s.launchData.masteryScore === "number" ? s.launchData.masteryScore : null;
    const passed = mastery === null ? r.progress.passed : scaled >= mastery;
    if (!passed && sent.failed) return out;
    const extensions = mastery === null ? undefined : { [MASTERY]: mastery };
    const result = { score: { scaled, raw: r.progress.score, min: 0, max: 100 }, success: passed, ...ms.result };
    out.push(statement(s, passed ? "passed" : "failed", { moveOn: true, result, extensions }));
    if (passed) sent.passed = true;
    else sent.failed = true;
    return out;
  };

  // answers returns an "answered" statement (cmi5 allowed) for each question of a submitted
  // quiz: its interaction type, the response in xAPI's format (SCORM 2004's), and whether it
  // was right, or the points of a partly right answer.
  const answers = (s, detail) => Playbook.lmsCore.interactions(Playbook.lmsCore.dialects["2004"], detail).map((x) => {
    const result = {};
    if (x.response) result.response = x.response;
    if (x.result === "correct" || x.result === "incorrect") result.success = x.result === "correct";
    else if (/^\d/.test(x.result)) result.score = { raw: Number(x.result), min: 0, max: Math.max(Number(x.weighting), Number(x.result)) };
    const object = {
      objectType: "Activity", id: `${s.params.activityId}/${encodeURIComponent(x.id)}`,
      definition: { type: INTERACTION, interactionType: x.type },
    };
    return statement(s, "answered", { object, result, defined: false });
  });

  Playbook.lmsCmi5 = { launch, statement, verdicts, answers, duration };

  // The network: requests to the LMS, one at a time so that statements arrive in order.
  adapters.cmi5 = () => {
    const params = launch(location.search);
    const s = { params, launchData: {} };
    let token = "", sent = {}, busy = null;
    const pending = [];
    const xapi = (method, path, body, keepalive = false) => fetch(params.endpoint + path, {
      method, keepalive, credentials: "omit",
      headers: { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    // stateURL addresses a State API document, or (without id) the list of their ids.
    const stateURL = (id) => "activities/state?" + new URLSearchParams({
      ...(id ? { stateId: id } : {}), activityId: params.activityId, agent: JSON.stringify(params.actor), registration: params.registration,
    });
    const flush = () => {
      if (busy || !pending.length) return;
      const batch = pending.splice(0);
      busy = xapi("POST", "statements", batch).catch(() => {}).finally(() => { busy = null; flush(); });
    };
    const send = (sts) => { pending.push(...sts); flush(); };
    // keep writes the progress to the State API, one write after the other.
    let keeping = Promise.resolve();
    const doc = (r) => ({ suspend: r.suspend, location: r.location, sent: { completed: sent.completed, passed: sent.passed } });
    const keep = (r) => { const d = doc(r); keeping = keeping.then(() => xapi("PUT", stateURL(PROGRESS), d)).catch(() => {}); };

    // narrow adds a second policy: the wrapper may connect to the LMS's origins only.
    const narrow = () => {
      const meta = document.createElement("meta");
      meta.httpEquiv = "Content-Security-Policy";
      meta.content = `connect-src ${params ? params.origins.join(" ") : "'none'"}`;
      document.head.append(meta);
    };

    return {
      async start() {
        narrow();
        if (!params) return { live: false };
        const auth = await fetch(params.fetch, { method: "POST", credentials: "omit" }).then((r) => r.json());
        if (!auth["auth-token"]) return { live: false };
        token = auth["auth-token"];
        s.launchData = await xapi("GET", stateURL("LMS.LaunchData")).then((r) => r.json());
        // The list first: asking for a document not yet written answers 404, which consoles show.
        const ids = await xapi("GET", stateURL()).then((r) => (r.ok ? r.json() : []), () => []);
        const kept = ids.includes(PROGRESS) ? await xapi("GET", stateURL(PROGRESS)).then((r) => r.json()).catch(() => ({})) : {};
        sent = { completed: Boolean(kept.sent?.completed), passed: Boolean(kept.sent?.passed) }; // failed: per session
        send([statement(s, "initialized")]);
        return { live: true, suspend: kept.suspend || "", location: kept.location || "" };
      },
      save(r) {
        send(verdicts(s, r, sent));
        keep(r);
      },
      quiz(detail) { send(answers(s, detail)); },
      // finish sends what is pending and terminated in one request that outlives the page.
      finish(r) {
        pending.push(...verdicts(s, r, sent), statement(s, "terminated", { result: { duration: duration(r.ms) } }));
        xapi("POST", "statements", pending.splice(0), true).catch(() => {});
        xapi("PUT", stateURL(PROGRESS), doc(r), true).catch(() => {});
      },
    };
  };
})();
