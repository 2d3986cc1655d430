package pipeline

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSlidesPages checks the slides of every lesson in both editions: where they are, that
// the lesson links them, which slide carries which notes and timing, and that the learner
// edition has none of either.
func TestSlidesPages(t *testing.T) {
	section := regexp.MustCompile(`(?s)<section class="slide[^"]*" id="slide-(\d+)"[^>]*>.*?</section>`)
	for _, ed := range []Edition{Learner, Trainer} {
		t.Run(string(ed), func(t *testing.T) {
			res := Build(os.DirFS(testCourse), Options{Edition: ed})
			if res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			lessons := 0
			for _, p := range res.Site.Paths() {
				if !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".slides.html") {
					continue
				}
				page, _ := res.Site.Get(p)
				if !strings.Contains(string(page), `<article class="lesson">`) {
					continue
				}
				lessons++
				slides := strings.TrimSuffix(p, ".html") + ".slides.html"
				base := slides[strings.LastIndex(slides, "/")+1:]
				if !strings.Contains(string(page), `<a class="present-link" href="`+base+`"`) {
					t.Errorf("%s does not link its slides %s", p, base)
				}
				data, ok := res.Site.Get(slides)
				if !ok {
					t.Errorf("%s has no slides page %s", p, slides)
					continue
				}
				if !strings.Contains(string(data), `<meta name="robots" content="noindex">`) {
					t.Errorf("%s may be indexed: search engines should find the lesson page", slides)
				}
			}
			if lessons != 5 {
				t.Errorf("found %d lesson pages, want the 5 of the test course", lessons)
			}

			only, _ := res.Site.Get("en/day-02-next/only.slides.html")
			got := map[string]string{}
			for _, m := range section.FindAllStringSubmatch(string(only), -1) {
				got[m[1]] = m[0]
			}
			if len(got) != 3 {
				t.Fatalf("only.slides.html has %d slides, want 3 (title, the section, the part after the break)", len(got))
			}
			want := map[string][]string{
				"1": {`<h1 id="slide-1-heading">Only lesson</h1>`, "Duration: 45 min", "<p>Short.</p>"},
				"2": {`<h2 id="steps">Steps</h2>`, "First step."},
				"3": {`<h2 class="slide-continued" id="slide-3-heading">Steps (continued)</h2>`, "Second step"},
			}
			if ed == Trainer {
				want["2"] = append(want["2"], `data-minutes="45"`, "Say why the first step comes first.")
				want["3"] = append(want["3"], `data-minutes="45"`, "Check the room is still with you.")
			}
			for n, texts := range want {
				for _, w := range texts {
					if !strings.Contains(got[n], w) {
						t.Errorf("slide %s lacks %q:\n%s", n, w, got[n])
					}
				}
			}
			if strings.Contains(got["2"], "Check the room") || strings.Contains(got["3"], "Say why") {
				t.Error("a note is on the wrong slide")
			}
			if ed == Learner {
				for _, p := range res.Site.Paths() {
					data, _ := res.Site.Get(p)
					if strings.HasSuffix(p, ".slides.html") && (strings.Contains(string(data), "slide-notes") || strings.Contains(string(data), "data-minutes")) {
						t.Errorf("learner %s carries notes or timings", p)
					}
				}
			}
		})
	}
}

// TestSlidesStayOutOfSearch checks that a search finds the lesson, not its slides again.
func TestSlidesStayOutOfSearch(t *testing.T) {
	res := Build(os.DirFS(testCourse), Options{})
	found := 0
	for _, p := range res.Site.Paths() {
		if !strings.HasPrefix(p, "search/") {
			continue
		}
		data, _ := res.Site.Get(p)
		if strings.Contains(string(data), ".slides.html") {
			t.Errorf("the search file %s names a slides page", p)
		}
		if strings.Contains(string(data), "only.html") {
			found++
		}
	}
	if found == 0 {
		t.Error("the search files name no lesson page at all: the check above sees nothing")
	}
}
