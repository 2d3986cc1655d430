"use strict";
// Playbook quiz core: pure functions, no DOM. Scoring (the rules of docs/quizzes.md, the same
// as site/quiz/score.go), shuffling, the progress store of docs/progress.md (parsing,
// validation, migration, recording and merging; the learner's name and class code; the
// export's file name) and the draft of a quiz in progress.
// quiz.js holds the page code, page.js what every page script shares; all share the one
// global namespace Playbook.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});

  const FORMAT = "playbook-progress";
  const VERSION = 1;
  const RESULTS = ["right", "wrong", "partly", "unanswered"];

  // dict returns a map without prototype of the own entries of o (none when o is missing),
  // each value passed through f. Every object keyed by ids (quizzes, questions, options,
  // items, responses, points, answers, drafts) is one, so that an id named like an object
  // member ("constructor", "toString") finds only what is stored under it.
  const dict = (o, f = (v) => v) => {
    const d = Object.create(null);
    for (const [k, v] of Object.entries(o || {})) d[k] = f(v);
    return d;
  };

  // own returns o[k] when o has it as its own, else undefined: how an object keyed by ids
  // that a caller hands in (maybe not a dict) is read.
  const own = (o, k) => (o != null && Object.hasOwn(o, k) ? o[k] : undefined);

  // round rounds x to the given number of decimals, avoiding 0.1 + 0.2 noise.
  const round = (x, decimals = 2) => {
    const f = 10 ** decimals;
    return Math.round((x + Number.EPSILON) * f) / f;
  };

  // parseAnswer returns the key of a question: a list of ids, or for matching an object
  // left -> right. The page data (pb-data) gives it so; the shared test vectors write it as
  // text: ids separated by spaces, for matching "left:right" pairs.
  const parseAnswer = (type, answer) => {
    if (Array.isArray(answer)) return type === "matching" ? dict() : answer.map(String);
    if (answer && typeof answer === "object") return type === "matching" ? dict(answer) : [];
    const parts = String(answer || "").split(/\s+/).filter(Boolean);
    if (type !== "matching") return parts;
    const pairs = dict();
    for (const p of parts) {
      const at = p.indexOf(":");
      if (at > 0) pairs[p.slice(0, at)] = p.slice(at + 1);
    }
    return pairs;
  };

  // answered reports whether a response gives any answer at all.
  const answered = (type, r) => {
    r = r || {};
    switch (type) {
      case "single": case "multiple": case "true-false":
        return (r.choices || []).length > 0;
      case "ordering":
        return (r.order || []).some(Boolean);
      case "matching":
        return Object.values(r.matches || {}).some(Boolean);
      case "reflection":
        return String(r.text || "").trim() !== "";
    }
    return false;
  };

  // fraction returns the share of a question's points a response earns, from 0 to 1.
  const fraction = (type, answer, response) => {
    const r = response || {};
    const key = parseAnswer(type, answer);
    switch (type) {
      case "single": case "true-false": {
        const c = r.choices || [];
        return c.length === 1 && key.includes(c[0]) ? 1 : 0;
      }
      case "multiple": {
        if (key.length === 0) return 0;
        let right = 0, wrong = 0;
        for (const c of new Set(r.choices || [])) {
          if (key.includes(c)) right++; else wrong++;
        }
        return Math.max(0, (right - wrong) / key.length);
      }
      case "ordering": {
        if (key.length === 0) return 0;
        const order = r.order || [];
        return key.filter((id, i) => order[i] === id).length / key.length;
      }
      case "matching": {
        const lefts = Object.keys(key);
        if (lefts.length === 0) return 0;
        const m = r.matches || {};
        return lefts.filter((l) => Object.hasOwn(m, l) && m[l] === key[l]).length / lefts.length;
      }
    }
    return 0; // reflection and unknown types are not scored
  };

  // scoreQuestion scores one response: earned points, the points available and the result
  // (right, wrong, partly, unanswered; "unscored" for reflection).
  const scoreQuestion = (type, answer, points, response) => {
    points = Number(points) || 0;
    if (type === "reflection") return { earned: 0, max: 0, fraction: 0, result: "unscored" };
    const f = fraction(type, answer, response);
    const earned = points * f;
    let result = f >= 1 ? "right" : f > 0 ? "partly" : "wrong";
    if (f === 0 && !answered(type, response)) result = "unanswered";
    return { earned, max: points, fraction: f, result };
  };

  // totals adds up scored questions; the percent is rounded to one decimal as in score.go
  // and the quiz is passed when it reaches the pass mark.
  const totals = (scores, passMark) => {
    let earned = 0, max = 0;
    for (const s of scores) { earned += s.earned; max += s.max; }
    const percent = max > 0 ? Math.round((earned / max) * 1000) / 10 : 0;
    return { earned: round(earned, 4), max: round(max, 4), percent, passed: percent >= Number(passMark) };
  };

  // orderFromPositions turns the position chosen for each item (item id -> "1".."n" or "")
  // into the learner's order: slot i holds the item placed at position i + 1, or "" when no
  // item or more than one item was placed there, so blanks and duplicates count as wrong.
  const orderFromPositions = (itemIds, positions) => {
    const slots = itemIds.map(() => []);
    for (const id of itemIds) {
      const p = Number.parseInt(own(positions, id), 10);
      if (p >= 1 && p <= itemIds.length) slots[p - 1].push(id);
    }
    return slots.map((s) => (s.length === 1 ? s[0] : ""));
  };

  // seeded returns a repeatable random number generator (mulberry32) for a numeric seed.
  const seeded = (seed) => {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };

  // shuffle returns a shuffled copy of list (Fisher-Yates); random defaults to Math.random.
  const shuffle = (list, random = Math.random) => {
    const out = Array.from(list);
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  // ---- Progress store (docs/progress.md) ----

  const storageKey = (site) => `playbook:${site}:progress:v${VERSION}`;
  const emptyStore = (site) => ({ format: FORMAT, version: VERSION, site, learner: "", class: "", quizzes: dict(), scenarios: dict() });

  // Limits of a progress file (docs/progress.md, "Validation"), the same as playbook
  // report's: its size in bytes and how deeply it may nest objects and lists.
  const MAX_FILE_SIZE = 8 * 1024 * 1024, MAX_DEPTH = 32;

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  // Counts are whole numbers JavaScript keeps exactly (the report refuses larger ones).
  const isCount = (v) => Number.isSafeInteger(v) && v >= 0;
  const isNum = (v) => typeof v === "number" && Number.isFinite(v);
  // A date is a day or a time as toISOString writes it (docs/progress.md): Date.parse alone
  // takes much more ("Nov 25 2026", "24:00", February 30) and the report would refuse it.
  const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;
  const daysIn = (y, m) => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  const isDate = (v) => {
    const m = typeof v === "string" && DATE.exec(v);
    return !!m && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2])) && !Number.isNaN(Date.parse(v));
  };
  // tooDeep reports whether v nests objects and lists more than MAX_DEPTH deep.
  const tooDeep = (v, depth = 0) =>
    v !== null && typeof v === "object" && (depth >= MAX_DEPTH || Object.values(v).some((x) => tooDeep(x, depth + 1)));
  const safeKeys = (o) => Object.keys(o).every((k) => k !== "" && k !== "__proto__");
  const strings = (a) => Array.isArray(a) && a.every((s) => typeof s === "string");

  const validResponse = (r) =>
    isObject(r) &&
    (r.choices === undefined || strings(r.choices)) &&
    (r.order === undefined || strings(r.order)) &&
    (r.matches === undefined || (isObject(r.matches) && safeKeys(r.matches) && Object.values(r.matches).every((s) => typeof s === "string"))) &&
    (r.text === undefined || typeof r.text === "string");

  // validScore checks a best or last attempt; unscored (learner exam) attempts have null
  // scores.
  const validScore = (s, withResponses) => {
    if (!isObject(s) || !isDate(s.date) || typeof s.version !== "string") return false;
    if (s.scored !== undefined && typeof s.scored !== "boolean") return false;
    const scored = s.scored !== false;
    if (scored && !(isNum(s.earned) && isNum(s.max) && isNum(s.percent) && typeof s.passed === "boolean")) return false;
    if (!scored && !(s.earned === null && s.max === null && s.percent === null && s.passed === null)) return false;
    if (!withResponses) return true;
    return isObject(s.responses) && safeKeys(s.responses) && Object.values(s.responses).every(validResponse) &&
      isObject(s.points) && safeKeys(s.points) && Object.values(s.points).every(isNum);
  };

  const validQuestion = (q) =>
    isObject(q) && isCount(q.right) && isCount(q.wrong) && isCount(q.partly) && RESULTS.includes(q.last);

  const validQuiz = (e) =>
    isObject(e) && typeof e.version === "string" && isCount(e.attempts) &&
    (e.best === null || ((e.best?.scored === undefined || e.best.scored === true) && validScore(e.best, false))) && (e.last === null || validScore(e.last, true)) &&
    isObject(e.questions) && safeKeys(e.questions) && Object.values(e.questions).every(validQuestion);

  // validRun checks a role-play scenario's best or last run (docs/progress.md).
  const validRun = (r) =>
    isObject(r) && isDate(r.date) && typeof r.version === "string" && typeof r.end === "string" &&
    typeof r.outcome === "string" && isNum(r.points) && isNum(r.max) && isNum(r.percent) && strings(r.path);

  const counts = (o) => isObject(o) && safeKeys(o) && Object.values(o).every(isCount);

  const validScenario = (e) =>
    isObject(e) && typeof e.version === "string" && isCount(e.attempts) &&
    (e.best === null || validRun(e.best)) && (e.last === null || validRun(e.last)) && counts(e.ends) && counts(e.picks);

  // scenariosOf reads the scenarios of a progress file (none in files made before
  // scenarios existed), or returns null when they are not valid.
  const scenariosOf = (raw) => {
    const out = dict();
    if (raw === undefined) return out;
    if (!isObject(raw) || !safeKeys(raw)) return null;
    for (const [id, r] of Object.entries(raw)) {
      if (!isObject(r)) return null;
      const e = { version: r.version, attempts: r.attempts, best: r.best ?? null, last: r.last ?? null, ends: dict(r.ends), picks: dict(r.picks) };
      if (!validScenario({ ...e, ends: r.ends, picks: r.picks })) return null;
      out[id] = e;
    }
    return out;
  };

  // withDicts returns an attempt whose responses and points are dicts (s as it is when they
  // are not objects, which validation then refuses).
  const withDicts = (s) =>
    isObject(s) && isObject(s.responses) && isObject(s.points) ? { ...s, responses: dict(s.responses), points: dict(s.points) } : s;

  // migrate brings an older layout up to the current version, or returns null when data is
  // not a progress store this code understands. Version 1 files may omit learner, class,
  // questions, partly and scored; they get their defaults. The store it returns is made of
  // dicts, whatever data is made of.
  const migrate = (data) => {
    if (!isObject(data) || data.format !== FORMAT || data.version !== VERSION) return null;
    if (typeof data.site !== "string" || data.site === "" || !isObject(data.quizzes) || !safeKeys(data.quizzes)) return null;
    if (data.exported !== undefined && !isDate(data.exported)) return null;
    const store = emptyStore(data.site);
    for (const field of ["learner", "class"]) {
      if (data[field] === undefined) continue;
      if (typeof data[field] !== "string") return null;
      store[field] = data[field];
    }
    for (const [id, raw] of Object.entries(data.quizzes)) {
      if (!isObject(raw)) return null;
      const e = {
        version: raw.version, attempts: raw.attempts, best: raw.best ?? null, last: withDicts(raw.last ?? null),
        questions: dict(isObject(raw.questions) ? raw.questions : {},
          (q) => (isObject(q) ? { right: q.right, wrong: q.wrong, partly: q.partly === undefined ? 0 : q.partly, last: q.last } : q)),
      };
      if (raw.questions !== undefined && !isObject(raw.questions)) return null;
      if (!validQuiz(e)) return null;
      store.quizzes[id] = e;
    }
    const scenarios = scenariosOf(data.scenarios);
    if (!scenarios) return null;
    store.scenarios = scenarios;
    return store;
  };

  // parseStore reads a stored or exported progress file. It returns { store } or { error }:
  // "json" (not JSON), "shape" (not a progress file this code reads) or "site" (another
  // course's file). A missing value (null) gives an empty store.
  const parseStore = (text, site) => {
    if (text === null || text === undefined) return { store: emptyStore(site) };
    let data;
    try { data = JSON.parse(text); } catch { return { error: "json" }; }
    if (tooDeep(data)) return { error: "shape" };
    const store = migrate(data);
    if (!store) return { error: "shape" };
    if (store.site !== site) return { error: "site" };
    return { store };
  };

  // recordAttempt adds one submitted attempt to the store. attempt has date (ISO), version,
  // scored, earned, max, percent, passed, responses and points; results maps each scored
  // question id to right, wrong, partly or unanswered.
  const recordAttempt = (store, quizId, attempt, results) => {
    const e = store.quizzes[quizId] || { version: attempt.version, attempts: 0, best: null, last: null, questions: dict() };
    e.version = attempt.version;
    e.attempts += 1;
    e.last = attempt;
    if (attempt.scored && (!e.best || attempt.percent > e.best.percent)) {
      const { date, version, earned, max, percent, passed } = attempt;
      e.best = { date, version, earned, max, percent, passed };
    }
    for (const [qid, result] of Object.entries(results || {})) {
      const q = e.questions[qid] || { right: 0, wrong: 0, partly: 0, last: result };
      if (result === "right") q.right++;
      else if (result === "partly") q.partly++;
      else q.wrong++;
      q.last = result;
      e.questions[qid] = q;
    }
    store.quizzes[quizId] = e;
    return store;
  };

  // recordScenario adds one finished run of a role-play scenario to the store: run has date,
  // version, end, outcome, points, max, percent and path (the "step/choice" of every choice
  // made). The best run is the one with the higher percent; ends and picks count how often
  // each end was reached and each choice made.
  const recordScenario = (store, id, run) => {
    store.scenarios ||= dict();
    const e = store.scenarios[id] || { version: run.version, attempts: 0, best: null, last: null, ends: dict(), picks: dict() };
    e.version = run.version;
    e.attempts = add(e.attempts, 1);
    e.last = run;
    if (!e.best || run.percent > e.best.percent) e.best = run;
    e.ends[run.end] = add(e.ends[run.end] || 0, 1);
    for (const p of run.path) e.picks[p] = add(e.picks[p] || 0, 1);
    store.scenarios[id] = e;
    return store;
  };

  // clone returns a deep copy of a valid store, made of dicts.
  const clone = (store) => migrate(JSON.parse(JSON.stringify(store)));

  // add adds two counts, stopping at the largest integer a number keeps exactly (the report
  // stops there too): a larger sum would make the store invalid.
  const add = (a, b) => Math.min(a + b, Number.MAX_SAFE_INTEGER);
  // newer compares dates to the millisecond: all a Date keeps (the report does the same).
  const newer = (a, b) => (!a ? b : !b ? a : Date.parse(b.date) > Date.parse(a.date) ? b : a);
  const better = (a, b) => (!a ? b : !b ? a : b.percent > a.percent ? b : a);

  // mergeStores merges progress from another file into store (both valid, same site): the
  // better best score, the attempts added up, the newer last attempt; question counts add up
  // (counts stop at Number.MAX_SAFE_INTEGER) and the last result comes from the side with
  // the newer last attempt; the learner's name and class code stay unless empty; scenarios
  // merge alike, their counts of ends and picks added up. It returns the merged store (a new
  // object) and how many quizzes the other file had.
  const mergeStores = (store, other) => {
    const out = clone(store);
    if (!out.learner && other.learner) out.learner = other.learner;
    if (!out.class && other.class) out.class = other.class;
    let count = 0;
    for (const [id, theirs] of Object.entries(other.quizzes)) {
      count++;
      const ours = out.quizzes[id];
      if (!ours) { out.quizzes[id] = theirs; continue; }
      const last = newer(ours.last, theirs.last);
      const theirsNewer = last !== ours.last && last === theirs.last;
      const m = {
        version: theirsNewer ? theirs.version : ours.version,
        attempts: add(ours.attempts, theirs.attempts),
        best: better(ours.best, theirs.best),
        last,
        questions: dict(ours.questions),
      };
      for (const [qid, q] of Object.entries(theirs.questions)) {
        const o = m.questions[qid];
        m.questions[qid] = o
          ? { right: add(o.right, q.right), wrong: add(o.wrong, q.wrong), partly: add(o.partly, q.partly), last: theirsNewer ? q.last : o.last }
          : { ...q };
      }
      out.quizzes[id] = m;
    }
    // Scenarios merge like quizzes (docs/progress.md); count stays the number of quizzes,
    // which the page's message names.
    for (const [id, theirs] of Object.entries(other.scenarios || {})) {
      const ours = out.scenarios[id];
      if (!ours) { out.scenarios[id] = theirs; continue; }
      const last = newer(ours.last, theirs.last);
      const addAll = (a, b) => {
        const d = dict(a);
        for (const [k, n] of Object.entries(b)) d[k] = add(d[k] || 0, n);
        return d;
      };
      out.scenarios[id] = {
        version: last !== ours.last && last === theirs.last ? theirs.version : ours.version,
        attempts: add(ours.attempts, theirs.attempts), best: better(ours.best, theirs.best), last,
        ends: addAll(ours.ends, theirs.ends), picks: addAll(ours.picks, theirs.picks),
      };
    }
    return { store: clone(out), count };
  };

  // importFile reads the bytes of an imported file (an ArrayBuffer or a typed array) and
  // merges them into store: { store, count } as mergeStores gives them, or { error }: "size"
  // (larger than MAX_FILE_SIZE), "json" (not UTF-8, or not JSON), "shape" or "site" as
  // parseStore gives them. One byte order mark at the start is dropped, as the report does.
  const importFile = (store, bytes, site) => {
    if (bytes.byteLength > MAX_FILE_SIZE) return { error: "size" };
    let text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch { return { error: "json" }; }
    const r = parseStore(text, site);
    if (!r.store) return r;
    const merged = mergeStores(store, r.store);
    return merged.store ? merged : { error: "shape" };
  };

  // exportStore returns the export file's object: the store with the time of export.
  const exportStore = (store, now = new Date()) => {
    const { format: f, version, site, learner, quizzes } = store;
    return { format: f, version, site, exported: now.toISOString(), learner, class: store.class || "", quizzes, scenarios: store.scenarios || dict() };
  };

  // storeOptions are the options of Playbook.page.store for the progress store of site.
  const storeOptions = (site) => ({ empty: () => emptyStore(site), read: (raw) => parseStore(raw, site).store });

  // Lengths at which a learner's name and class code are cut (the inputs' maxlength too), and
  // the name's in the export's file name.
  const NAME_MAX = 80, CLASS_MAX = 40, FILE_NAME_MAX = 40;

  // cleanText trims a name or class code, collapses its white space to single spaces and
  // cuts it at max characters (whole code points).
  const cleanText = (text, max) => Array.from(String(text ?? "").replace(/\s+/g, " ").trim()).slice(0, max).join("").trim();

  // fileSafe turns text into a piece of a file name: letters of any script (with their
  // combining marks) and digits stay; anything else, spaces included, becomes a hyphen;
  // hyphens are collapsed and trimmed, and the result is cut at max characters.
  const fileSafe = (text, max = FILE_NAME_MAX) => {
    const s = String(text ?? "").normalize("NFC").replace(/[^\p{L}\p{M}\p{Nd}]+/gu, "-").replace(/^-+|-+$/g, "");
    return Array.from(s).slice(0, max).join("").replace(/-+$/, "");
  };

  // exportName is the export's file name: <site>-progress-<name>-<YYYY-MM-DD>.json, the date
  // being the UTC day of the ISO time exported; without a (usable) name,
  // <site>-progress-<YYYY-MM-DD>.json.
  const exportName = (site, learner, exported) => {
    const name = fileSafe(learner);
    return `${site}-progress-${name ? name + "-" : ""}${String(exported).slice(0, 10)}.json`;
  };

  // ---- A quiz in progress: its draft (docs/progress.md, "Where the data lives") ----
  //
  // A draft keeps what the learner has filled in but not yet submitted, so a reload loses
  // nothing: { quiz, version, answers, questions?, options?, deadline? }. answers holds, per
  // question id, the state of its form: { choices: [...] } (single, multiple, true-false),
  // { positions: { item: "2" } } (ordering), { matches: { left: "r3" } } (matching) or
  // { text } (reflection). questions and options are the order the learner saw when the page
  // shuffled them; deadline (ISO) ends an exam's time limit.

  const draftPrefix = (site) => `playbook:${site}:draft:v${VERSION}:`;
  const draftKey = (site, quizId) => draftPrefix(site) + quizId;

  const stringMap = (o) => isObject(o) && safeKeys(o) && Object.values(o).every((v) => typeof v === "string");

  const validAnswer = (a) =>
    isObject(a) &&
    (a.choices === undefined || strings(a.choices)) &&
    (a.positions === undefined || stringMap(a.positions)) &&
    (a.matches === undefined || stringMap(a.matches)) &&
    (a.text === undefined || typeof a.text === "string");

  // answerDicts returns a copy of a draft's answer whose positions and matches are dicts.
  const answerDicts = (a) => {
    const out = { ...a };
    if (a.positions) out.positions = dict(a.positions);
    if (a.matches) out.matches = dict(a.matches);
    return out;
  };

  // parseDraft reads a stored draft of quiz at version. It returns null when the text cannot
  // be read as a draft, and otherwise { draft }: draft is null when nothing is stored, or when
  // the draft belongs to another quiz or another version of it (its answers would not fit).
  // Its answers, their positions and matches, and its options are dicts.
  const parseDraft = (text, quiz, version) => {
    if (text === null || text === undefined) return { draft: null };
    let d;
    try { d = JSON.parse(text); } catch { return null; }
    if (!isObject(d) || typeof d.quiz !== "string" || typeof d.version !== "string") return null;
    if (!isObject(d.answers) || !safeKeys(d.answers) || !Object.values(d.answers).every(validAnswer)) return null;
    if (d.questions !== undefined && !strings(d.questions)) return null;
    if (d.options !== undefined && !(isObject(d.options) && safeKeys(d.options) && Object.values(d.options).every(strings))) return null;
    if (d.deadline !== undefined && !isDate(d.deadline)) return null;
    if (d.quiz !== quiz || d.version !== version) return { draft: null };
    const draft = { ...d, answers: dict(d.answers, answerDicts) };
    if (d.options) draft.options = dict(d.options);
    return { draft };
  };

  // arrange returns the order to show ids in: saved when it holds exactly the same ids (the
  // order the learner saw before a reload), else a new shuffle, or ids as they are when
  // shuffling is off.
  const arrange = (ids, saved, shuffling, random = Math.random) => {
    const list = Array.from(ids);
    if (Array.isArray(saved) && saved.length === list.length && new Set(saved).size === saved.length &&
      saved.every((id) => list.includes(id))) return saved.slice();
    return shuffling ? shuffle(list, random) : list;
  };

  // filled reports whether a question's form state (a draft answer) has anything filled in.
  const filled = (a) =>
    isObject(a) && ((a.choices || []).length > 0 ||
      Object.values(a.positions || {}).some(Boolean) ||
      Object.values(a.matches || {}).some(Boolean) ||
      String(a.text || "").trim() !== "");

  // unanswered counts the question ids whose answer in answers has nothing filled in.
  const unanswered = (ids, answers) => ids.filter((id) => !filled(own(answers, id))).length;

  // secondsLeft is the whole seconds from now to deadline (both in ms), never below 0.
  const secondsLeft = (deadline, now) => Math.max(0, Math.ceil((deadline - now) / 1000));

  // statusOf names a quiz's state: passed, failed, submitted (unscored attempts only) or
  // not_started.
  const statusOf = (entry) => {
    if (!entry || entry.attempts === 0) return "not_started";
    if (entry.best) return entry.best.passed ? "passed" : "failed";
    return "submitted";
  };

  // certificateOf says whether a store earns the certificate of completion: every self-check
  // quiz passed ("self-checks"), or else every exam passed ("exam"; an exam counts where its
  // page scored it, or where the trainer edition's progress page graded it: gradeStore). quizzes lists the course's quizzes as
  // { id, mode }. It returns { route, passed, total, date }: route is "" while not earned;
  // passed and total count the self-checks; date is when the last quiz that earned it was
  // passed (the date of its best attempt).
  const certificateOf = (store, quizzes) => {
    const best = (q) => own(store?.quizzes, q.id)?.best;
    const checks = quizzes.filter((q) => q.mode !== "exam");
    const exams = quizzes.filter((q) => q.mode === "exam");
    const all = (list) => list.length > 0 && list.every((q) => best(q)?.passed === true);
    const route = all(checks) ? "self-checks" : all(exams) ? "exam" : "";
    const dates = (route === "exam" ? exams : route ? checks : []).map((q) => best(q).date).sort();
    return {
      route,
      passed: checks.filter((q) => best(q)?.passed === true).length,
      total: checks.length,
      date: dates.at(-1) || "",
    };
  };

  // gradeStore returns a copy of store in which the exam attempts that their page could not
  // score (scored: false, a learner-edition exam) are graded with keys, the answer keys of
  // the trainer edition's progress page (quiz.Keys in Go: quiz id -> { version, passMark,
  // questions: [{ id, type, points, answer }] }), by the rules of scoreQuestion and totals.
  // An attempt taken on another version is left alone (its ids may mean other options). A
  // grade better than the best scored attempt becomes the best, marked graded: true. The
  // store itself is not changed: the grade is the trainer's reading, not the learner's record.
  const gradeStore = (store, keys) => {
    const out = { ...store, quizzes: dict(store?.quizzes) };
    for (const [id, key] of Object.entries(keys || {})) {
      const e = out.quizzes[id];
      const last = e?.last;
      if (!last || last.scored !== false || last.version !== key.version) continue;
      const scores = (key.questions || []).map((q) => scoreQuestion(q.type, q.answer, q.points, own(last.responses, q.id) || {}));
      const tot = totals(scores, key.passMark);
      if (e.best && e.best.percent >= tot.percent) continue;
      out.quizzes[id] = { ...e, best: { date: last.date, version: last.version, ...tot, graded: true } };
    }
    return out;
  };

  Playbook.quizCore = {
    FORMAT, VERSION, dict, own, round, parseAnswer, answered, fraction, scoreQuestion, totals,
    orderFromPositions, seeded, shuffle, storageKey, emptyStore, migrate, parseStore,
    MAX_FILE_SIZE, MAX_DEPTH, importFile, recordAttempt, recordScenario, mergeStores, exportStore, storeOptions, statusOf, certificateOf, gradeStore,
    NAME_MAX, CLASS_MAX, FILE_NAME_MAX, cleanText, fileSafe, exportName,
    draftPrefix, draftKey, parseDraft, arrange, filled, unanswered, secondsLeft,
  };
})();
