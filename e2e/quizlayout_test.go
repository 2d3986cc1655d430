package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/site/pipeline"
)

// TestQuizzesFitTheScreen opens every quiz of the bundled course, in both languages, on a
// phone (390 px) and a laptop (1,280 px): no page may scroll sideways, and no question's
// controls may be wider than the question (matching questions' lists used to be as wide as
// their longest choice).
func TestQuizzesFitTheScreen(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	for _, width := range []int64{390, 1280} {
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, p := range s.pages {
			if !strings.Contains(p, "/quizzes/") {
				continue
			}
			b.open(p)
			over := b.num(`Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
				...Array.from(document.querySelectorAll(".question"), q => q.scrollWidth - q.clientWidth))`)
			if over > 0 {
				t.Errorf("%s at %d px: %s px too wide", p, width, fmt.Sprint(over))
			}
		}
	}
}
