package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/internal/golden"
	"playbook/site/diag"
)

// slideBreakInputs are the slide test inputs written for "slides: breaks".
var slideBreakInputs = map[string]bool{"breaks": true}

// dumpSlides writes slides as text for golden files: a header line per slide (number,
// heading, anchor, minutes, continued), then its body and its notes.
func dumpSlides(slides []Slide) string {
	var b strings.Builder
	for i, s := range slides {
		fmt.Fprintf(&b, "=== slide %d", i+1)
		if s.Heading != "" {
			fmt.Fprintf(&b, ": %s #%s", s.Heading, s.ID)
		}
		if s.Minutes > 0 {
			fmt.Fprintf(&b, " (%d min)", s.Minutes)
		}
		if s.Continued {
			b.WriteString(" continued")
		}
		if s.Authored {
			b.WriteString(" authored")
		}
		b.WriteString("\n" + string(s.HeadingHTML))
		if len(s.HTML) > 0 {
			b.WriteString("--- body\n" + string(s.HTML))
		}
		if len(s.Script) > 0 {
			b.WriteString("--- script\n" + string(s.Script))
		}
		if len(s.Notes) > 0 {
			b.WriteString("--- notes\n" + string(s.Notes))
		}
	}
	return b.String()
}

// TestSlidesGolden splits every testdata/slides/*.md in both editions and compares the
// slides and the diagnostics with the files beside it.
func TestSlidesGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/slides/*.md")
	if len(files) == 0 {
		t.Fatal("no slide inputs")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(f, ".md")
		for _, edition := range []string{"learner", "trainer"} {
			t.Run(filepath.Base(base)+"/"+edition, func(t *testing.T) {
				var d diag.List
				opts := Options{Trainer: edition == "trainer", Labels: testLabels}
				src := Source{Path: "lesson.md", Body: src, Slides: true, SlideBreaks: slideBreakInputs[filepath.Base(base)]}
				doc := New(opts).Convert(src, &d)
				out := dumpSlides(doc.Slides)
				if len(d) > 0 {
					out += "=== diagnostics\n" + d.Error() + "\n"
				}
				golden.Check(t, base+"."+edition+".slides", []byte(out))
				// The slides change nothing of the lesson page.
				src.Slides, src.SlideBreaks = false, false
				var d2 diag.List
				if whole := New(opts).Convert(src, &d2); string(whole.HTML) != string(doc.HTML) {
					t.Errorf("the HTML rendered block by block differs from the whole document's:\n%s", golden.Diff(string(whole.HTML), string(doc.HTML)))
				}
			})
		}
	}
}

func TestSlidesSplit(t *testing.T) {
	body := "Intro.\n\n::: trainer\nT0\n:::\n\n## A {minutes=10}\n\nA text.\n\n::: trainer\nT1\n:::\n\n## B {minutes=5}\n\n- item\n\n  ::: trainer\n  T2\n  :::\n\n## C\n"
	for _, trainer := range []bool{false, true} {
		var d diag.List
		doc := New(Options{Trainer: trainer, Labels: testLabels}).Convert(Source{Path: "a.md", Body: []byte(body), Slides: true}, &d)
		if len(d) > 0 {
			t.Fatal(d)
		}
		var got []string
		for _, s := range doc.Slides {
			got = append(got, fmt.Sprintf("%s|%d|%s", s.Heading, s.Minutes, strings.TrimSpace(string(s.Notes))))
		}
		want := []string{"|0|", "A|10|", "B|5|", "C|0|"}
		if trainer {
			want = []string{"|0|<p>T0</p>", "A|10|<p>T1</p>", "B|5|<p>T2</p>", "C|0|"}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("trainer=%v: slides (heading|minutes|notes)\n%s\nwant\n%s", trainer, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for i, s := range doc.Slides {
			for _, leak := range []string{"T0", "T1", "T2", "trainer", "timing"} {
				if strings.Contains(string(s.HeadingHTML)+string(s.HTML), leak) {
					t.Errorf("trainer=%v: the body of slide %d shows %q: %s", trainer, i+1, leak, s.HTML)
				}
			}
		}
		if !strings.Contains(string(doc.Slides[2].HTML), "<li>") {
			t.Errorf("the list of slide 3 lost its item with the note: %s", doc.Slides[2].HTML)
		}
		if trainer && !strings.Contains(string(doc.HTML), "T2") {
			t.Error("splitting slides took the nested note out of the lesson page")
		}
	}
}

func TestSlidesWithoutHeadings(t *testing.T) {
	var d diag.List
	doc := New(Options{Labels: testLabels}).Convert(Source{Path: "a.md", Body: []byte("Only an intro.\n"), Slides: true}, &d)
	if len(doc.Slides) != 1 || !strings.Contains(string(doc.Slides[0].HTML), "Only an intro.") {
		t.Errorf("a lesson without headings is one title slide, got %+v", doc.Slides)
	}
	doc = New(Options{Labels: testLabels}).Convert(Source{Path: "a.md", Body: nil, Slides: true}, &d)
	if len(doc.Slides) != 1 || len(doc.Slides[0].HTML) != 0 || len(d) > 0 {
		t.Errorf("an empty lesson is one empty title slide, got %+v %v", doc.Slides, d)
	}
}

// TestSlideBreakErrors checks every misuse of slide breaks is reported where it is.
func TestSlideBreakErrors(t *testing.T) {
	tests := []struct {
		name, body string
		breaks     bool
		want       string // "" for no diagnostic
		line, col  int
	}{
		{"break", "## A\n\nx\n\n---\n\ny\n", true, "", 0, 0},
		{"break first", "---\n\nIntro.\n\n## A\n", true, "", 0, 0},
		{"heading slide then break", "## A\n\n---\n\ny\n", true, "", 0, 0},
		{"rule without breaks", "x\n\n---\n\n---\n", false, "", 0, 0},
		{"setext without breaks", "Title\n---\n", false, "", 0, 0},
		{"two breaks", "## A\n\nx\n\n---\n\n***\n\ny\n", true, "empty slide", 5, 1},
		{"break before heading", "## A\n\nx\n\n---\n\n## B\n", true, "empty slide", 5, 1},
		{"break at the end", "## A\n\nx\n\n  ---\n", true, "empty slide", 5, 3},
		{"break before notes only", "## A\n\nx\n\n---\n\n::: trainer\nn\n:::\n", true, "empty slide", 5, 1},
		{"break in a list", "## A\n\n- x\n\n  ---\n\n- y\n", true, "inside a list", 5, 3},
		{"break in a quote", "## A\n\n> x\n>\n> ---\n", true, "inside a list", 5, 3},
		{"break in notes", "## A\n\n::: trainer\nx\n\n---\n\ny\n:::\n", true, "inside a list", 6, 1},
		{"setext heading", "## A\n\nSome text\n---\n\nmore\n", true, "right under text", 3, 1},
		{"setext heading in Chinese", "## 甲\n\n正文\n---\n", true, `"## 正文"`, 3, 1},
		{"atx heading before a break", "## A\n---\n\nx\n", true, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d diag.List
			New(Options{Trainer: true, Labels: testLabels}).Convert(Source{Path: "a.md", Body: []byte(tt.body), LineOffset: 0, Slides: true, SlideBreaks: tt.breaks}, &d)
			if tt.want == "" {
				if len(d) > 0 {
					t.Fatalf("unexpected diagnostics: %v", d)
				}
				return
			}
			if len(d) != 1 {
				t.Fatalf("want one diagnostic containing %q, got %v", tt.want, d)
			}
			if !strings.Contains(d[0].Message, tt.want) || d[0].Pos.Line != tt.line || d[0].Pos.Col != tt.col {
				t.Errorf("got %v, want %d:%d ... %s", d[0], tt.line, tt.col, tt.want)
			}
		})
	}
}

// TestNotesForAnotherPage renders trainer notes for the lesson page and for a second page in
// another folder (a day's trainer pack): every link, image and same-page anchor of the notes
// must lead to the same place from there, and the lesson's own notes must not change.
func TestNotesForAnotherPage(t *testing.T) {
	body := "## Start\n\nText [next](02-next.md).\n\n::: trainer\nSee [next](02-next.md#there), [here](#start), ![chart](chart.svg) and [the web](https://example.org/).\n\n- a list [item](02-next.md)\n:::\n"
	lesson := fakeResolver{"content/en/day-01-a/02-next.md": "next.html", "content/en/day-01-a/01-this.md": "this.html", "content/en/day-01-a/chart.svg": "chart.svg"}
	pack := fakeResolver{"content/en/day-01-a/02-next.md": "../day-01-a/next.html", "content/en/day-01-a/01-this.md": "../day-01-a/this.html", "content/en/day-01-a/chart.svg": "../day-01-a/chart.svg"}
	var d diag.List
	doc := New(Options{Trainer: true, Labels: testLabels}).Convert(Source{Path: "content/en/day-01-a/01-this.md", Body: []byte(body), Resolver: lesson, Slides: true, NotesElsewhere: pack}, &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	var here, there string
	for _, s := range doc.Slides {
		here += string(s.Notes)
		there += string(s.NotesElsewhere)
	}
	for _, want := range []string{`href="next.html#there"`, `href="#start"`, `src="chart.svg"`, `href="https://example.org/"`, `href="next.html">item`} {
		if !strings.Contains(here, want) {
			t.Errorf("the lesson's notes lack %s:\n%s", want, here)
		}
	}
	for _, want := range []string{`href="../day-01-a/next.html#there"`, `href="../day-01-a/this.html#start"`, `src="../day-01-a/chart.svg"`, `href="https://example.org/"`, `href="../day-01-a/next.html">item`} {
		if !strings.Contains(there, want) {
			t.Errorf("the notes for the other page lack %s:\n%s", want, there)
		}
	}
	if !strings.Contains(string(doc.Slides[1].HTML), `href="next.html"`) {
		t.Errorf("the slide's body lost its link for the lesson page: %s", doc.Slides[1].HTML)
	}
}

// TestSlideBlocksLeaveThePage checks that a "::: slide" block is for the projector only: the
// reading page and the search text of the section leave it out, in both editions.
func TestSlideBlocksLeaveThePage(t *testing.T) {
	src, err := os.ReadFile("testdata/slides/authored.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, trainer := range []bool{false, true} {
		var d diag.List
		c := New(Options{Trainer: trainer, Labels: testLabels})
		doc := c.Convert(Source{Path: "lesson.md", Body: src, Slides: true}, &d)
		if strings.Contains(string(doc.HTML), "A software system") || strings.Contains(string(doc.HTML), "keep good customers") {
			t.Errorf("trainer=%v: the reading page shows a slide block:\n%s", trainer, doc.HTML)
		}
		if !strings.Contains(string(doc.HTML), "This paragraph is the presenter") {
			t.Errorf("trainer=%v: the reading page lost the section's text", trainer)
		}
		if strings.Contains(doc.Text(), "A software system") {
			t.Errorf("trainer=%v: the search text holds a slide block", trainer)
		}
	}
}
