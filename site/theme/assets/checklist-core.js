"use strict";
// Playbook checklist core: pure functions, no DOM. Scoring (the rules of docs/checklists.md,
// as site/checklist/score.go), the store of saved copies kept in localStorage (parsing and
// validation) and the CSV and JSON files a copy is exported to and imported from.
// checklist.js holds the page code, page.js what every page script shares; all share the one
// global namespace Playbook.
//
// A checklist is described by a plain object, def:
//   { id, version, fields: ["team", ...],
//     items: [{ id, weight, number, text, section, sectionTitle }],
//     levels: [{ id, label, points, na, todo }], bands: [{ id, min, max, label }] }
// A copy is { id, name, created, updated, version, fields, answers, actions }: answers maps
// item id -> level id, actions item id -> { owner, due }. Objects keyed by ids (the store's
// checklists, a copy's fields, answers and actions) are dicts, maps without prototype, so
// that an id named like an object member ("constructor") finds only what is stored under it.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});

  const STORE_FORMAT = "playbook-checklists";
  const FILE_FORMAT = "playbook-checklist";
  const VERSION = 1;
  const FIELDS = ["team", "person", "date", "reviewer"];
  const CSV_COLUMNS = ["number", "section", "item_id", "item_text", "answer_id", "answer_label", "points", "weight", "owner", "due",
    "checklist", "checklist_version", "copy_name"];

  // dict returns a dict of the own entries of o (none when o is missing), each value passed
  // through f.
  const dict = (o, f = (v) => v) => {
    const d = Object.create(null);
    for (const [k, v] of Object.entries(o || {})) d[k] = f(v);
    return d;
  };

  // percentOf is earned/max in whole percent, rounded half up; 0 when max is 0. The quotient
  // is first snapped to 9 decimals, so that an exact half such as 23/40 = 57.5% is not pushed
  // below the half by binary floating point (23 / 40 * 100 is 57.49999999999999).
  const percentOf = (earned, max) => {
    if (!(max > 0)) return 0;
    return Math.floor(Number(((earned * 100) / max).toFixed(9)) + 0.5);
  };

  // bandFor returns the band holding percent, or null.
  const bandFor = (bands, percent) => bands.find((b) => percent >= b.min && percent <= b.max) || null;

  // score scores answers against def: each answered item earns its level's points times its
  // weight, and the maximum grows by the best level's points times the weight; not-applicable
  // and unanswered items (and answers naming no level) count on neither side.
  const score = (def, answers) => {
    answers = answers || {};
    const levels = new Map(def.levels.map((l) => [l.id, l]));
    const top = def.levels.reduce((m, l) => (l.na ? m : Math.max(m, Number(l.points) || 0)), 0);
    const r = { earned: 0, max: 0, percent: 0, band: null, answered: 0, notApplicable: 0, actions: [] };
    for (const it of def.items) {
      const id = Object.hasOwn(answers, it.id) ? answers[it.id] : undefined;
      const l = typeof id === "string" ? levels.get(id) : undefined;
      if (!l) continue;
      r.answered++;
      if (l.na) { r.notApplicable++; continue; }
      const w = it.weight ?? 1;
      r.earned += (Number(l.points) || 0) * w;
      r.max += top * w;
      if (l.todo) r.actions.push(it.id);
    }
    if (r.max > 0) {
      r.percent = percentOf(r.earned, r.max);
      r.band = bandFor(def.bands, r.percent)?.id ?? null;
    }
    return r;
  };

  // ---- The store of saved copies (docs/checklists.md) ----

  const storageKey = (site) => `playbook:${site}:checklists:v${VERSION}`;
  const emptyStore = (site) => ({ format: STORE_FORMAT, version: VERSION, site, checklists: dict() });

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isString = (v) => typeof v === "string";
  const isDate = (v) => isString(v) && !Number.isNaN(Date.parse(v));
  const safeKeys = (o) => Object.keys(o).every((k) => k !== "" && k !== "__proto__");
  const stringMap = (o) => isObject(o) && safeKeys(o) && Object.values(o).every(isString);
  const actionMap = (o) => isObject(o) && safeKeys(o) && Object.values(o).every((a) =>
    isObject(a) && (a.owner === undefined || isString(a.owner)) && (a.due === undefined || isString(a.due)));

  const validCopy = (c) => isObject(c) && isString(c.id) && c.id !== "" && isString(c.name) && isDate(c.created) &&
    isDate(c.updated) && isString(c.version) && stringMap(c.fields) && stringMap(c.answers) && actionMap(c.actions);

  const validEntry = (e) => isObject(e) && Array.isArray(e.copies) && e.copies.every(validCopy) &&
    new Set(e.copies.map((c) => c.id)).size === e.copies.length && (e.open === null || isString(e.open));

  // parseStore reads the stored value. It returns { store } or { error }: "json" (not JSON),
  // "shape" (not a store this code reads) or "site" (another course's store). A missing
  // value (null) gives an empty store. The copies are read through cleanCopy, which makes
  // their dicts.
  const parseStore = (text, site) => {
    if (text === null || text === undefined) return { store: emptyStore(site) };
    let data;
    try { data = JSON.parse(text); } catch { return { error: "json" }; }
    if (!isObject(data) || data.format !== STORE_FORMAT || data.version !== VERSION || !isString(data.site) ||
      !isObject(data.checklists) || !safeKeys(data.checklists) || !Object.values(data.checklists).every(validEntry)) {
      return { error: "shape" };
    }
    if (data.site !== site) return { error: "site" };
    return { store: { format: STORE_FORMAT, version: VERSION, site, checklists: dict(data.checklists) } };
  };

  const newId = () => "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

  // blankCopy returns a new, empty copy.
  const blankCopy = (name, version, now = new Date()) => {
    const iso = now.toISOString();
    return { id: newId(), name, created: iso, updated: iso, version, fields: dict(), answers: dict(), actions: dict() };
  };

  // cleanCopy returns a copy of c that holds only what def knows, in dicts: answers to existing
  // items with existing levels, actions of existing items, the page's header fields. dropped
  // counts the answers left out.
  const cleanCopy = (def, c) => {
    const items = new Set(def.items.map((i) => i.id));
    const levels = new Set(def.levels.map((l) => l.id));
    const out = { ...c, fields: dict(), answers: dict(), actions: dict() };
    const fields = dict(c.fields);
    let dropped = 0;
    for (const f of def.fields) if (isString(fields[f])) out.fields[f] = fields[f];
    for (const [item, level] of Object.entries(c.answers || {})) {
      if (items.has(item) && levels.has(level)) out.answers[item] = level; else dropped++;
    }
    for (const [item, a] of Object.entries(c.actions || {})) {
      if (items.has(item)) out.actions[item] = { owner: a.owner || "", due: a.due || "" };
    }
    return { copy: out, dropped };
  };

  // nextName returns the first of name(1), name(2), ... that no copy has.
  const nextName = (copies, name) => {
    const taken = new Set(copies.map((c) => c.name));
    for (let n = 1; ; n++) if (!taken.has(name(n))) return name(n);
  };

  // putCopy stores copy (a deep copy of it) in a store entry { open, copies }, replacing the
  // copy with its id, and makes it the one to open next time.
  const putCopy = (entry, copy) => {
    copy = JSON.parse(JSON.stringify(copy));
    const i = entry.copies.findIndex((c) => c.id === copy.id);
    if (i >= 0) entry.copies[i] = copy; else entry.copies.push(copy);
    entry.open = copy.id;
  };

  // dropCopy removes the copy with id from a store entry; the last copy left opens next.
  const dropCopy = (entry, id) => {
    entry.copies = entry.copies.filter((c) => c.id !== id);
    entry.open = entry.copies.at(-1)?.id ?? null;
  };

  // duplicate returns a new copy with the name and copies of the fields, answers and actions
  // of copy.
  const duplicate = (copy, name, version, now = new Date()) => ({
    ...blankCopy(name, version, now), fields: dict(copy.fields), answers: dict(copy.answers), actions: dict(copy.actions, (a) => ({ ...a })),
  });

  // ---- Files ----

  // fileName names an export: <checklist>-<copy name>-<UTC date>.<ext>.
  const fileName = (id, name, ext, now = new Date()) => {
    const slug = String(name || "").normalize("NFC").replace(/[\\/:*?"<>|#%&{}$!'@`+=\s]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "").slice(0, 40);
    return [id, slug, now.toISOString().slice(0, 10)].filter(Boolean).join("-") + "." + ext;
  };

  const numberText = (x) => (Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : "");

  // exportJSON returns the JSON file of a copy (see docs/checklists.md): the score is there
  // for people and other programs; importing reads only the answers, fields and actions.
  const exportJSON = (def, copy, meta, now = new Date()) => {
    const answers = dict(copy.answers), given = dict(copy.actions), fields = dict(copy.fields);
    const r = score(def, answers);
    const actions = dict();
    for (const id of r.actions) actions[id] = { owner: given[id]?.owner || "", due: given[id]?.due || "" };
    return {
      format: FILE_FORMAT, version: VERSION, site: meta.site, lang: meta.lang, checklist: def.id,
      checklist_version: def.version, exported: now.toISOString(), name: copy.name, created: copy.created,
      updated: copy.updated, fields: Object.fromEntries(def.fields.map((f) => [f, fields[f] || ""])), answers, actions,
      score: { earned: r.earned, max: r.max, percent: r.max > 0 ? r.percent : null, band: r.band, answered: r.answered,
        not_applicable: r.notApplicable, items: def.items.length },
    };
  };

  // csvCell quotes a value for CSV; a value Excel would read as a formula gets a leading '.
  const csvCell = (v) => {
    let s = String(v ?? "");
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const uncell = (s) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

  // exportCSV returns the CSV file of a copy: UTF-8 with a byte order mark (so that Excel
  // reads Chinese right), CRLF line ends, a header row, then one row per item.
  const exportCSV = (def, copy) => {
    const answers = dict(copy.answers), actions = dict(copy.actions), fields = dict(copy.fields);
    const levels = new Map(def.levels.map((l) => [l.id, l]));
    const todo = new Set(score(def, answers).actions);
    const rows = [[...CSV_COLUMNS, ...def.fields]];
    for (const it of def.items) {
      const l = levels.get(answers[it.id]);
      const a = todo.has(it.id) ? actions[it.id] || {} : {};
      rows.push([it.number, it.sectionTitle || it.section, it.id, it.text, l ? l.id : "", l ? l.label : "",
        l && !l.na ? numberText(l.points * (it.weight ?? 1)) : "", numberText(it.weight ?? 1), a.owner || "", a.due || "",
        def.id, def.version, copy.name, ...def.fields.map((f) => fields[f] || "")]);
    }
    return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  };

  // parseCSV splits CSV text into rows of cells (RFC 4180). The separator is the first of
  // comma, semicolon and tab found in the first line, as spreadsheets in some regions save
  // with semicolons.
  const parseCSV = (text) => {
    const first = text.slice(0, text.search(/\r?\n|$/));
    const sep = [",", ";", "\t"].find((s) => first.includes(s)) || ",";
    const rows = [];
    let row = [], cell = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"' && cell === "") quoted = true;
      else if (ch === sep) { row.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows.filter((r) => r.some((c) => c.trim() !== ""));
  };

  // fromCSV reads an exported CSV file: { copy } or { error, checklist }.
  const fromCSV = (def, text) => {
    const [head, ...rows] = parseCSV(text);
    const col = Object.fromEntries((head || []).map((h, i) => [h.trim().toLowerCase(), i]));
    if (!["item_id", "answer_id", "checklist"].every((c) => c in col) || rows.length === 0) return { error: "format" };
    const get = (r, c) => (c in col ? uncell(String(r[col[c]] ?? "").trim()) : "");
    const other = rows.map((r) => get(r, "checklist")).find((id) => id !== def.id);
    if (other !== undefined) return { error: "other", checklist: other };
    const copy = { name: get(rows[0], "copy_name"), version: get(rows[0], "checklist_version"), fields: dict(), answers: dict(), actions: dict() };
    for (const f of def.fields) copy.fields[f] = get(rows[0], f);
    for (const r of rows) {
      const item = get(r, "item_id"), level = get(r, "answer_id"), owner = get(r, "owner"), due = get(r, "due");
      if (!item || item === "__proto__") continue;
      if (level) copy.answers[item] = level;
      if (owner || due) copy.actions[item] = { owner, due };
    }
    return { copy };
  };

  // fromJSON reads an exported JSON file: { copy } or { error, checklist }.
  const fromJSON = (def, text) => {
    let d;
    try { d = JSON.parse(text); } catch { return { error: "format" }; }
    if (!isObject(d) || d.format !== FILE_FORMAT || d.version !== VERSION || !isString(d.checklist)) return { error: "format" };
    if (d.checklist !== def.id) return { error: "other", checklist: d.checklist };
    const fields = d.fields ?? {}, answers = d.answers ?? {}, actions = d.actions ?? {};
    if (!stringMap(fields) || !stringMap(answers) || !actionMap(actions) || (d.name !== undefined && !isString(d.name))) {
      return { error: "format" };
    }
    return { copy: { name: d.name || "", version: isString(d.checklist_version) ? d.checklist_version : "", fields, answers, actions } };
  };

  // importFile reads an exported JSON or CSV file (a leading byte order mark is ignored).
  // It returns { copy, dropped } with the copy's name, version, fields, answers and actions
  // cleaned against def, or { error: "format" } for a file that is neither, or
  // { error: "other", checklist } for a file of another checklist.
  const importFile = (def, text) => {
    text = String(text ?? "").replace(/^\uFEFF/, "");
    const r = /^\s*\{/.test(text) ? fromJSON(def, text) : fromCSV(def, text);
    if (r.error) return r;
    const { copy, dropped } = cleanCopy(def, r.copy);
    return { copy, dropped };
  };

  Playbook.checklistCore = {
    STORE_FORMAT, FILE_FORMAT, VERSION, FIELDS, CSV_COLUMNS, percentOf, bandFor, score, storageKey, emptyStore,
    parseStore, blankCopy, cleanCopy, nextName, putCopy, dropCopy, duplicate, fileName, exportJSON, exportCSV, parseCSV, importFile,
  };
})();
