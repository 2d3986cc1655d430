package course

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/site/diag"
)

func TestLoadLayout(t *testing.T) {
	fsys := fstest.MapFS{
		"playbook.yaml":                    {Data: []byte("title: T\nlanguages: [en, zh-CN]\n")},
		"content/en/_index.md":             {Data: []byte("---\ntitle: Home\n---\n")},
		"content/en/day-02-b/_index.md":    {Data: []byte("---\ntitle: B\n---\n")},
		"content/en/day-01-a/_index.md":    {Data: []byte("---\ntitle: A\n---\n")},
		"content/en/day-01-a/10-last.md":   {Data: []byte("---\ntitle: Last\nduration: 20\n---\n")},
		"content/en/day-01-a/02-second.md": {Data: []byte("---\ntitle: Second\nduration: 30\n---\n")},
		"content/en/day-01-a/03-early.md":  {Data: []byte("---\ntitle: Early\norder: 1\n---\n")},
		"content/en/day-01-a/04-draft.md":  {Data: []byte("---\ntitle: Draft\ndraft: true\n---\n")},
		"content/en/day-01-a/.#02-x.md":    {Data: []byte("lock file")},
		"content/en/day-01-a/02-x.md~":     {Data: []byte("backup")},
		"content/en/day-01-a/.x.md.swp":    {Data: []byte("swap")},
		"content/en/day-01-a/img/a.png":    {Data: []byte("png")},
		"content/zh-CN/day-01-a/_index.md": {Data: []byte("---\ntitle: 甲\n---\n")},
		"quizzes/day-01.yaml":              {Data: []byte("id: q\ntitle: Q\nday: 1\nquestions:\n  - {id: x, type: true-false, prompt: P, answer: true, explanation: E}\n")},
	}
	var d diag.List
	c := Load(fsys, &d)
	if d.HasErrors() {
		t.Fatal(d)
	}
	en := c.Lang("en")
	if len(en.Days) != 2 || en.Days[0].Number != 1 || en.Days[1].Number != 2 {
		t.Fatalf("days = %+v", en.Days)
	}
	var titles []string
	for _, l := range en.Days[0].Lessons {
		titles = append(titles, l.Title)
	}
	if got := strings.Join(titles, ","); got != "Early,Second,Last" {
		t.Errorf("lesson order = %s (order field first, then file number; drafts and editor files left out)", got)
	}
	if en.Days[0].Duration() != 50 {
		t.Errorf("duration = %d", en.Days[0].Duration())
	}
	if len(c.Assets) != 1 || c.Assets[0] != "content/en/day-01-a/img/a.png" {
		t.Errorf("assets = %v", c.Assets)
	}
	if len(c.Materials) != 1 || len(c.MaterialsOfDay(1)) != 1 || c.Material(c.Materials[0].Meta().Path) != c.Materials[0] {
		t.Errorf("materials = %v", c.Materials)
	}
	warnings := d.Error()
	for _, want := range []string{"expected content/zh-CN/day-01-a/02-second.md", "expected content/zh-CN/day-02-b"} {
		if !strings.Contains(warnings, want) {
			t.Errorf("missing translation warning %q in:\n%s", want, warnings)
		}
	}
}

func TestDuplicateDayNumber(t *testing.T) {
	fsys := fstest.MapFS{
		"playbook.yaml":                     {Data: []byte("title: T\n")},
		"content/en/day-01-a/_index.md":     {Data: []byte("---\ntitle: A\n---\n")},
		"content/en/day-01-b/_index.md":     {Data: []byte("---\ntitle: B\n---\n")},
		"content/en/day-01-b/01-x/y.md":     {Data: []byte("---\ntitle: nested\n---\n")},
		"content/en/day-1-short/x.md":       {Data: []byte("---\ntitle: x\n---\n")},
		"content/en/day-03-Upper/_index.md": {Data: []byte("---\ntitle: x\n---\n")},
	}
	var d diag.List
	Load(fsys, &d)
	msgs := d.Error()
	for _, want := range []string{"day 1 already has the folder", "folder \"day-1-short\" is not a day folder", "folder \"day-03-Upper\" is not a day folder"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("want %q in:\n%s", want, msgs)
		}
	}
}

// TestFilesAndInputs checks that the course names every file it read, each under one of
// the inputs the live preview watches.
func TestFilesAndInputs(t *testing.T) {
	var d diag.List
	c := Load(os.DirFS("../../testdata/course"), &d)
	if d.HasErrors() {
		t.Fatal(d)
	}
	files := c.Files()
	for _, want := range []string{"playbook.yaml", "frameworks.yaml", "content/en/day-01-basics/01-first.md", "content/en/day-01-basics/chart.svg", "quizzes/basics.yaml", "checklists/prospects.yaml", "worksheets/tiers.yaml"} {
		if !slices.Contains(files, want) {
			t.Errorf("Files() lacks %s: %v", want, files)
		}
	}
	in := InputsOf(c.Kinds)
	for _, f := range files {
		watched := slices.Contains(in.Files, f)
		for _, dir := range in.Dirs {
			watched = watched || strings.HasPrefix(f, dir+"/")
		}
		if !watched {
			t.Errorf("%s is read but not under the inputs %+v", f, in)
		}
	}
}

// TestSymbolicLinksRefused checks that every file and folder the build reads is refused when
// it is a symbolic link, with its path: a quiz, a whole quizzes folder, frameworks.yaml and
// playbook.yaml, as lessons already are.
func TestSymbolicLinksRefused(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"playbook.yaml":                 {Data: []byte("title: T\nlanguages: [en]\n")},
			"content/en/day-01-a/_index.md": {Data: []byte("---\ntitle: A\n---\n")},
			"content/en/day-01-a/01-one.md": {Data: []byte("---\ntitle: One\n---\n## Start\n")},
			"elsewhere/q.yaml":              {Data: []byte("id: q\ntitle: Q\nday: 1\nquestions:\n  - {id: a, type: true-false, prompt: P, answer: true, explanation: E}\n")},
		}
	}
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	cases := map[string]string{
		"quizzes/q.yaml":  "../elsewhere/q.yaml",
		"quizzes":         "elsewhere",
		"frameworks.yaml": "elsewhere/q.yaml",
		"playbook.yaml":   "elsewhere/q.yaml",
	}
	for name, target := range cases {
		fsys := base()
		fsys[name] = link(target)
		var d diag.List
		Load(fsys, &d)
		want := name + ":1:1: " + name + " is a symbolic link"
		if !slices.ContainsFunc(d, func(x diag.Diagnostic) bool { return strings.HasPrefix(x.String(), want) }) {
			t.Errorf("%s as a link: %v, want an error starting %q", name, d, want)
		}
	}
}
