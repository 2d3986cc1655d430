package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/internal/golden"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/output"
)

// testCourse is the small course the tests build: two days, both languages, one material
// of each kind.
const testCourse = "../../testdata/course"

// TestGoldenSite builds testdata/course in both editions and compares every output file with
// testdata/golden/<edition>/. Run with -update to accept changes.
func TestGoldenSite(t *testing.T) {
	for _, ed := range []Edition{Learner, Trainer} {
		t.Run(string(ed), func(t *testing.T) {
			res := Build(os.DirFS(testCourse), Options{Edition: ed})
			if res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			dir := filepath.Join("testdata", "golden", string(ed))
			if golden.Updating() {
				os.RemoveAll(dir)
			}
			for _, p := range res.Site.Paths() {
				if strings.HasPrefix(p, "assets/") {
					continue // the theme's own files are not content output
				}
				data, _ := res.Site.Get(p)
				golden.Check(t, filepath.Join(dir, filepath.FromSlash(p)), data)
			}
			// Every golden file must still be produced.
			_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(dir, p)
				if _, ok := res.Site.Get(filepath.ToSlash(rel)); !ok {
					t.Errorf("golden file %s is no longer produced", rel)
				}
				return nil
			})
		})
	}
}

func TestDeterministic(t *testing.T) {
	a := Build(os.DirFS(testCourse), Options{Edition: Trainer})
	b := Build(os.DirFS(testCourse), Options{Edition: Trainer})
	pa, pb := a.Site.Paths(), b.Site.Paths()
	if strings.Join(pa, "\n") != strings.Join(pb, "\n") {
		t.Fatal("two builds produced different file lists")
	}
	for _, p := range pa {
		x, _ := a.Site.Get(p)
		y, _ := b.Site.Get(p)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestEditions(t *testing.T) {
	learner := Build(os.DirFS(testCourse), Options{Edition: Learner})
	trainer := Build(os.DirFS(testCourse), Options{Edition: Trainer})
	for _, p := range learner.Site.Paths() {
		if strings.HasPrefix(p, "assets/") {
			continue // the shared stylesheet styles trainer notes; it carries no content
		}
		data, _ := learner.Site.Get(p)
		for _, secret := range []string{"trainer-notes", "Trainer notes", "讲师备注", `class="timing"`, "Ask who has seen", "问问谁见过",
			"slide-notes", "data-minutes", "Say why the first step", "Check the room"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("learner %s contains %q", p, secret)
			}
		}
	}
	page, _ := trainer.Site.Get("en/day-01-basics/first.html")
	for _, want := range []string{`<aside class="trainer-notes">`, "Ask who has seen", `<span class="timing">10 min</span>`, "Trainer edition", `name="robots" content="noindex"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("trainer lesson lacks %q", want)
		}
	}
	zh, _ := trainer.Site.Get("zh-CN/day-01-basics/first.html")
	for _, want := range []string{`<html lang="zh-CN">`, "讲师备注", "10 分钟", "讲师版"} {
		if !bytes.Contains(zh, []byte(want)) {
			t.Errorf("Chinese trainer lesson lacks %q", want)
		}
	}
}

func TestSiteStructure(t *testing.T) {
	res := Build(os.DirFS(testCourse), Options{})
	for _, p := range []string{"index.html", "en/index.html", "zh-CN/index.html", "en/day-01-basics/index.html",
		"en/day-01-basics/first.html", "en/day-01-basics/chart.svg", "sitemap.xml", "404.html", "assets/playbook.css"} {
		if _, ok := res.Site.Get(p); !ok {
			t.Errorf("missing %s", p)
		}
	}
	if _, ok := res.Site.Get("en/day-02-next/draft.html"); ok {
		t.Error("a draft was published")
	}
	for _, p := range res.Site.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := res.Site.Get(p)
		s := string(data)
		if !strings.Contains(s, `http-equiv="Content-Security-Policy"`) {
			t.Errorf("%s has no CSP", p)
		}
		if strings.Contains(s, ` style="`) {
			t.Errorf("%s has an inline style attribute, which the CSP (style-src 'self') blocks", p)
		}
		if strings.Contains(s, "_playbook") {
			t.Errorf("%s carries the live-preview script, which belongs to serve mode only", p)
		}
		if strings.Contains(s, "<script>") || strings.Contains(s, " onclick=") {
			t.Errorf("%s has inline script", p)
		}
		if p != "404.html" && strings.Contains(s, `href="/`) || strings.Contains(s, `src="/`) {
			t.Errorf("%s has a root-absolute URL, which breaks from file:// and sub-paths", p)
		}
	}
	// The language switcher keeps you on the same page, or falls back to the home page.
	first, _ := res.Site.Get("en/day-01-basics/first.html")
	if !bytes.Contains(first, []byte(`href="../../zh-CN/day-01-basics/first.html" hreflang="zh-CN"`)) {
		t.Error("switcher does not link the Chinese counterpart")
	}
	only, _ := res.Site.Get("en/day-02-next/only.html")
	if !bytes.Contains(only, []byte(`href="../../zh-CN/index.html" hreflang="zh-CN"`)) {
		t.Error("switcher should fall back to the Chinese home for an untranslated lesson")
	}
	sitemap, _ := res.Site.Get("sitemap.xml")
	if !bytes.Contains(sitemap, []byte("<loc>https://example.org/course/en/day-01-basics/first.html</loc>")) ||
		!bytes.Contains(sitemap, []byte(`hreflang="zh-CN" href="https://example.org/course/zh-CN/day-01-basics/first.html"`)) {
		t.Errorf("sitemap lacks a page or its alternate:\n%s", sitemap)
	}
}

func TestNoBaseURLNoSitemap(t *testing.T) {
	fsys := courseFS(map[string]string{})
	res := Build(fsys, Options{})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	for _, p := range []string{"sitemap.xml", "404.html"} {
		if _, ok := res.Site.Get(p); ok {
			t.Errorf("%s written without a base URL", p)
		}
	}
	res = Build(fsys, Options{BaseURL: "https://x.example/sub"})
	if _, ok := res.Site.Get("sitemap.xml"); !ok {
		t.Error("--base-url should enable the sitemap")
	}
	nf, _ := res.Site.Get("404.html")
	if !bytes.Contains(nf, []byte(`href="https://x.example/sub/assets/playbook.css"`)) {
		t.Error("404 page must use absolute URLs: it is served at any path")
	}
}

// courseFS returns a minimal valid course with files added or replaced by extra.
func courseFS(extra map[string]string) fstest.MapFS {
	files := map[string]string{
		"playbook.yaml":                   "title: T\nlanguages: [en]\n",
		"content/en/day-01-a/_index.md":   "---\ntitle: Day A\n---\n",
		"content/en/day-01-a/01-one.md":   "---\ntitle: One\n---\n## Start\n\nGo to [two](02-two.md#end).\n",
		"content/en/day-01-a/02-two.md":   "---\ntitle: Two\n---\n## End\n",
		"content/en/day-01-a/picture.png": "PNG",
	}
	for k, v := range extra {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		if v == "<delete>" {
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

// TestBadInput checks that each authoring mistake gives a positioned error that says what to
// do, and that BOM and CRLF files just work.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		extra map[string]string
		want  string // "" means the build must succeed
		pos   string // expected "path:line:col" prefix
	}{
		{"bom and crlf work", map[string]string{"content/en/day-01-a/02-two.md": "\xEF\xBB\xBF---\r\ntitle: Two\r\n---\r\n## End\r\n"}, "", ""},
		{"malformed front matter", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: [unclosed\n---\n"}, "invalid YAML", "content/en/day-01-a/02-two.md:"},
		{"unknown key", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\nauthor: me\n---\n## End\n"}, `unknown key "author"`, "content/en/day-01-a/02-two.md:3:1"},
		{"missing title", map[string]string{"content/en/day-01-a/02-two.md": "---\nday: 1\n---\n## End\n"}, "no title", "content/en/day-01-a/02-two.md:2:1"},
		{"duplicate slug", map[string]string{"content/en/day-01-a/03-two.md": "---\ntitle: Two again\n---\n"}, "duplicate slug", "content/en/day-01-a/03-two.md:1:1"},
		{"invalid utf-8", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: T\xe9\n---\n"}, "not valid UTF-8", "content/en/day-01-a/02-two.md:2:9"},
		{"link to nowhere", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\n---\n## End\n\nSee [x](03-three.md).\n"}, "no such file", "content/en/day-01-a/02-two.md:6:9"},
		{"anchor to nowhere", map[string]string{"content/en/day-01-a/01-one.md": "---\ntitle: One\n---\nGo to [two](02-two.md#nope).\n"}, "no heading with that anchor", "content/en/day-01-a/01-one.md:4:13"},
		{"huge file", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: x\n---\n" + strings.Repeat("word ", 11<<20)}, "larger than", "content/en/day-01-a/02-two.md:1:1"},
		{"day mismatch", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\nday: 3\n---\n## End\n"}, "front matter says day 3", "content/en/day-01-a/02-two.md:2:1"},
		{"bad day folder", map[string]string{"content/en/week-1/01-x.md": "---\ntitle: X\n---\n"}, "not a day folder", "content/en/week-1:1:1"},
		{"page beside the days takes no lesson keys", map[string]string{"content/en/glossary.md": "---\ntitle: X\nday: 1\n---\n"}, `unknown key "day"`, "content/en/glossary.md:3:1"},
		{"missing language folder", map[string]string{"playbook.yaml": "title: T\nlanguages: [en, zh-CN]\n"}, "has no folder content/zh-CN", "playbook.yaml:1:1"},
		{"bad config", map[string]string{"playbook.yaml": "title: T\nlanguages: [en, fr]\nthemes: x\n"}, `language "fr"`, "playbook.yaml:2:"},
		{"no config", map[string]string{"playbook.yaml": "<delete>"}, "no playbook.yaml", "playbook.yaml:1:1"},
		{"javascript link", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\n---\n## End\n[x](javascript:alert(1))\n"}, "not allowed", "content/en/day-01-a/02-two.md:5:"},
		{"slides mode", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\nslides: pages\n---\n## End\n"}, `slides must be "headings"`, "content/en/day-01-a/02-two.md:3:9"},
		{"empty slide", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\nslides: breaks\n---\n## End\n\nx\n\n---\n"}, "empty slide", "content/en/day-01-a/02-two.md:9:1"},
		{"slide break in a list", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\nslides: breaks\n---\n## End\n\n- x\n\n  ***\n"}, "cannot start a slide", "content/en/day-01-a/02-two.md:9:3"},
		{"heading made by a break", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\nslides: breaks\n---\n## End\n\nLast words\n---\n"}, "right under text", "content/en/day-01-a/02-two.md:7:1"},
		{"slug of slides", map[string]string{"content/en/day-01-a/03-two.slides.md": "---\ntitle: Two\n---\n"}, `may not end in ".slides"`, "content/en/day-01-a/03-two.slides.md:1:1"},
		{"bad base url", map[string]string{"playbook.yaml": "title: T\nlanguages: [en]\nbase_url: example.org\n"}, "base URL must be", "playbook.yaml:3:11"},
		{"unknown material", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\n---\n## Practice {minutes=20 material=no-such}\n"}, `no quiz, checklist or worksheet has the id "no-such"`, "content/en/day-01-a/02-two.md:4:"},
		{"material on a small heading", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\n---\n### Practice {material=x}\n"}, "level-2 section", "content/en/day-01-a/02-two.md:4:"},
		{"second YAML document", map[string]string{"quizzes/q.yaml": "id: q\ntitle: Q\nday: 1\nquestions:\n  - {id: a, type: true-false, prompt: P, answer: true, explanation: E}\n---\nid: r\n"}, "a second YAML document", "quizzes/q.yaml:6:1"},
		{"control character", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: \"Two\x1b\"\n---\n## End\n"}, "control character U+001B", "content/en/day-01-a/02-two.md:2:12"},
		{"unknown slide block", map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: Two\n---\n## End\n\n::: slides\nx\n:::\n"}, `unknown block "::: slides"`, "content/en/day-01-a/02-two.md:6:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(courseFS(tt.extra), Options{Edition: Trainer})
			if tt.want == "" {
				if res.Diags.HasErrors() {
					t.Fatalf("unexpected errors:\n%v", res.Diags)
				}
				return
			}
			var found *diag.Diagnostic
			for i, d := range res.Diags {
				if d.Severity == diag.Error && strings.Contains(d.Message, tt.want) {
					found = &res.Diags[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("want an error containing %q, got:\n%v", tt.want, res.Diags)
			}
			if !strings.HasPrefix(found.String(), tt.pos) {
				t.Errorf("error %q should start with %q", found, tt.pos)
			}
		})
	}
}

func TestAllErrorsReportedSorted(t *testing.T) {
	res := Build(courseFS(map[string]string{
		"content/en/day-01-a/02-two.md":   "---\ntitle: Two\nfoo: 1\n---\n[a](x.md) [b](y.md)\n",
		"content/en/day-01-a/01-one.md":   "---\nbar: 1\n---\n",
		"content/en/day-01-a/03-three.md": "no front matter",
	}), Options{})
	got := res.Diags.Error()
	if res.Diags.ErrorCount() != 6 {
		t.Fatalf("want 6 errors (bar, no title, missing front matter, foo, x.md, y.md), got:\n%s", got)
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	good := Build(courseFS(nil), Options{})
	if good.Diags.HasErrors() {
		t.Fatal(good.Diags)
	}
	if err := output.Write(good.Site, dir); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	bad := Build(courseFS(map[string]string{"content/en/day-01-a/02-two.md": "---\ntitle: [\n---\n"}), Options{})
	if !bad.Diags.HasErrors() {
		t.Fatal("the broken course built")
	}
	// The command writes only when there are no errors; the folder must be as it was.
	if after := snapshot(t, dir); after != before {
		t.Error("output changed after a failed build")
	}
}

func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			b.WriteString(p + "\n" + string(data) + "\n")
		}
		return nil
	})
	return b.String()
}

// brokenFS fails to open one file, as an unreadable file on disk would.
type brokenFS struct {
	fstest.MapFS
	bad string
}

func (f brokenFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f brokenFS) ReadFile(name string) ([]byte, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

func TestUnreadableFile(t *testing.T) {
	fsys := brokenFS{MapFS: courseFS(nil), bad: "content/en/day-01-a/02-two.md"}
	res := Build(fsys, Options{})
	if !strings.Contains(res.Diags.Error(), "content/en/day-01-a/02-two.md:1:1: cannot read file: permission denied") {
		t.Errorf("got:\n%v", res.Diags)
	}
}

func TestTranslationsCarryTheSameStructure(t *testing.T) {
	files := map[string]string{
		"playbook.yaml":                      "title: T\nlanguages: [en, zh-CN]\n",
		"content/en/day-01-a/_index.md":      "---\ntitle: A\n---\n",
		"content/zh-CN/day-01-a/_index.md":   "---\ntitle: 甲\n---\n",
		"content/en/day-01-a/01-one.md":      "---\ntitle: One\nduration: 20\nobjectives: [a, b]\n---\n## Start {#start minutes=10}\n\n## End {minutes=10}\n",
		"content/zh-CN/day-01-a/01-one.md":   "---\ntitle: 一\nduration: 20\nobjectives: [甲, 乙]\n---\n## 开始 {#start minutes=10}\n\n## 结束 {minutes=10}\n",
		"content/en/day-01-a/02-two.md":      "---\ntitle: Two\nduration: 30\n---\n## A {minutes=10}\n\n## B {minutes=20}\n",
		"content/zh-CN/day-01-a/02-two.md":   "---\ntitle: 二\nduration: 25\n---\n## 甲 {minutes=10}\n",
		"content/en/day-01-a/03-three.md":    "---\ntitle: Three\n---\n## A {#a}\n",
		"content/zh-CN/day-01-a/03-three.md": "---\ntitle: 三\n---\n## 甲 {#b}\n",
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	res := Build(fsys, Options{Edition: Trainer})
	got := res.Diags.Error()
	for _, want := range []string{
		"content/zh-CN/day-01-a/02-two.md:1:1: the sections differ from content/en/day-01-a/02-two.md: 1 headings here, 2 there",
		"content/zh-CN/day-01-a/02-two.md:2:1: duration is 25 but content/en/day-01-a/02-two.md says 30",
		"content/zh-CN/day-01-a/03-three.md:1:1: the sections differ from content/en/day-01-a/03-three.md: heading 1 has the anchor #b here, #a there",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "01-one.md") {
		t.Errorf("matching translations were reported:\n%s", got)
	}
}

// TestSiteKeyIsThePagesDataSite checks the exported SiteKey against what the pages carry, so
// a progress file's "site" can be compared with it.
func TestSiteKeyIsThePagesDataSite(t *testing.T) {
	fsys := courseFS(map[string]string{"playbook.yaml": "title: My Fine Course!\nlanguages: [en]\n"})
	res := Build(fsys, Options{})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	c := course.Load(fsys, new(diag.List))
	key := SiteKey(c.Config)
	if key != "my-fine-course" {
		t.Errorf("SiteKey = %q, want my-fine-course", key)
	}
	page, ok := res.Site.Get("en/day-01-a/one.html")
	if !ok || !strings.Contains(string(page), `data-site="`+key+`"`) {
		t.Errorf("the lesson page does not carry data-site=%q", key)
	}
}
