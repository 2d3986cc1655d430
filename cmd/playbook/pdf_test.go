package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"playbook/internal/browsertest"
	"playbook/site/checklist"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/worksheet"
)

// needPrinting skips the test when Chromium or pdftotext is missing, unless the browser tests
// are required (then it fails).
func needPrinting(t *testing.T) {
	t.Helper()
	_, err := browsertest.FindChromium()
	if err == nil {
		_, err = exec.LookPath("pdftotext")
	}
	if err == nil {
		_, err = exec.LookPath("pdfinfo")
	}
	if err != nil {
		if os.Getenv(browsertest.EnvRequire) == "1" {
			t.Fatalf("printing tests are required: %v (install chromium and poppler-utils)", err)
		}
		t.Skip("printing tests need Chromium and poppler-utils (pdftotext, pdfinfo): ", err)
	}
}

// pdfPages returns the text of each page of a PDF, whitespace folded.
func pdfPages(t *testing.T, file string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// pageWith returns the index of the first page holding s (whitespace folded), or -1.
func pageWith(pages []string, s string) int {
	s = strings.Join(strings.Fields(s), " ")
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i
		}
	}
	return -1
}

// nextStart returns the index of the first page from `from` on whose text begins (within
// its first 120 characters, room for an eyebrow line such as "Day 5 · Checklist") with
// title, or -1.
func nextStart(pages []string, from int, title string) int {
	for i := max(from, 0); i < len(pages); i++ {
		head := []rune(pages[i])
		if strings.Contains(string(head[:min(120, len(head))]), title) {
			return i
		}
	}
	return -1
}

var nonWord = regexp.MustCompile(`[^\pL\pN]+`)

// plain lower-cases s and keeps only its letters and digits, one space between words, so
// that Markdown marks, curly quotes and dashes do not get in the way of a comparison.
func plain(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

// squashed keeps only the letters and digits of s, lower-cased: pdftotext's line breaks and
// the spaces it puts between Chinese characters, curly quotes and Markdown marks all go.
func squashed(s string) string { return nonWord.ReplaceAllString(strings.ToLower(s), "") }

// words returns the first n words of a text, made plain.
func words(md string, n int) string {
	f := strings.Fields(plain(md))
	return strings.Join(f[:min(n, len(f))], " ")
}

// TestPDFPrintsEveryDay prints the participants' packs of every day of the bundled course in
// both languages and reads them back: the cover, every checklist, worksheet and quiz starting
// a page, each checklist on one page, and no English question cut by a page break.
func TestPDFPrintsEveryDay(t *testing.T) {
	needPrinting(t)
	dir := t.TempDir()
	code, stdout, stderr := runCLI("pdf", "--src", "../..", "--all", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	var diags diag.List
	c := course.Load(os.DirFS("../.."), &diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	labels := map[string]struct{ day, pack string }{"en": {"Day %d", "Participant pack"}, "zh-CN": {"第 %d 天", "学员讲义包"}}
	for _, lang := range c.Languages {
		for _, d := range lang.Days {
			file := filepath.Join(dir, lang.Code, fmt.Sprintf("day-%02d-participant.pdf", d.Number))
			pages := pdfPages(t, file)
			name := fmt.Sprintf("%s day %d", lang.Code, d.Number)
			l := labels[lang.Code]
			if !strings.Contains(pages[0], fmt.Sprintf(l.day, d.Number)+" · "+l.pack) || !strings.Contains(pages[0], d.Title()) {
				t.Errorf("%s: the first page is not the day's cover: %.200s", name, pages[0])
			}
			// The pack prints the lessons, each closed by a space for notes, then the items in
			// order: each must start a page after the previous one.
			notes := map[string]string{"en": "My notes", "zh-CN": "我的笔记"}[lang.Code]
			cursor := 1
			for i, p := range pages {
				if strings.Contains(p, notes) {
					cursor = i + 1
				}
			}
			start := func(kind, id, title string) int {
				at := nextStart(pages, cursor, title)
				if at < 0 {
					t.Errorf("%s: %s %q does not start a page after the lessons and the items before it", name, kind, id)
					return -1
				}
				cursor = at + 1
				return at
			}
			items := 0
			for _, x := range material.Of[*checklist.Checklist](c.MaterialsOfDay(d.Number)) {
				items++
				at := start("checklist", x.ID, x.Title.Get(lang.Code))
				if at < 0 {
					continue
				}
				// One page: its last item is on the page it starts.
				all := x.Items()
				if !strings.Contains(squashed(pages[at]), squashed(all[len(all)-1].Text.Get(lang.Code))) {
					t.Errorf("%s: checklist %q runs over a second page", name, x.ID)
				}
			}
			for _, x := range material.Of[*worksheet.Worksheet](c.MaterialsOfDay(d.Number)) {
				items++
				start("worksheet", x.ID, x.Title.Get(lang.Code))
			}
			quizPages := 0 // a quiz may take a page per three questions
			for _, q := range material.Of[*quiz.Quiz](c.MaterialsOfDay(d.Number)) {
				items++
				quizPages += len(q.Questions)/3 + 1
				first := start("quiz", q.ID, q.Title.Get(lang.Code))
				if first < 0 {
					continue
				}
				if lang.Code != "en" {
					continue // Chinese text comes out of pdftotext with spaces of its own
				}
				plainPages := make([]string, len(pages))
				for i, p := range pages {
					plainPages[i] = " " + plain(p) + " "
				}
				for i, qu := range q.Questions {
					// The question's number and prompt, then its last option.
					head := fmt.Sprintf(" question %d %s", i+1, "")
					at := -1
					for k := first; k < len(plainPages); k++ {
						if j := strings.Index(plainPages[k], head); j >= 0 && strings.Contains(plainPages[k][j:], words(qu.Prompt.Get("en"), 4)) {
							at = k
							break
						}
					}
					if at < 0 {
						t.Errorf("%s: question %d (%s) of %s is not found with its prompt on one page", name, i+1, qu.ID, q.ID)
						continue
					}
					if n := len(qu.Options); n > 0 {
						rest := plainPages[at][strings.Index(plainPages[at], head):]
						last := qu.Options[n-1].Text.Get("en")
						if last == "" {
							last = qu.Options[n-1].ID // true-false: the page writes True and False
						}
						if !strings.Contains(rest, " "+words(last, 6)+" ") {
							t.Errorf("%s: question %d (%s) of %s is cut by a page break: its last option is not on its page", name, i+1, qu.ID, q.ID)
						}
					}
				}
			}
			if len(pages) < 1+items || len(pages) > 2+len(d.Lessons)+items*4+quizPages {
				t.Errorf("%s: %d pages for %d lessons and %d items", name, len(pages), len(d.Lessons), items)
			}
		}
	}
}

// TestPDFTrainerPackOnLetter prints the trainer's pack of the last day on Letter paper: the
// timetable, trainer notes and the answer keys are in it.
func TestPDFTrainerPackOnLetter(t *testing.T) {
	needPrinting(t)
	dir := t.TempDir()
	code, stdout, stderr := runCLI("pdf", "--src", "../..", "--day", "10", "--edition", "trainer", "--paper", "letter", "--lang", "en", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	file := filepath.Join(dir, "en", "day-10-trainer.pdf")
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Page size:\s+612 x 792 pts`).Match(info) {
		t.Errorf("not printed on Letter:\n%s", info)
	}
	text := strings.ToLower(strings.Join(pdfPages(t, file), "\n"))
	for _, want := range []string{"Day 10 · Trainer pack", "Timetable of day 10", "Trainer notes", "Answer key: Final assessment", "Lunch",
		"Answer key of paper version A", "Answer key of paper version B"} {
		if !strings.Contains(text, strings.ToLower(want)) {
			t.Errorf("the trainer pack lacks %q", want)
		}
	}
	// The exam is printed in its two paper versions, which differ.
	var versions []string
	for _, v := range []string{"a", "b"} {
		paper := filepath.Join(dir, "en", "final-assessment-version-"+v+".pdf")
		pages := pdfPages(t, paper)
		if len(pages) < 5 || !strings.Contains(pages[0], "Final assessment") || !strings.Contains(pages[0], "Question 1") {
			t.Errorf("paper version %s: %d pages, first: %.200q", v, len(pages), pages[0])
		}
		versions = append(versions, strings.Join(pages, "\f"))
	}
	if versions[0] == versions[1] {
		t.Error("paper versions A and B print the same")
	}
	if !strings.Contains(stdout, "printed 3 PDFs") { // the trainer's pack and the two papers
		t.Errorf("stdout: %s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "zh-CN")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("--lang en printed other languages too (%v)", err)
	}
}

func TestPDFErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"pdf", "--out", "x"}, 2, "give either --day N or --all"},
		{[]string{"pdf", "--day", "1", "--all", "--out", "x"}, 2, "give either --day N or --all"},
		{[]string{"pdf", "--all"}, 2, "--out is required"},
		{[]string{"pdf", "--all", "--paper", "a3", "--out", "x"}, 2, "--paper must be a4 or letter"},
		{[]string{"pdf", "--all", "--edition", "teacher", "--out", "x"}, 2, "--edition"},
		{[]string{"pdf", "--all", "--chromium", "/no/such/browser", "--out", "x"}, 1, `"/no/such/browser" is not an executable browser`},
	} {
		code, _, stderr := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", tt.args, code, tt.code, tt.want, stderr)
		}
	}
	needPrinting(t)
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI("pdf", "--src", testCourse, "--day", "9", "--out", out)
	if code != 2 || !strings.Contains(stderr, "the course has no day 9 (its days are 1, 2)") {
		t.Errorf("missing day: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI("pdf", "--src", testCourse, "--all", "--lang", "fr", "--out", out)
	if code != 2 || !strings.Contains(stderr, `no language "fr"`) {
		t.Errorf("missing language: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed run created the output folder (%v)", err)
	}
}
