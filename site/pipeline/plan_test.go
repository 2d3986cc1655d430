package pipeline

import (
	"regexp"
	"strings"
	"testing"
)

// TestMaterialInItsSlot checks that a section spending its time on a material puts the
// material in its slot of the day's timetable (schedule and trainer's pack), and that a
// timed material placed so is not planned a second time at the end of the day.
func TestMaterialInItsSlot(t *testing.T) {
	quiz := "id: check\ntitle: The check\nday: 1\ntime_limit: 15\nquestions:\n  - id: q\n    type: true-false\n    prompt: P\n    answer: true\n    explanation: E\n"
	for _, placed := range []bool{false, true} {
		two := "---\ntitle: Two\n---\n## End {minutes=10}\n"
		if placed {
			two += "\n## Practice {minutes=15 material=check}\n"
		}
		res := Build(courseFS(map[string]string{"quizzes/check.yaml": quiz, "content/en/day-01-a/02-two.md": two}), Options{Edition: Trainer})
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags)
		}
		for _, p := range []string{"en/schedule.html", "en/packs/day-01-trainer.html"} {
			data, _ := res.Site.Get(p)
			page := string(data)
			rows := regexp.MustCompile(`<tr[^>]*><td class="nowrap">[^<]*</td><td>(.*?)</td>`).FindAllStringSubmatch(page, -1)
			var cells []string
			for _, r := range rows {
				cells = append(cells, regexp.MustCompile(`<[^>]+>`).ReplaceAllString(r[1], ""))
			}
			got := strings.Join(cells, " | ")
			want := "End | The check"
			if placed {
				want = "End | Practice · with The check"
			}
			if !strings.Contains(got, want) || strings.Count(got, "The check") != 1 {
				t.Errorf("placed=%v, %s: timetable rows %q, want %q", placed, p, got, want)
			}
		}
	}
}
