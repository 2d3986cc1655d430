package e2e

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/site/pipeline"
	"playbook/site/report/vectors"
)

// importJS reads a list of files (each { text, base64, fill, size, store }, built into bytes
// as package vectors builds them) and runs each through the progress page's import
// (quizCore.importFile, what progress.js calls with the chosen file's bytes) into its store.
// For each it gives the SHA-256 of the bytes (to show they are the bytes Go read), the error
// and the merged store's summary (vectors.Summary, scenarios included).
const importJS = `async (files) => {
	const c = Playbook.quizCore, site = Playbook.page.site;
	const bytesOf = (f) => {
		if (f.base64) return Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
		let text = f.text;
		for (const [placeholder, [unit, count]] of Object.entries(f.fill || {})) text = text.replace(placeholder, () => unit.repeat(count));
		const b = new TextEncoder().encode(text);
		if (!f.size) return b;
		const padded = new Uint8Array(f.size).fill(0x20);
		padded.set(b);
		return padded;
	};
	const att = (a) => a && { date: new Date(a.date).toISOString(), version: a.version, scored: a.scored !== false, percent: a.scored === false ? 0 : a.percent };
	const entries = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
	const run = (r) => r && { date: new Date(r.date).toISOString(), version: r.version, end: r.end, outcome: r.outcome, percent: r.percent, path: r.path };
	const summary = (s) => ({ learner: s.learner, class: s.class, quizzes: entries(s.quizzes, (e) => ({
		version: e.version, attempts: e.attempts, best: att(e.best), last: att(e.last),
		questions: entries(e.questions, (q) => ({ right: q.right, wrong: q.wrong, partly: q.partly, last: q.last })) })),
		scenarios: entries(s.scenarios || {}, (e) => ({
			version: e.version, attempts: e.attempts, best: run(e.best), last: run(e.last), ends: entries(e.ends, (n) => n), picks: entries(e.picks, (n) => n) })) });
	const hex = (buf) => Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, "0")).join("");
	const out = [];
	for (const f of files) {
		const bytes = bytesOf(f);
		const r = c.importFile(c.parseStore(f.store, site).store, bytes, site);
		out.push({ hash: hex(await crypto.subtle.digest("SHA-256", bytes)), error: r.error || "", merged: r.store ? summary(r.store) : null });
	}
	return out;
}`

// pageFile is a file as importJS reads it.
type pageFile struct {
	Text   string         `json:"text,omitempty"`
	Base64 string         `json:"base64,omitempty"`
	Fill   map[string]any `json:"fill,omitempty"`
	Size   int            `json:"size,omitempty"`
	Store  string         `json:"store"`
}

// pageImport is what the page made of a file.
type pageImport struct {
	Hash   string           `json:"hash"`
	Error  string           `json:"error"`
	Merged *vectors.Summary `json:"merged"`
}

// importOnPage opens the progress page of the quiz test course once and runs every file
// through its import in one evaluation.
func importOnPage(t *testing.T, b *tab, files []pageFile) []pageImport {
	t.Helper()
	list, err := json.Marshal(files)
	if err != nil {
		t.Fatal(err)
	}
	got := awaitJS[[]pageImport](b, "("+importJS+")("+string(list)+")")
	if len(got) != len(files) {
		t.Fatalf("the page read %d files, want %d", len(got), len(files))
	}
	return got
}

func loadVectors(t *testing.T) *vectors.Set {
	t.Helper()
	s, err := vectors.Load("../site/report/vectors/testdata/import-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sha(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// TestImportVectorsAgreeWithGo runs every vector of import-vectors.json through the progress
// page's import: it must accept and refuse the files playbook report accepts and refuses
// (site/report/vectors runs them through Go), and merge them into the same store alike.
// Two files then go through the page's file input, to show the page imports with that logic.
func TestImportVectorsAgreeWithGo(t *testing.T) {
	set := loadVectors(t)
	raw, err := os.ReadFile("../site/report/vectors/testdata/import-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var specs struct {
		Cases []struct {
			Fill map[string]any `json:"fill"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &specs); err != nil {
		t.Fatal(err)
	}
	files := make([]pageFile, len(set.Cases))
	for i, c := range set.Cases {
		files[i] = pageFile{Text: c.Text, Base64: c.Base64, Fill: specs.Cases[i].Fill, Size: c.Size, Store: set.Store(c)}
	}
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, progressEN)
	if site := b.str(`Playbook.page.site`); site != set.Site {
		t.Fatalf("the page's site is %q, the vectors' %q", site, set.Site)
	}
	got := importOnPage(t, b, files)
	for i, c := range set.Cases {
		g := got[i]
		if g.Hash != sha(c.Data) {
			t.Errorf("%s: the page built other bytes than Go", c.Name)
			continue
		}
		if accepted := g.Error == ""; accepted != c.Accept {
			t.Errorf("%s: the page accepted it: %v (%s), want %v", c.Name, accepted, g.Error, c.Accept)
			continue
		}
		if !c.Accept {
			continue
		}
		want, err := vectors.Import(set.Store(c), c.Data, set.Site)
		if err != nil {
			t.Fatalf("%s: Go refused it: %v", c.Name, err)
		}
		if c.Merged != nil && !reflect.DeepEqual(want, c.Merged) {
			t.Errorf("%s: Go merged it otherwise than the vector says", c.Name)
		}
		if !reflect.DeepEqual(g.Merged, want) {
			gj, _ := json.Marshal(g.Merged)
			wj, _ := json.Marshal(want)
			t.Errorf("%s: merged on the page:\n%s\nin Go:\n%s", c.Name, gj, wj)
		}
	}

	// Through the page's file input: a file with a byte order mark is imported, a file that
	// is not UTF-8 is refused.
	byName := map[string]*vectors.Case{}
	for _, c := range set.Cases {
		byName[c.Name] = c
	}
	for name, message := range map[string]string{
		"byte order mark":                   "Progress imported. Quizzes in the file: 2.",
		"not UTF-8: invalid byte in a name": "That file is not a progress file of this course; nothing was changed.",
	} {
		c := byName[name]
		if c == nil {
			t.Fatalf("no vector %q", name)
		}
		path := filepath.Join(t.TempDir(), "file.json")
		if err := os.WriteFile(path, c.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		b.run(`document.querySelector(".progress-message").textContent = ""`)
		b.do("choosing "+name, chromedp.SetUploadFiles(chromedp.CSS(`input[data-action="import"]`), []string{path}))
		b.waitFor(`document.querySelector(".progress-message").textContent !== ""`, "the import message")
		if got := b.text(".progress-message"); got != message {
			t.Errorf("importing %q: the page says %q, want %q", name, got, message)
		}
	}
}

// TestImportFuzzAgreesWithGo feeds the page's import 400 files derived from the vectors
// (vectors.Mutants: types flipped, fields dropped, hostile keys and values, keys given twice,
// deeper nesting, files cut short) in one evaluation: the page must accept exactly the files
// the Go reader accepts, and merge them alike.
func TestImportFuzzAgreesWithGo(t *testing.T) {
	set := loadVectors(t)
	mutants := vectors.Mutants(set, 20261125, 400)
	store := set.Stores["player"] // quizzes and a scenario: both merge
	files := make([]pageFile, len(mutants))
	for i, m := range mutants {
		files[i] = pageFile{Base64: base64.StdEncoding.EncodeToString(m.Data), Store: store}
	}
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, progressEN)
	got := importOnPage(t, b, files)
	accepted := 0
	for i, m := range mutants {
		g := got[i]
		want, err := vectors.Import(store, m.Data, set.Site)
		switch {
		case g.Hash != sha(m.Data):
			t.Errorf("mutant %s: the page read other bytes", m.Name)
		case (g.Error == "") != (err == nil):
			t.Errorf("mutant %s: the page says %q, Go %v\n%s", m.Name, g.Error, err, m.Data)
		case err == nil && !reflect.DeepEqual(g.Merged, want):
			gj, _ := json.Marshal(g.Merged)
			wj, _ := json.Marshal(want)
			t.Errorf("mutant %s: merged on the page:\n%s\nin Go:\n%s", m.Name, gj, wj)
		}
		if err == nil {
			accepted++
		}
	}
	if accepted < 40 || accepted > len(mutants)-40 {
		t.Errorf("%d of %d mutants accepted: the fuzz should mix both verdicts", accepted, len(mutants))
	}
}
