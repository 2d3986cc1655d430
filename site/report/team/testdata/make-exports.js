"use strict";
// Writes the checklist exports of testdata/exports with the page's own code
// (site/theme/assets/checklist-core.js: exportJSON, exportCSV and fileName, called as
// checklist.js calls them), so that the files are byte for byte what the checklist pages
// download. The checklists come from the page data of a built site:
//
//   go run ./cmd/playbook build --out /tmp/site
//   node site/report/team/testdata/make-exports.js /tmp/site
//
// A few files are then changed as a team lead would meet them: saved back by a spreadsheet
// with semicolons, renamed, cut short, saved in another encoding, or of another course.
const fs = require("fs");
const path = require("path");

const site = process.argv[2];
if (!site) throw new Error("usage: node make-exports.js BUILT-SITE-DIR");
globalThis.Playbook = {};
require(path.join(__dirname, "../../../theme/assets/checklist-core.js"));
const core = Playbook.checklistCore;
const out = path.join(__dirname, "exports");

// def reads a checklist's page data as checklist.js's readDef does.
const def = (lang, id) => {
  const html = fs.readFileSync(path.join(site, lang, "checklists", id + ".html"), "utf8");
  const d = JSON.parse(html.match(/<script type="application\/json" id="pb-data">([\s\S]*?)<\/script>/)[1]);
  const siteKey = html.match(/data-site="([^"]*)"/)[1];
  return {
    siteKey, id: d.id, version: d.version || "", fields: d.fields,
    items: d.items.map((i) => ({ ...i, weight: Number(i.weight) || 1 })),
    levels: d.levels.map((l) => ({ ...l, points: Number(l.points) || 0 })), bands: d.bands,
  };
};

// A plan is one letter per item in page order: y yes, p partly, n no, a n/a, . unanswered.
const letters = { y: "yes", p: "partly", n: "no", a: "na" };
const answersOf = (d, plan) => {
  plan = plan.replace(/\s+/g, "");
  if (plan.length !== d.items.length) throw new Error(`plan of ${plan.length} for ${d.items.length} items`);
  const a = {};
  d.items.forEach((it, i) => { if (letters[plan[i]]) a[it.id] = letters[plan[i]]; });
  return a;
};

// exportCopy writes one copy as the page's Export buttons do; it returns the file's name.
const exportCopy = (c) => {
  const d = def(c.lang || "en", c.checklist || "prospect-development");
  const now = new Date(c.exported);
  const answers = answersOf(d, c.plan);
  const actions = {};
  for (const [item, owner] of Object.entries(c.owners || {})) actions[item] = { owner, due: c.due || "" };
  const copy = {
    id: "c" + c.name.length, name: c.name, created: c.created || c.exported, updated: c.exported, version: d.version,
    fields: { team: c.team || "", person: c.person || "", date: c.date || "", reviewer: c.reviewer || "" }, answers, actions,
  };
  const written = [];
  for (const ext of c.ext) {
    const name = c.file ? c.file + "." + ext : core.fileName(d.id, copy.name, ext, now);
    const text = ext === "csv" ? core.exportCSV(d, copy)
      : JSON.stringify(core.exportJSON(d, copy, { site: d.siteKey, lang: c.lang || "en" }, now), null, 2) + "\n";
    fs.writeFileSync(path.join(out, name), text);
    const r = core.score(d, answers);
    console.log(`${name}: ${r.earned}/${r.max} ${r.percent}% ${r.band} answered ${r.answered}`);
    written.push(name);
  }
  return written;
};

fs.mkdirSync(out, { recursive: true });

const copies = [
  // Lee: three monthly reviews, JSON, CSV, JSON.
  { person: "Lee Wong", team: "North", reviewer: "Kim", name: "Lee, September", date: "2026-09-15", exported: "2026-09-15T16:20:00.000Z", ext: ["json"],
    plan: "pnnn ypnnp nnnpppn pnpnppp", owners: { "sales-map": "Lee" }, due: "2026-10-01" },
  { person: "Lee Wong", team: "North", reviewer: "Kim", name: "Lee, October", date: "2026-10-14", exported: "2026-10-14T09:05:00.000Z", ext: ["csv"],
    plan: "ypnp yynpp ynnpppn ypppnpp" },
  { person: "Lee Wong", team: "North", reviewer: "Kim", name: "Lee, November", date: "2026-11-25", exported: "2026-11-25T09:41:00.000Z", ext: ["json"],
    plan: "yypn yyapy ynpyyay pyynyyy", owners: { "prospect-cards": "Lee", "prospects-segmented": "Dana" }, due: "2026-12-05" },
  // Ana: September as CSV, November as JSON, her name typed differently (the latest counts).
  { person: " ANA LIMA ", team: "North", reviewer: "Kim", name: "Ana, September", date: "2026-09-16", exported: "2026-09-16T10:00:00.000Z", ext: ["csv"],
    plan: "yppn ypnpp pnppyyn pppnpnp" },
  { person: "Ana Lima", team: "North", reviewer: "Kim", name: "Ana, November", date: "2026-11-24", exported: "2026-11-24T15:30:00.000Z", ext: ["json"],
    plan: "yypp yypyy pnppyyy ypppnpy" },
  // Bo and Chen export from the Chinese page.
  { lang: "zh-CN", person: "Bo Chen", team: "South", reviewer: "王经理", name: "副本 1", date: "2026-11-23", exported: "2026-11-23T08:12:00.000Z", ext: ["csv"],
    plan: "ynnp ppnna pnnpppp nnppnnn" },
  { lang: "zh-CN", person: "陈杰", team: "South", reviewer: "王经理", name: "十一月", date: "2026-11-23", exported: "2026-11-23T08:30:00.000Z", ext: ["json"],
    plan: "yyyy yyyyy yyypyyy yyyyyyp" },
  // Dana: saved back by a spreadsheet (semicolons), renamed; the date comes from the form.
  { person: "Dana Ruiz", team: "West", reviewer: "=Kim", name: "Dana", date: "2026-11-22", exported: "2026-11-22T11:00:00.000Z", ext: ["csv"], file: "dana-ruiz",
    plan: "yyyp yypyy ynypyyp yyypyyy" },
  // Eve: from the bottom band to the top in two months.
  { person: "Eve Park", team: "West", name: "Eve, September", date: "2026-09-18", exported: "2026-09-18T14:00:00.000Z", ext: ["json"],
    plan: "nnnn pnnnn nnnnpnn nnnpnnn" },
  { person: "Eve Park", team: "West", name: "Eve, November", date: "2026-11-20", exported: "2026-11-20T14:00:00.000Z", ext: ["json"],
    plan: "yyyy yyyyy pyyyyyy yyyyyyp" },
  { person: "Farid Haddad", team: "South", name: "Farid", date: "2026-11-21", exported: "2026-11-21T09:00:00.000Z", ext: ["json"],
    plan: "ypyp nypyp ypnpypn ypnpnyp" },
  // Gita: a CSV renamed and without a date in the form: no date at all.
  { person: "Gita Rao", team: "South", name: "Gita", exported: "2026-11-21T10:00:00.000Z", ext: ["csv"], file: "gita",
    plan: "pppp ppppp ppppppp ppppppp" },
  // Hugo: an export of an earlier version of the checklist (changed below), and November.
  { person: "Hugo Martin", team: "North", name: "Hugo, August", date: "2026-08-28", exported: "2026-08-28T08:00:00.000Z", ext: ["json"],
    plan: "nnnn nnnnn nnnnnnn nnnnnnn" },
  { person: "Hugo Martin", team: "North", name: "Hugo, November", date: "2026-11-19", exported: "2026-11-19T08:00:00.000Z", ext: ["json"],
    plan: "pnnn pnpnn nnnnpnn pnnnnnn" },
  // Ines: much not applicable, some unanswered.
  { person: "Ines Costa", team: "West", name: "Ines", date: "2026-11-18", exported: "2026-11-18T17:45:00.000Z", ext: ["json"],
    plan: "yaaa yyaa. ..yyaay y.yyyya" },
  // Jon exports the same copy twice, as CSV and as JSON.
  { person: "Jon Berg", team: "North", name: "Jon, November", date: "2026-11-24", exported: "2026-11-24T12:00:00.000Z", ext: ["csv", "json"],
    plan: "yyyn ypyyp yyypnyp yyypyyn" },
  // Nobody typed a name: the file name stands for the rep.
  { name: "Copy 1", exported: "2026-11-20T13:00:00.000Z", ext: ["json"],
    plan: "ppyy nnpyp ynypnpy pppynnp" },
  // The other checklist of the course.
  { checklist: "dealer-development", person: "Kim Ito", team: "North", name: "Kim", date: "2026-11-25", exported: "2026-11-25T10:00:00.000Z", ext: ["json"],
    plan: "yypnya" },
  { checklist: "dealer-development", person: "Lee Wong", team: "North", name: "Lee, dealers", date: "2026-11-25", exported: "2026-11-25T10:05:00.000Z", ext: ["csv"],
    plan: "pnpn.y" },
];
const files = copies.map(exportCopy);
const file = (i, ext) => path.join(out, files[i].find((f) => f.endsWith(ext)));
const edit = (f, change) => fs.writeFileSync(f, change(fs.readFileSync(f, "utf8")));

// Dana's file, saved back by a spreadsheet that separates with semicolons.
edit(file(7, ".csv"), (text) => {
  const rows = core.parseCSV(text.replace(/^\uFEFF/, ""));
  const cell = (s) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return "\uFEFF" + rows.map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
});
// Hugo's August copy: exported from an earlier version that had an item since removed, and
// an answer level the checklist no longer has.
edit(file(12, ".json"), (text) => {
  const d = JSON.parse(text);
  d.checklist_version = "0ld1x";
  d.answers = { "cold-calls": "yes", ...d.answers, "sales-map": "maybe" };
  return JSON.stringify(d, null, 2) + "\n";
});
// Farid's file: the score was edited by hand.
edit(file(10, ".json"), (text) => text.replace(/"percent": \d+/, '"percent": 95').replace(/"band": "[^"]*"/, '"band": "well-organised"'));

// Files that cannot be used.
const lee = fs.readFileSync(file(2, ".json"), "utf8");
fs.writeFileSync(path.join(out, "broken.json"), lee.slice(0, Math.floor(lee.length / 2)));
fs.writeFileSync(path.join(out, "other-course.json"), lee.replace('"site": "crm-playbook"', '"site": "another-course"'));
fs.writeFileSync(path.join(out, "lead-scoring-Lee-2026-11-25.csv"),
  fs.readFileSync(file(1, ".csv"), "utf8").replaceAll(",prospect-development,", ",lead-scoring,"));
fs.writeFileSync(path.join(out, "scores.csv"), "name,score\r\nLee,12\r\n");
// Ana's September file as a spreadsheet saves it in Windows-1252 rather than UTF-8.
fs.writeFileSync(path.join(out, "ramon-latin1.csv"),
  Buffer.from(fs.readFileSync(file(3, ".csv"), "utf8").replace(/^\uFEFF/, "").replaceAll("ANA LIMA", "Ramón Díaz"), "latin1"));
console.log("done:", fs.readdirSync(out).length, "files");
