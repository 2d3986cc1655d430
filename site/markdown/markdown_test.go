package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/internal/golden"
	"playbook/site/diag"
	"playbook/site/markdown/links"
)

var testLabels = Labels{TrainerNotes: "Trainer notes", Minutes: "%d min"}

// fakeResolver knows a fixed set of source files and maps x.md to x.html.
type fakeResolver map[string]string

func (r fakeResolver) ResolveLink(target string, image bool) (string, bool) {
	href, ok := r[target]
	return href, ok
}

func convert(t *testing.T, opts Options, path, body string, r links.Resolver) (*Document, diag.List) {
	t.Helper()
	var d diag.List
	if opts.Labels == (Labels{}) {
		opts.Labels = testLabels
	}
	doc := New(opts).Convert(Source{Path: path, Body: []byte(body), Resolver: r}, &d)
	return doc, d
}

// TestGolden renders every testdata/golden/*.md in both editions and compares the HTML and
// the diagnostics with the files beside it.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.md")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(f, ".md")
		for _, edition := range []string{"learner", "trainer"} {
			t.Run(filepath.Base(base)+"/"+edition, func(t *testing.T) {
				doc, d := convert(t, Options{Trainer: edition == "trainer"}, "lesson.md", string(src), nil)
				out := string(doc.HTML)
				if len(d) > 0 {
					out += "<!-- diagnostics:\n" + d.Error() + "\n-->\n"
				}
				golden.Check(t, base+"."+edition+".html", []byte(out))
			})
		}
	}
}

func TestHeadingIDsAreUniqueAndStable(t *testing.T) {
	body := "## Summary\n\n## Summary\n\n## Summary-1\n\n## 总结\n\n## 总结\n\n## !!!\n"
	doc, d := convert(t, Options{}, "a.md", body, nil)
	if len(d) > 0 {
		t.Fatal(d)
	}
	var ids []string
	for _, h := range doc.Headings {
		ids = append(ids, h.ID)
	}
	want := "summary summary-1 summary-1-1 总结 总结-1 section"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
	again, _ := convert(t, Options{}, "a.md", body, nil)
	if string(again.HTML) != string(doc.HTML) {
		t.Error("two conversions of the same input differ")
	}
}

func TestTimings(t *testing.T) {
	body := "## A {minutes=10}\n\n### A1 {minutes=3}\n\n## B {minutes=20}\n\n## C\n"
	for _, trainer := range []bool{false, true} {
		doc, d := convert(t, Options{Trainer: trainer}, "a.md", body, nil)
		if len(d) > 0 {
			t.Fatal(d)
		}
		if got := doc.Minutes(); got != 30 {
			t.Errorf("trainer=%v: Minutes() = %d, want 30 (level-2 sections only)", trainer, got)
		}
		html := string(doc.HTML)
		if strings.Contains(html, "minutes=") || strings.Contains(html, `minutes="`) {
			t.Errorf("the minutes attribute leaked into the HTML: %s", html)
		}
		if has := strings.Contains(html, `<span class="timing">10 min</span>`); has != trainer {
			t.Errorf("trainer=%v: timing badge shown = %v\n%s", trainer, has, html)
		}
	}
	_, d := convert(t, Options{}, "a.md", "## A {minutes=2.5}\n\n## B {minutes=\"x\"}\n\n## C {minutes=-1}\n", nil)
	if len(d) != 3 {
		t.Errorf("want 3 diagnostics for bad minutes, got %v", d)
	}
}

func TestCodeInSectionText(t *testing.T) {
	doc, d := convert(t, Options{}, "a.md", "## Use `crm` {minutes=5}\n\nType `x = 1`.\n\n```\nblock\n```\n", nil)
	if len(d) > 0 {
		t.Fatal(d)
	}
	if len(doc.Sections) != 1 || doc.Sections[0].Heading != "Use crm" || doc.Sections[0].Text != "Type x = 1. block" {
		t.Errorf("sections = %+v", doc.Sections)
	}
}

func TestTrainerNotesNeverReachLearners(t *testing.T) {
	body := "Intro.\n\n::: trainer\nSECRET [link](missing.md)\n\n## Hidden heading\n:::\n\nAfter.\n"
	doc, d := convert(t, Options{}, "a.md", body, fakeResolver{})
	if strings.Contains(string(doc.HTML), "SECRET") || strings.Contains(string(doc.HTML), "trainer") {
		t.Errorf("learner HTML contains trainer material:\n%s", doc.HTML)
	}
	if len(doc.Headings) != 0 {
		t.Errorf("a heading inside trainer notes reached the learner TOC: %v", doc.Headings)
	}
	if len(d) != 0 {
		t.Errorf("learner edition should not check what it drops: %v", d)
	}
	doc, d = convert(t, Options{Trainer: true}, "a.md", body, fakeResolver{})
	if !strings.Contains(string(doc.HTML), "SECRET") {
		t.Error("trainer HTML lacks the notes")
	}
	if len(d) != 1 || !strings.Contains(d[0].Message, "missing.md") {
		t.Errorf("trainer edition must check links inside notes, got %v", d)
	}
}

func TestContainerErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
		line             int
	}{
		{"unknown", "x\n\n::: tip\nbody\n:::\n", "unknown block", 3},
		{"unclosed", "x\n\n::: trainer\nbody\n", "never closed", 3},
		{"nested", "::: trainer\n::: trainer\ninner\n:::\n:::\n", "inside another", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, d := convert(t, Options{Trainer: true}, "a.md", tt.body, nil)
			found := false
			for _, x := range d {
				if strings.Contains(x.Message, tt.want) && x.Pos.Line == tt.line {
					found = true
				}
			}
			if !found {
				t.Errorf("want %q at line %d, got %v", tt.want, tt.line, d)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	r := fakeResolver{
		"content/en/day-01/02-next.md": "next.html",
		"content/en/day-02":            "../day-02/index.html",
		"content/en/day-01/chart.png":  "chart.png",
	}
	tests := []struct {
		name, body string
		wantHref   string // substring expected in the HTML
		wantErr    string // substring expected in a diagnostic; "" for none
		wantCol    int
	}{
		{"lesson", "[next](02-next.md)", `href="next.html"`, "", 0},
		{"lesson with fragment", "[next](02-next.md#the-stages)", `href="next.html#the-stages"`, "", 0},
		{"day folder", "[day 2](../day-02/)", `href="../day-02/index.html"`, "", 0},
		{"escaped space", "[x](02%2Dnext.md)", `href="next.html"`, "", 0},
		{"image", "![chart](chart.png)", `src="chart.png"`, "", 0},
		{"external", "[site](https://example.org/a?b=c)", `href="https://example.org/a?b=c"`, "", 0},
		{"mailto", "[mail](mailto:a@example.org)", `href="mailto:a@example.org"`, "", 0},
		{"same page", "[up](#top)", `href="#top"`, "", 0},
		{"missing", "see [gone](03-gone.md) now", "", "no such file", 5},
		{"javascript", "[x](javascript:alert(1))", "", `"javascript:" is not allowed`, 1},
		{"JavaScript upper", "[x](JavaScript:alert(1))", "", "not allowed", 1},
		{"data", "[x](data:text/html,hi)", "", "not allowed", 1},
		{"vbscript", "[x](vbscript:x)", "", "not allowed", 1},
		{"absolute", "[x](/en/day-01/next.html)", "", "absolute path", 1},
		{"outside", "[x](../../../../etc/passwd)", "", "outside the course", 1},
		{"remote image", "![x](https://example.org/x.png)", "", "another host", 1},
		{"protocol-relative image", "![x](//example.org/x.png)", "", "another host", 1},
		{"query", "[x](02-next.md?a=b)", "", "query string", 1},
		{"empty", "[x]()", "", "empty destination", 1},
		{"second line", "first line\nand [gone](nope.md)", "", "no such file", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, d := convert(t, Options{}, "content/en/day-01/01-this.md", tt.body+"\n", r)
			if tt.wantErr == "" {
				if len(d) > 0 {
					t.Fatalf("unexpected diagnostics: %v", d)
				}
				if !strings.Contains(string(doc.HTML), tt.wantHref) {
					t.Errorf("HTML %q lacks %q", doc.HTML, tt.wantHref)
				}
				return
			}
			if len(d) == 0 || !strings.Contains(d[0].Message, tt.wantErr) {
				t.Fatalf("want a diagnostic containing %q, got %v", tt.wantErr, d)
			}
			if tt.wantCol > 0 && tt.name != "second line" && d[0].Pos.Col < tt.wantCol {
				t.Errorf("column %d, want at least %d", d[0].Pos.Col, tt.wantCol)
			}
			if tt.name == "second line" && d[0].Pos.Line != 2 {
				t.Errorf("line %d, want 2", d[0].Pos.Line)
			}
			if strings.Contains(strings.ToLower(string(doc.HTML)), "script:") || strings.Contains(string(doc.HTML), "data:text") {
				t.Errorf("a dangerous URL reached the HTML: %s", doc.HTML)
			}
		})
	}
}

func TestDangerousSchemesRefusedEvenWithRawHTML(t *testing.T) {
	doc, d := convert(t, Options{Unsafe: true}, "a.md", "[x](javascript:alert(1)) <b>ok</b>\n", nil)
	if strings.Contains(string(doc.HTML), "javascript:") {
		t.Errorf("javascript: link reached the page with raw HTML on: %s", doc.HTML)
	}
	if !strings.Contains(string(doc.HTML), "<b>ok</b>") {
		t.Errorf("raw HTML should pass when allowed: %s", doc.HTML)
	}
	if len(d) != 1 {
		t.Errorf("want one diagnostic, got %v", d)
	}
}

func TestLinkPositionsCountLineOffset(t *testing.T) {
	var d diag.List
	New(Options{Labels: testLabels}).Convert(Source{Path: "x.md", Body: []byte("中文 [x](gone.md)\n"), LineOffset: 7, Resolver: fakeResolver{}}, &d)
	if len(d) != 1 {
		t.Fatalf("want 1 diagnostic, got %v", d)
	}
	if d[0].Pos.Line != 8 || d[0].Pos.Col != 8 {
		t.Errorf("position %d:%d, want 8:8 (line offset added, columns in characters)", d[0].Pos.Line, d[0].Pos.Col)
	}
}

func TestFragmentLinksAreCollected(t *testing.T) {
	doc, _ := convert(t, Options{}, "content/en/day-01/01-this.md", "## Here\n\n[a](#here) [b](02-next.md#there)\n", fakeResolver{"content/en/day-01/02-next.md": "next.html"})
	if len(doc.Links) != 2 {
		t.Fatalf("links = %v", doc.Links)
	}
	if doc.Links[0].Target != "content/en/day-01/01-this.md" || doc.Links[0].Fragment != "here" {
		t.Errorf("same-page link = %+v", doc.Links[0])
	}
	if doc.Links[1].Target != "content/en/day-01/02-next.md" || doc.Links[1].Fragment != "there" {
		t.Errorf("cross-page link = %+v", doc.Links[1])
	}
	if !doc.Anchors["here"] {
		t.Errorf("anchors = %v", doc.Anchors)
	}
}

// FuzzConvert feeds arbitrary Markdown through the converter with link resolution: it must
// never panic, and no dangerous URL may reach the output.
func FuzzConvert(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/golden/*.md")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		f.Add(string(data))
	}
	f.Add("[x](javascript:alert(1))\n::: trainer\n## h {minutes=3}\n")
	f.Add("[a](<java\tscript:x>) ![b](//h/x.png) [c](../../x.md#frag)")
	seeds, _ = filepath.Glob("testdata/slides/*.md")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		f.Add(string(data))
	}
	f.Add("- a\n\n  ::: trainer\n  n\n  :::\n---\n> ::: trainer\n> ---\n> :::\ntext\n---\n")
	conv := New(Options{Trainer: true, Labels: testLabels})
	r := fakeResolver{"content/en/a.md": "a.html"}
	f.Fuzz(func(t *testing.T, body string) {
		var d diag.List
		doc := conv.Convert(Source{Path: "content/en/b.md", Body: []byte(body), Resolver: r}, &d)
		low := strings.ToLower(string(doc.HTML))
		for _, bad := range []string{`href="javascript:`, `src="javascript:`, `href="vbscript:`, `href="data:`} {
			if strings.Contains(low, bad) {
				t.Fatalf("dangerous URL %q in output for %q:\n%s", bad, body, doc.HTML)
			}
		}
		for _, x := range d {
			if x.Pos.Line < 1 {
				t.Fatalf("diagnostic without a line: %v", x)
			}
		}
		// Split into slides, the same body renders the same lesson page.
		var sd diag.List
		slides := conv.Convert(Source{Path: "content/en/b.md", Body: []byte(body), Resolver: r, Slides: true, SlideBreaks: true}, &sd)
		if string(slides.HTML) != string(doc.HTML) {
			t.Fatalf("rendered block by block, %q gives another page:\n%s", body, golden.Diff(string(doc.HTML), string(slides.HTML)))
		}
		if len(slides.Slides) == 0 {
			t.Fatalf("no title slide for %q", body)
		}
		for _, x := range sd {
			if x.Pos.Line < 1 {
				t.Fatalf("diagnostic without a line: %v", x)
			}
		}
	})
}

// Headings and section texts are plain text: the typographer's curly quotes and dashes are
// characters, not HTML entities that a template would escape again.
func TestPlainTextUnescapesTypography(t *testing.T) {
	doc, _ := convert(t, Options{}, "a.md", "## The manager's \"five\" tasks -- in short\n\nIt's done.\n", nil)
	if got, want := doc.Headings[0].Text, "The manager’s “five” tasks – in short"; got != want {
		t.Errorf("heading text = %q, want %q", got, want)
	}
	if got := doc.Sections[len(doc.Sections)-1].Text; got != "It’s done." {
		t.Errorf("section text = %q", got)
	}
}

// TestDeepNestingRefused checks that lists or quotes nested beyond MaxIndent columns are a
// positioned error found in one pass (2,000 levels of list: the parser alone took 10 s),
// and that nesting up to the limit converts as before.
func TestDeepNestingRefused(t *testing.T) {
	var deep strings.Builder
	for i := 0; i < 2000; i++ {
		deep.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	cases := []struct {
		body string
		want string
	}{
		{"## A\n\n" + deep.String(), "x.md:64:1: this line is indented or quoted more than 120 columns"},
		{"## A\n\n" + strings.Repeat(">", 61) + " quoted\n", "x.md:3:1: this line is indented or quoted"},
		{"## A\n\n" + strings.Repeat(" ", 120) + "text\n", ""},
	}
	for _, c := range cases {
		var d diag.List
		New(Options{}).Convert(Source{Path: "x.md", Body: []byte(c.body)}, &d)
		switch {
		case c.want == "" && d.HasErrors():
			t.Errorf("%.20q: %v", c.body, d)
		case c.want != "" && (len(d) == 0 || !strings.HasPrefix(d[0].String(), c.want)):
			t.Errorf("%.20q: %v, want %q first", c.body, d, c.want)
		}
	}
}
