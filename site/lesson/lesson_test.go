package lesson

import (
	"reflect"
	"strings"
	"testing"

	"playbook/site/diag"
)

func TestParse(t *testing.T) {
	good := "---\ntitle: What CRM means\nsummary: Two meanings.\nday: 1\norder: 2\nduration: 60\nobjectives:\n  - Explain CRM\n  - Name the causes\ndraft: false\n---\n\nBody **here**.\n"
	var d diag.List
	l := Parse("content/en/day-01-x/01-what-crm-means.md", []byte(good), &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	want := &Lesson{
		Path: "content/en/day-01-x/01-what-crm-means.md", Slug: "what-crm-means", Title: "What CRM means",
		Summary: "Two meanings.", Day: 1, Order: 2, Duration: 60,
		Objectives: []string{"Explain CRM", "Name the causes"},
		Body:       []byte("\nBody **here**.\n"), BodyLine: 11,
	}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("got  %+v\nwant %+v", l, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		want      string // substring of the one expected message
		line, col int
	}{
		{"no front matter", "# Title\n", "missing front matter", 1, 1},
		{"not closed", "---\ntitle: x\n", "never closed", 1, 1},
		{"missing title", "---\nsummary: x\n---\n", "no title", 2, 1},
		{"empty title", "---\ntitle: \"  \"\n---\n", "title is empty", 2, 8},
		{"unknown key", "---\ntitle: x\ntitel: y\n---\n", `unknown key "titel"`, 3, 1},
		{"typo suggestion", "---\ntitle: x\nduraton: 5\n---\n", `did you mean "duration"`, 3, 1},
		{"day out of range", "---\ntitle: x\nday: 11\n---\n", "day must be a whole number from 1 to 10", 3, 6},
		{"day not a number", "---\ntitle: x\nday: one\n---\n", "day must be a whole number", 3, 6},
		{"duration zero", "---\ntitle: x\nduration: 0\n---\n", "duration must be", 3, 11},
		{"objectives mapping", "---\ntitle: x\nobjectives:\n  a: b\n---\n", "objectives must be a list", 4, 3},
		{"empty objective", "---\ntitle: x\nobjectives:\n  - \"\"\n---\n", "objective 1 is empty", 4, 3},
		{"draft not bool", "---\ntitle: x\ndraft: maybe\n---\n", "draft must be true or false", 3, 8},
		{"duplicate key", "---\ntitle: x\ntitle: y\n---\n", "duplicate key", 3, 1},
		{"bad yaml", "---\ntitle: x\n  bad: [\n---\n", "invalid YAML", 3, 1},
		{"list at top", "---\n- a\n- b\n---\n", "front matter must be a mapping", 2, 1},
		{"slides mode", "---\ntitle: x\nslides: pages\n---\n", `slides must be "headings"`, 3, 9},
		{"slides not text", "---\ntitle: x\nslides: [breaks]\n---\n", "slides must be text", 3, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d diag.List
			Parse("a.md", []byte(tt.src), &d)
			if len(d) == 0 {
				t.Fatalf("no diagnostic, want %q", tt.want)
			}
			x := d[0]
			if !strings.Contains(x.Message, tt.want) {
				t.Errorf("message %q, want it to contain %q (all: %v)", x.Message, tt.want, d)
			}
			if tt.name != "bad yaml" && (x.Pos.Line != tt.line || x.Pos.Col != tt.col) {
				t.Errorf("position %d:%d, want %d:%d (%s)", x.Pos.Line, x.Pos.Col, tt.line, tt.col, x)
			}
			if tt.name == "bad yaml" && x.Pos.Line < 2 {
				t.Errorf("YAML syntax error should point into the front matter, got line %d", x.Pos.Line)
			}
		})
	}
}

func TestEveryErrorInOneRun(t *testing.T) {
	var d diag.List
	Parse("a.md", []byte("---\ntitel: x\nday: 0\nduration: -5\nfoo: 1\n---\n"), &d)
	if len(d) != 5 { // titel, foo, no title, day, duration
		t.Errorf("want 5 diagnostics, got %d:\n%v", len(d), d)
	}
}

func TestSlugOf(t *testing.T) {
	tests := map[string]string{
		"content/en/day-01/01-what-crm-means.md": "what-crm-means",
		"x/2_stages.md":                          "stages",
		"x/Intro.md":                             "intro",
		"x/2024.md":                              "2024",
		"x/10-.md":                               "10-",
	}
	for in, want := range tests {
		if got := SlugOf(in); got != want {
			t.Errorf("SlugOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlidesMode(t *testing.T) {
	for src, want := range map[string]bool{
		"---\ntitle: a\n---\n":                   false,
		"---\ntitle: a\nslides: headings\n---\n": false,
		"---\ntitle: a\nslides: breaks\n---\n":   true,
	} {
		var d diag.List
		l := Parse("x/01-a.md", []byte(src), &d)
		if len(d) > 0 || l.SlideBreaks != want {
			t.Errorf("%q: SlideBreaks = %v (%v), want %v", src, l.SlideBreaks, d, want)
		}
	}
}

func TestOrderFallsBackToFileNumber(t *testing.T) {
	var d diag.List
	l := Parse("x/07-a.md", []byte("---\ntitle: a\n---\n"), &d)
	if l.Order != 7 {
		t.Errorf("order = %d, want 7 from the file name", l.Order)
	}
}

func TestParseDay(t *testing.T) {
	var d diag.List
	day := ParseDay("x/_index.md", []byte("---\ntitle: Day one\nsummary: Theme\n---\nIntro\n"), &d)
	if len(d) > 0 || day.Title != "Day one" || day.Summary != "Theme" || string(day.Body) != "Intro\n" || day.BodyLine != 4 {
		t.Errorf("got %+v, %v", day, d)
	}
	ParseDay("x/_index.md", []byte("---\ntitle: a\nduration: 5\n---\n"), &d)
	if len(d) != 1 || !strings.Contains(d[0].Message, "unknown key") {
		t.Errorf("day files accept only title and summary, got %v", d)
	}
}

// FuzzFrontMatter parses arbitrary files: it must never panic, must return a lesson or an
// error, and every diagnostic must point into the file.
func FuzzFrontMatter(f *testing.F) {
	f.Add("---\ntitle: x\nday: 1\n---\nbody")
	f.Add("---\n---\n")
	f.Add("---")
	f.Add("---\ntitle: &a x\nsummary: *a\nobjectives: [a, *a]\n---\n")
	f.Add("---\n: :\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		// Parse takes normalised text (LF line endings), as source.Read delivers it.
		src = strings.ReplaceAll(src, "\r", "\n")
		var d diag.List
		l := Parse("f.md", []byte(src), &d)
		if l == nil && !d.HasErrors() {
			t.Fatal("no lesson and no error")
		}
		lines := strings.Count(src, "\n") + 1
		for _, x := range d {
			if x.Pos.Line < 1 || x.Pos.Line > lines+1 {
				t.Fatalf("diagnostic line %d outside the file (%d lines): %v", x.Pos.Line, lines, x)
			}
		}
		if l != nil && len(l.Body) > len(src) {
			t.Fatal("body longer than the file")
		}
	})
}
