"use strict";
// Playbook worksheet core: pure functions, no DOM. The computations follow the rules of
// docs/worksheets.md exactly as site/worksheet/compute.go does (Rank, Rate, Decide, Place and
// the formula trees of formula.go); the shared cases of compute-vectors.json check that. Also:
// reading pasted or imported customer lists (CSV, Excel copies), number parsing, the ranked
// CSV export, and the store of saved copies and its JSON file (docs/worksheets.md).
// worksheet.js holds the page code, page.js what every page script shares; all share the one
// global namespace Playbook.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});

  const STORE_FORMAT = "playbook-worksheets", FILE_FORMAT = "playbook-worksheet", VERSION = 1;
  const KINDS = ["ranking", "rating", "decision", "matrix", "calculator"];

  // dict returns a map without prototype of the own entries of o (none when o is missing).
  // Objects keyed by ids (the store's worksheets, the values of a calculation) are dicts, and
  // those a caller hands in are read with Object.hasOwn (own), so that an id named like an
  // object member ("constructor") finds only what is stored under it.
  const dict = (o) => Object.assign(Object.create(null), o);
  const own = (o, k) => (o != null && Object.hasOwn(o, k) ? o[k] : undefined);

  // ---- Numbers as people type them ----

  const SIMPLE = /^-?\d+(?:\.\d+)?$/;
  const CURRENCY_CODE = /^(?:RMB|CNY|USD|EUR|GBP|HKD|JPY)|(?:RMB|CNY|USD|EUR|GBP|HKD|JPY)$/i;
  const grouped = (s, sep) => (sep === "," ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/).test(s);

  // parseNumber reads a number as spreadsheets and people write it: thousands separators
  // (1,234.5 or 1.234,5), a decimal comma (12,5), currency signs and codes (¥, $, 元, RMB),
  // full-width digits (１２３), minus signs (−5, 5-, (5)). It returns NaN for anything else.
  const parseNumber = (raw) => {
    let s = String(raw ?? "").trim();
    if (SIMPLE.test(s)) return Number(s);
    s = s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s'’]/g, "").replace(/[\u2212\u2012-\u2015]/g, "-")
      .replace(CURRENCY_CODE, "").replace(/[$€£¥￥₩₹元円]/g, "");
    let neg = false;
    const paren = /^\((.*)\)$/.exec(s);
    if (paren) { neg = true; s = paren[1]; }
    if (/^[+-]/.test(s)) { neg = neg !== (s[0] === "-"); s = s.slice(1); }
    else if (s.endsWith("-")) { neg = !neg; s = s.slice(0, -1); }
    if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(s)) return (neg ? -1 : 1) * Number(s);
    if (!/^(?:\d[\d,.]*|\.\d+)$/.test(s)) return NaN;
    const comma = s.lastIndexOf(","), dot = s.lastIndexOf(".");
    if (comma >= 0 && dot >= 0) {
      const dec = comma > dot ? "," : ".", grp = dec === "," ? "." : ",";
      const parts = s.split(dec);
      if (parts.length !== 2 || !grouped(parts[0], grp) || !/^\d+$/.test(parts[1])) return NaN;
      s = parts[0].split(grp).join("") + "." + parts[1];
    } else if (comma >= 0) {
      if (grouped(s, ",")) s = s.replaceAll(",", "");
      else if (/^\d+,\d+$/.test(s)) s = s.replace(",", ".");
      else return NaN;
    } else if (dot >= 0 && s.indexOf(".") !== dot) {
      if (!grouped(s, ".")) return NaN;
      s = s.replaceAll(".", "");
    }
    const n = Number(s);
    return Number.isFinite(n) ? (neg ? -n : n) : NaN;
  };

  // ---- Customer lists: pasted lines and CSV files ----

  // delimiterOf picks the separator of a line: a tab (Excel copies), else the more frequent of
  // semicolon and comma outside quotes.
  const delimiterOf = (line) => {
    if (line.includes("\t")) return "\t";
    const outside = line.replace(/"[^"]*"/g, ""), semi = outside.split(";").length - 1;
    return semi > 0 && semi >= outside.split(",").length - 1 ? ";" : ",";
  };

  // splitRecord splits one line on d, honouring "quoted ""fields""". open says a quote is
  // still open at the end of the line (a field that goes on on the next line).
  const splitRecord = (line, d) => {
    if (!line.includes('"')) return { fields: line.split(d), open: false };
    const fields = [];
    let f = "", q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (q && c === '"' && line[i + 1] === '"') { f += '"'; i++; } else if (q && c === '"') q = false;
      else if (q) f += c;
      else if (c === '"' && f.trim() === "") { q = true; f = ""; } else if (c === d) { fields.push(f); f = ""; } else f += c;
    }
    fields.push(f);
    return { fields, open: q };
  };

  // parseTable splits text (a CSV file, with or without a byte order mark, or pasted lines)
  // into records { line, fields, d }; line counts from 1 and blank lines are skipped. The
  // separator d is found on the first line; a line without it may use another one.
  const parseTable = (text) => {
    const lines = String(text ?? "").replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
    const records = [];
    let d = null;
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i];
      const start = i + 1;
      if (!line.trim()) continue;
      d ??= delimiterOf(line);
      let r = splitRecord(line, d);
      while (r.open && i + 1 < lines.length) { line += "\n" + lines[++i]; r = splitRecord(line, d); }
      let fields = r.fields, used = d;
      if (fields.length === 1) {
        used = ["\t", ";", ","].find((x) => x !== d && line.includes(x)) || d;
        fields = splitRecord(line, used).fields;
      }
      records.push({ line: start, fields, d: used });
    }
    return records;
  };

  const NAME_WORDS = /name|customer|client|account|company|firm|dealer|客户|名称|姓名|公司|单位|企业|户名|经销商/i;
  const VALUE_WORDS = /value|sales|revenue|amount|margin|commission|profit|turnover|total|spend|销售|金额|收入|毛利|佣金|价值|贡献|营业额|合计|利润|业绩/i;
  const ID_WORDS = /^(?:id|no\.?|#|nr\.?|number|code|编号|序号|代码|代号|行号)$/i;

  // findColumns finds the header row (a first record with no number in it) and the name and
  // value columns: by header (the worksheet's value label, then common words), else by
  // content (the first mostly numeric column that is not a row number; the first mostly text
  // column).
  const findColumns = (records, valueLabel = "") => {
    const first = records[0]?.fields || [];
    const header = first.length > 1 && first.every((f) => Number.isNaN(parseNumber(f))) ? first.map((f) => f.trim()) : null;
    const data = records.slice(header ? 1 : 0, (header ? 1 : 0) + 200);
    const counts = data.map((r) => r.fields.length).filter((n) => n > 1);
    const cols = header ? header.length : counts.length ? Math.min(...counts) : 1;
    const stats = Array.from({ length: cols }, (_, c) => {
      const vals = data.map((r) => (r.fields[c] ?? "").trim()).filter(Boolean).map(parseNumber);
      const h = header ? header[c] : "", sequence = data.length > 2 && vals.length === data.length && vals.every((v, i) => v === i + 1);
      return { ratio: vals.length ? vals.filter((v) => !Number.isNaN(v)).length / vals.length : 0, id: ID_WORDS.test(h) || sequence, h };
    });
    const label = String(valueLabel).trim().toLowerCase();
    const pick = (test) => stats.findIndex((s, c) => test(s, c));
    let value = label ? pick((s) => s.h.toLowerCase() === label) : -1;
    if (value < 0) value = pick((s) => VALUE_WORDS.test(s.h) && !s.id && s.ratio >= 0.5);
    if (value < 0) value = pick((s, c) => c > 0 && !s.id && s.ratio >= 0.5);
    if (value < 0) value = pick((s) => !s.id && s.ratio >= 0.5);
    if (value < 0) value = cols > 1 ? 1 : 0;
    let name = pick((s, c) => c !== value && NAME_WORDS.test(s.h) && !s.id);
    if (name < 0) name = pick((s, c) => c !== value && !s.id && s.ratio < 0.5);
    if (name < 0) name = pick((s, c) => c !== value);
    return { header, name, value, cols };
  };

  // readRows reads customers from text: { names, values, errors, header, name, value }.
  // errors lists { line, code, text } for the lines that could not be read (code no_value,
  // not_number or no_name); they are left out and never stop the rest.
  const readRows = (text, valueLabel) => {
    const records = parseTable(text), cols = findColumns(records, valueLabel), names = [], values = [], errors = [];
    for (let i = cols.header ? 1 : 0; i < records.length; i++) {
      const { line, fields, d } = records[i];
      let name = fields[cols.name], raw = fields[cols.value], v = parseNumber(raw);
      const extra = fields.length - cols.cols;
      if (extra > 0 && d === ",") {
        // 1,234.5 or a name with a comma in an unquoted CSV line: join the pieces back.
        const joined = fields.slice(cols.value, cols.value + extra + 1).join(","), jv = parseNumber(joined);
        if (!Number.isNaN(jv)) {
          [raw, v] = [joined, jv];
          if (cols.name > cols.value) name = fields[cols.name + extra];
        } else if (cols.name < cols.value) {
          [name, raw] = [fields.slice(cols.name, cols.name + extra + 1).join(","), fields[cols.value + extra]];
          v = parseNumber(raw);
        }
      }
      name = (name ?? "").trim();
      if (raw === undefined || raw.trim() === "") errors.push({ line, code: "no_value", text: fields.join(" ").trim() });
      else if (Number.isNaN(v)) errors.push({ line, code: "not_number", text: raw.trim() });
      else if (!name) errors.push({ line, code: "no_name", text: raw.trim() });
      else { names.push(name); values.push(v); }
    }
    return { names, values, errors, header: cols.header, name: cols.name, value: cols.value };
  };

  // ---- Ranking (compute.go Rank) ----

  // rank sorts by value, highest first (input order among equals), and gives each place a
  // band: order[i] is the input index at rank i + 1; band, share and cum are by rank.
  const rank = (values, shares, byValue) => {
    const n = values.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => values[b] - values[a] || a - b);
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(values[i], 0);
    let s = 0;
    const cum = shares.map((sh) => (s += sh)), last = shares.length - 1;
    const band = new Int32Array(n), share = new Float64Array(n), cumShare = new Float64Array(n);
    let before = 0;
    for (let i = 0; i < n; i++) {
      const idx = order[i], v = Math.max(values[idx], 0);
      let b = last;
      if (total > 0) [share[i], cumShare[i]] = [(v / total) * 100, ((before + v) / total) * 100];
      if (!byValue) {
        for (let k = 0; k < cum.length; k++) if (i + 1 <= Math.ceil((cum[k] * n) / 100 - 1e-9)) { b = k; break; }
      } else if (v > 0) {
        const start = (before / total) * 100;
        for (let k = 0; k < cum.length; k++) if (start < cum[k] - 1e-9) { b = k; break; }
      }
      before += v;
      if (i > 0 && values[order[i - 1]] === values[idx]) b = band[i - 1];
      band[i] = b;
    }
    return { n, order, band, share, cumShare, total, cum };
  };

  // summarize counts each band: { count, value, first, last (ranks), customers and value
  // shares in percent, limit }. limit is the cut-off of the rule: the last rank allowed
  // (customers) or the cumulative value a customer must start below (value).
  const summarize = (values, r, byValue) =>
    r.cum.map((c, k) => {
      let count = 0, value = 0, first = 0, last = 0;
      for (let i = 0; i < r.n; i++) {
        if (r.band[i] !== k) continue;
        count++;
        value += Math.max(values[r.order[i]], 0);
        first ||= i + 1;
        last = i + 1;
      }
      const limit = byValue ? (c * r.total) / 100 : Math.ceil((c * r.n) / 100 - 1e-9);
      return { count, value, first, last, limit, customers: r.n ? (count / r.n) * 100 : 0, share: r.total > 0 ? (value / r.total) * 100 : 0 };
    });

  // curve returns at most about max points [share of customers, cumulative share of value]
  // of the cumulative value curve, from [0, 0], keeping every point where the band changes.
  const curve = (r, max = 400) => {
    const pts = [[0, 0]];
    const step = Math.max(1, Math.ceil(r.n / max));
    for (let i = 0; i < r.n; i++) {
      if ((i + 1) % step === 0 || i === r.n - 1 || r.band[i] !== r.band[i + 1] || (i > 0 && r.band[i] !== r.band[i - 1])) {
        pts.push([((i + 1) / r.n) * 100, r.cumShare[i]]);
      }
    }
    return pts;
  };

  // ---- Rating, decision, matrix (compute.go Rate, Decide, Place) ----

  const rate = (criteria, min, max, scores, bands) => {
    const r = { complete: true, weighted: 0, max: 0, percent: 0, band: -1, missing: 0 };
    const span = max - min;
    for (const c of criteria) {
      const v = scores[c.id];
      if (!Object.hasOwn(scores, c.id) || !Number.isFinite(v)) { r.complete = false; r.missing++; continue; }
      r.weighted += c.weight * (Math.min(Math.max(v, min), max) - min);
      r.max += c.weight * span;
    }
    if (!r.complete || r.max === 0) { r.complete = r.complete && r.max > 0; return r; }
    r.percent = Math.floor(Number(((r.weighted * 100) / r.max).toFixed(9)) + 0.5); // as bands.Percent
    bands.forEach((b, i) => { if (r.percent >= b.min && r.percent <= b.max) r.band = i; });
    return r;
  };

  // decide returns the index of the outcome for the answers, or -1 while one is missing.
  const decide = (factors, answers, outcomes) => (factors.some((f) => typeof own(answers, f) !== "boolean") ? -1
    : outcomes.findIndex((o) => Object.entries(o).every(([id, want]) => own(answers, id) === want)));

  // An axis is { yesNo, min, max, split }; yes/no axes take 1 (yes) and 0 (no).
  const isHigh = (a, v) => (a.yesNo ? v >= 1 : v >= a.split);
  const place = (quadrants, xHigh, yHigh) => quadrants.findIndex((q) => q.xHigh === xHigh && q.yHigh === yHigh);

  // axisFraction maps a value to 0..1 along the axis, the split at the middle (so that the
  // dot falls in its quadrant whatever the split); yes/no answers go to the middle of a half.
  const axisFraction = (a, v) => {
    if (a.yesNo) return v >= 1 ? 0.75 : 0.25;
    v = Math.min(Math.max(v, a.min), a.max);
    if (v < a.split) return a.split > a.min ? (0.5 * (v - a.min)) / (a.split - a.min) : 0.25;
    return a.max > a.split ? 0.5 + (0.5 * (v - a.split)) / (a.max - a.split) : 0.75;
  };

  // ---- Formulas (formula.go Eval) ----

  // A FormulaError has a code for the page and the message of the Go evaluator; variable
  // names the input or output without a value (code no_value).
  class FormulaError extends Error {
    constructor(code, message, variable = "") { super(message); Object.assign(this, { code, variable }); }
  }
  const fail = (code, message, variable) => { throw new FormulaError(code, message, variable); };
  const ARITY = { min: [1, -1], max: [1, -1], round: [1, 2], abs: [1, 1], sqrt: [1, 1], geomsum: [2, 2] };
  const finite = (v) => (Number.isFinite(v) ? v : fail("not_finite", "the result is not a finite number"));

  // geomsum is r + r^2 + ... + r^n for a whole number of periods n (fractions are cut).
  const geomsum = (r, n) => {
    let sum = 0, term = 1;
    for (let i = 0; i < Math.trunc(n) && i < 1000; i++) { term *= r; sum += term; }
    return sum;
  };

  const call = (name, args) => {
    const a = ARITY[name] || fail("unknown", `unknown function ${name}`);
    if (args.length < a[0] || (a[1] >= 0 && args.length > a[1])) {
      fail("arity", `${name}() takes ${a[1] < 0 ? `at least ${a[0]} argument(s)` : a[0] === a[1] ? `${a[0]} argument(s)` : `${a[0]} to ${a[1]} arguments`}, found ${args.length}`);
    }
    const f = name === "round" ? Math.pow(10, args.length === 2 ? args[1] : 0) : 1;
    switch (name) {
      case "min": return args.reduce((r, v) => Math.min(r, v));
      case "max": return args.reduce((r, v) => Math.max(r, v));
      case "round": return Math.floor(args[0] * f + 0.5) / f; // half up, as formula.go
      case "abs": return Math.abs(args[0]);
      case "sqrt": return args[0] < 0 ? fail("sqrt", "square root of a negative number") : Math.sqrt(args[0]);
    }
    return geomsum(args[0], args[1]);
  };

  // The limits of formula.go (MaxLength, MaxDepth). The build refuses a formula over them, so
  // a tree in the page never is; checkTree makes sure before the recursive walks below, which
  // a deep enough tree would take past the browser's stack.
  const MAX_LENGTH = 2000, MAX_DEPTH = 32;
  const SUM = new Set(["+", "-"]), ARITHMETIC = new Set(["+", "-", "*", "/"]), PRIMARY = new Set(["num", "var", "call"]);

  // nesting is how many levels deeper than its parent (of operation op) the child at index i
  // lies, counted as formula.go counts them in the text: a sign, a function call and an
  // exponent open a level, and so does each pair of parentheses the child needs. (Parentheses
  // a formula did not need leave no trace in the tree, so this never counts more than Go.)
  const nesting = (op, i, child) => {
    const cop = Array.isArray(child) ? child[0] : "num";
    switch (op) {
      case "neg": return 1 + (ARITHMETIC.has(cop) ? 1 : 0);
      case "^": return i === 1 ? (PRIMARY.has(cop) ? 0 : 1) : 1 + (ARITHMETIC.has(cop) ? 1 : 0);
      case "+": case "-": return i === 2 && SUM.has(cop) ? 1 : 0;
      case "*": case "/": return (i === 1 ? SUM : ARITHMETIC).has(cop) ? 1 : 0;
      case "call": return 1;
    }
    return 0;
  };

  // checkTree throws a FormulaError (code limit) for a tree of more than MAX_LENGTH nodes
  // (each takes at least a character of the formula) or nested deeper than MAX_DEPTH. It
  // walks with a stack of its own and stops at the first node past a limit.
  const checkTree = (tree) => {
    const stack = [[tree, 0]];
    for (let nodes = 1; stack.length; nodes++) {
      const [node, depth] = stack.pop();
      if (nodes > MAX_LENGTH) fail("limit", `the formula has more than ${MAX_LENGTH} parts`);
      if (depth > MAX_DEPTH) fail("limit", `the formula nests more than ${MAX_DEPTH} levels deep`);
      if (!Array.isArray(node) || node[0] === "num" || node[0] === "var") continue;
      for (let i = node[0] === "call" ? 2 : 1; i < node.length; i++) stack.push([node[i], depth + nesting(node[0], i, node[i])]);
    }
  };

  // walk computes a tree that checkTree has let through (see evaluate).
  const walk = (node, vars) => {
    const [op] = node;
    switch (op) {
      case "num": return node[1];
      case "var": return Object.hasOwn(vars, node[1]) ? vars[node[1]] : fail("no_value", `${node[1]} has no value`, node[1]);
      case "neg": return -walk(node[1], vars);
      case "+": case "-": case "*": case "/": case "^": {
        const a = walk(node[1], vars), b = walk(node[2], vars);
        if (op === "/" && b === 0) fail("div_zero", "division by zero");
        return finite(op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : Math.pow(a, b));
      }
      case "call": return finite(call(node[1], node.slice(2).map((a) => walk(a, vars))));
    }
    return fail("unknown", `unknown operation "${op}"`);
  };

  // evaluate computes a formula tree (["num", 3], ["var", "fee"], ["+", a, b], ["neg", a],
  // ["call", "min", a, b]) with the values of vars. It throws a FormulaError (code no_value,
  // div_zero, sqrt, not_finite, unknown or arity) with the message of the Go evaluator, or
  // (code limit) for a tree over the limits of formula.go.
  const evaluate = (tree, vars) => {
    checkTree(tree);
    return walk(tree, vars);
  };

  // calculate checks the inputs ({ id, value (NaN when empty), min, max; null: no bound })
  // and computes the outputs ({ id, tree }) in order, so that a later one may use an earlier
  // one. It returns { inputs: a code per input ("", "empty" or "range"), outputs: { value } or
  // { error } (the FormulaError) per output, vars: every value computed }.
  const calculate = (inputs, outputs) => {
    const vars = dict();
    const codes = inputs.map((i) => {
      const code = !Number.isFinite(i.value) ? "empty" : (i.min !== null && i.value < i.min) || (i.max !== null && i.value > i.max) ? "range" : "";
      if (!code) vars[i.id] = i.value;
      return code;
    });
    const results = outputs.map((o) => {
      try { return { value: (vars[o.id] = evaluate(o.tree, vars)) }; } catch (error) { return { error }; }
    });
    return { inputs: codes, outputs: results, vars };
  };

  const PREC = { "+": 1, "-": 1, "*": 2, "/": 2, neg: 3, "^": 4 };
  const SYMBOL = { "+": "+", "-": "-", "*": "×", "/": "÷", "^": "^" };

  // substitute writes a formula with the value of each name put in (valueOf(name) returns
  // the text, or undefined to keep the name) and as few parentheses as it needs:
  // ["/", ["+", fee, fuel], hours] -> "(380 + 210) ÷ 17". A tree over the limits of
  // formula.go throws a FormulaError (code limit), as in evaluate.
  const substitute = (node, valueOf, fmt) => {
    checkTree(node);
    const show = (n) => {
      const [op] = n;
      if (op === "num" || op === "var") {
        const v = op === "num" ? n[1] : valueOf(n[1]);
        if (v === undefined) return [n[1], 5];
        return typeof v === "number" ? [fmt(v), v < 0 ? 3 : 5] : [v, String(v).startsWith("-") ? 3 : 5];
      }
      if (op === "call") return [`${n[1]}(${n.slice(2).map((a) => show(a)[0]).join(", ")})`, 5];
      const wrap = ([text, p], paren) => (paren ? `(${text})` : text);
      if (op === "neg") { const c = show(n[1]); return ["-" + wrap(c, c[1] <= 3), 3]; }
      const p = PREC[op], l = show(n[1]), r = show(n[2]);
      const left = wrap(l, op === "^" ? l[1] <= p : l[1] < p);
      const right = wrap(r, op === "^" ? r[1] < 3 : r[1] <= p || r[1] === 3);
      return [`${left} ${SYMBOL[op]} ${right}`, p];
    };
    return show(node)[0];
  };

  // ---- Saved copies (docs/worksheets.md) ----

  const storageKey = (site) => `playbook:${site}:worksheets:v${VERSION}`;
  const emptyStore = (site) => ({ format: STORE_FORMAT, version: VERSION, site, worksheets: dict() });
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isNum = (v) => typeof v === "number" && Number.isFinite(v);
  const isDate = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
  const isDay = (v) => v === "" || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v));
  const mapOf = (o, ok) => isObject(o) && Object.keys(o).every((k) => k !== "" && k !== "__proto__") && Object.values(o).every(ok);

  // validData checks the data of a copy of a worksheet of kind.
  const numOrNull = (v) => v === null || isNum(v);
  const DATA = {
    ranking: (d) => typeof d.rows === "string", rating: (d) => mapOf(d.scores, isNum), decision: (d) => mapOf(d.answers, (v) => typeof v === "boolean"),
    matrix: (d) => mapOf(d.values, numOrNull), calculator: (d) => mapOf(d.inputs, numOrNull),
  };
  const validData = (kind, d) => isObject(d) && Object.hasOwn(DATA, kind) && DATA[kind](d);

  const validCopy = (kind, c) => isObject(c) && typeof c.id === "string" && c.id !== "" && typeof c.customer === "string" &&
    isDay(c.date) && isDate(c.created) && isDate(c.updated) && validData(kind, c.data);

  const validEntry = (e) => isObject(e) && KINDS.includes(e.kind) && typeof e.version === "string" && typeof e.open === "string" &&
    Array.isArray(e.copies) && e.copies.every((c) => validCopy(e.kind, c)) && new Set(e.copies.map((c) => c.id)).size === e.copies.length;

  // parseStore reads the stored copies: { store } or { error }: "json" (not JSON), "shape"
  // (not a store this code reads) or "site" (another course's). null gives an empty store.
  const parseStore = (text, site) => {
    if (text === null || text === undefined) return { store: emptyStore(site) };
    let data;
    try { data = JSON.parse(text); } catch { return { error: "json" }; }
    if (!isObject(data) || data.format !== STORE_FORMAT || data.version !== VERSION || typeof data.site !== "string" ||
      !mapOf(data.worksheets, validEntry)) return { error: "shape" };
    if (data.site !== site) return { error: "site" };
    return { store: { ...data, worksheets: dict(data.worksheets) } };
  };

  const emptyEntry = (kind, version) => ({ kind, version, open: "", copies: [] });

  // mergeEntry writes the open copy (unless null) and the deletions (a Set of ids) into the
  // entry of a fresh read of the store, so that copies saved meanwhile in another tab stay.
  const mergeEntry = (fresh, kind, version, copy, deleted) => {
    const e = fresh?.kind === kind ? fresh : emptyEntry(kind, version);
    e.copies = e.copies.filter((c) => !deleted.has(c.id));
    if (copy) {
      const i = e.copies.findIndex((c) => c.id === copy.id);
      e.copies[i < 0 ? e.copies.length : i] = copy;
      e.open = copy.id;
    }
    e.version = version;
    return e;
  };

  // exportCopy returns the file of one copy; sheet is { id, kind, version }.
  const exportCopy = (site, sheet, copy, now = new Date()) => ({
    format: FILE_FORMAT, version: VERSION, site, exported: now.toISOString(),
    worksheet: { id: sheet.id, kind: sheet.kind, version: sheet.version },
    copy: { customer: copy.customer, date: copy.date, created: copy.created, updated: copy.updated, data: copy.data },
  });

  // parseCopyFile reads an exported copy for the worksheet sheet: { copy, changed } (changed:
  // the worksheet has changed since), or { error }: "json", "shape", "site" or "worksheet"
  // (with other, the id of the worksheet the file belongs to).
  const parseCopyFile = (text, site, sheet) => {
    let f;
    try { f = JSON.parse(String(text).replace(/^\uFEFF/, "")); } catch { return { error: "json" }; }
    if (!isObject(f) || f.format !== FILE_FORMAT || f.version !== VERSION || typeof f.site !== "string" ||
      !isObject(f.worksheet) || typeof f.worksheet.id !== "string" || !KINDS.includes(f.worksheet.kind)) return { error: "shape" };
    if (f.site !== site) return { error: "site" };
    if (f.worksheet.id !== sheet.id || f.worksheet.kind !== sheet.kind) return { error: "worksheet", other: f.worksheet.id };
    const c = f.copy;
    if (!validCopy(sheet.kind, { id: "x", ...(isObject(c) ? c : {}) })) return { error: "shape" };
    return { copy: { customer: c.customer, date: c.date, created: c.created, updated: c.updated, data: c.data }, changed: f.worksheet.version !== sheet.version };
  };

  // ---- Files ----

  // csvField quotes a field when needed; text that a spreadsheet would run as a formula
  // (=, +, -, @ first) gets a leading apostrophe.
  const csvField = (v) => {
    const s = (/^[=+\-@\t\r]/.test(v) ? "'" : "") + String(v ?? "");
    return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };

  // rankingCSV writes a ranking as "CSV UTF-8" (with a byte order mark, for Excel): the
  // header, then one line per customer by rank; bandLabels names the bands.
  const rankingCSV = (header, names, values, r, bandLabels) => {
    const lines = [header.map(csvField).join(",")];
    for (let i = 0; i < r.n; i++) {
      const idx = r.order[i];
      lines.push([i + 1, csvField(names[idx]), String(values[idx]), r.share[i].toFixed(2), r.cumShare[i].toFixed(2), csvField(bandLabels[r.band[i]])].join(","));
    }
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  };

  // fileName joins parts into a file name without characters file systems refuse.
  const fileName = (parts, ext) => parts.filter(Boolean).join("-").replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, "-").replace(/-+/g, "-").slice(0, 80) + "." + ext;

  Playbook.worksheetCore = {
    STORE_FORMAT, FILE_FORMAT, VERSION, own, parseNumber, parseTable, findColumns, readRows, rank, summarize, curve,
    rate, decide, isHigh, place, axisFraction, FormulaError, evaluate, calculate, substitute, storageKey, emptyStore,
    emptyEntry, mergeEntry, validData, validCopy, parseStore, exportCopy, parseCopyFile, csvField, rankingCSV, fileName,
  };
})();
