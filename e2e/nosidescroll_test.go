package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
)

// sideScrollWidths are the viewport widths every page must fit: a small and a common phone,
// a tablet, a laptop and a desktop screen.
var sideScrollWidths = []int64{320, 390, 768, 1280, 1920}

// TestNoSideScroll opens every HTML page of both editions, in both languages, and at each of
// sideScrollWidths fails for every page that scrolls sideways (the document wider than the
// window), naming the first element that sticks out.
//
// Each edition has one tab, reused for every page. A page is loaded once and measured at
// every width, the viewport changed in between: loading a page costs about five times as
// much as laying it out again at another width, so loading every page once per width would
// make the test several times slower. The editions run side by side.
func TestNoSideScroll(t *testing.T) {
	for _, ed := range []pipeline.Edition{pipeline.Learner, pipeline.Trainer} {
		t.Run(string(ed), func(t *testing.T) {
			t.Parallel()
			s := buildSite(t, ed)
			b := newTab(t, s, s.root)
			counts := map[int64]int{}
			widths := sideScrollWidths
			for _, p := range s.pages {
				if isRedirect(t, s, p) {
					continue // it has nothing to show: the page it opens is measured itself
				}
				browsertest.Open(t, b.ctx, b.base+p)
				for _, width := range widths {
					if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 800)); err != nil {
						t.Fatal(err)
					}
					if over := b.str(sideScrollCulprit); over != "" {
						counts[width]++
						t.Errorf("%s at %d px scrolls sideways: %s", p, width, over)
					}
				}
				// The next page starts at the width this one ended with: one change fewer.
				widths = slices.Clone(widths)
				slices.Reverse(widths)
			}
			var ws []string
			for _, w := range sideScrollWidths {
				ws = append(ws, fmt.Sprintf("%d px: %d", w, counts[w]))
			}
			t.Logf("%s edition, %d pages; pages that scroll sideways at %s", ed, len(s.pages), strings.Join(ws, ", "))
		})
	}
}

// isRedirect reports whether the built page at rel sends the browser elsewhere by itself.
func isRedirect(t *testing.T, s *site, rel string) bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(data), `http-equiv="refresh"`)
}

// sideScrollCulprit evaluates to "" when the page fits its window, else to how far it sticks
// out and the element to blame: the first whose right edge passes both the window's and its
// container's (an element pushed out by a wide child is not to blame, the child is).
const sideScrollCulprit = `(() => {
	const d = document.documentElement, over = d.scrollWidth - d.clientWidth;
	if (over <= 0) return "";
	const name = e => e.tagName.toLowerCase() + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "");
	let who = "";
	for (const e of document.body.querySelectorAll("*")) {
		const r = e.getBoundingClientRect(), p = e.parentElement.getBoundingClientRect();
		if (r.width > 0 && r.right > d.clientWidth + 0.5 && r.right > p.right + 0.5 && getComputedStyle(e).position !== "fixed") {
			who = name(e) + " in " + name(e.parentElement) + " (" + Math.round(r.width) + " px wide, right edge at " + Math.round(r.right) + ")";
			break;
		}
	}
	return over + " px too wide, first at " + who;
})()`
