package pipeline

import (
	"regexp"
	"strconv"
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

// TestPrintListFollowsTheClass checks the trainer's print list of a day: the participants'
// pack for everyone, a material another day's lesson uses, the exam's paper versions split
// between the class, the evaluation forms (the course's on the last day only), and the
// trainer's own pack; with the class size of the configuration.
func TestPrintListFollowsTheClass(t *testing.T) {
	exam := "id: exam\ntitle: The exam\nday: 2\nmode: exam\nquestions:\n  - id: q\n    type: true-false\n    prompt: P\n    answer: true\n    explanation: E\n"
	list := "id: calls\ntitle: Call list\nday: 1\nquestions:\n  - id: q\n    type: true-false\n    prompt: P\n    answer: true\n    explanation: E\n"
	for _, size := range []int{12, 13} {
		res := Build(courseFS(map[string]string{
			"playbook.yaml":                    "title: T\nlanguages: [en]\nschedule: {class_size: " + strconv.Itoa(size) + "}\n",
			"quizzes/exam.yaml":                exam,
			"quizzes/calls.yaml":               list,
			"content/en/day-02-b/_index.md":    "---\ntitle: Day B\n---\n",
			"content/en/day-02-b/01-review.md": "---\ntitle: Review\n---\n## Calls again {minutes=20 material=calls}\n",
		}), Options{Edition: Trainer})
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags)
		}
		half, other := size/2+size%2, size/2
		want := map[string][]string{
			"en/packs/day-01-trainer.html": {"Day 1 · Participant pack " + strconv.Itoa(size), "End-of-day evaluation " + strconv.Itoa(size), "Day 1 · Trainer pack 1"},
			"en/packs/day-02-trainer.html": {"Day 2 · Participant pack " + strconv.Itoa(size), "Call list (from day 1, used today) " + strconv.Itoa(size),
				"The exam · Paper version A " + strconv.Itoa(half), "The exam · Paper version B " + strconv.Itoa(other),
				"End-of-day evaluation " + strconv.Itoa(size), "End-of-course evaluation " + strconv.Itoa(size), "Day 2 · Trainer pack 1"},
		}
		for p, rows := range want {
			data, _ := res.Site.Get(p)
			m := regexp.MustCompile(`(?s)<table class="print-list">.*?<tbody>(.*?)</tbody>`).FindStringSubmatch(string(data))
			if m == nil {
				t.Fatalf("%s has no print list", p)
			}
			var got []string
			for _, r := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(m[1], -1) {
				got = append(got, strings.Join(strings.Fields(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(r[1], " ")), " "))
			}
			if strings.Join(got, " | ") != strings.Join(rows, " | ") {
				t.Errorf("class of %d, %s: print list\n%q\nwant\n%q", size, p, got, rows)
			}
		}
	}
}

// TestDayLength checks that a course which sets its schedule gets a warning, at the day's
// _index.md, for a day planned under the day (more than 30 minutes unplanned) or over it,
// and none for a full day or a course that sets no schedule.
func TestDayLength(t *testing.T) {
	cases := []struct {
		config  string
		minutes int
		want    string
	}{
		{"schedule: {start: \"09:00\", end: \"12:00\", breaks: [{at: \"10:30\", minutes: 15}]}\n", 165, ""},
		{"schedule: {start: \"09:00\", end: \"12:00\", breaks: [{at: \"10:30\", minutes: 15}]}\n", 130, "day 1 plans 2 h 10 min of the 2 h 45 min"},
		{"schedule: {start: \"09:00\", end: \"12:00\", breaks: [{at: \"10:30\", minutes: 15}]}\n", 140, ""},
		{"schedule: {start: \"09:00\", end: \"12:00\", breaks: [{at: \"10:30\", minutes: 15}]}\n", 100, "1 h 5 min are unplanned"},
		{"schedule: {start: \"09:00\", end: \"12:00\", breaks: [{at: \"10:30\", minutes: 15}]}\n", 170, "day 1 plans 2 h 50 min, 5 min more than the 2 h 45 min between 09:00 and 12:00"},
		{"", 100, ""},
	}
	for _, c := range cases {
		two := "---\ntitle: Two\n---\n## End {minutes=" + strconv.Itoa(c.minutes-20) + "}\n"
		res := Build(courseFS(map[string]string{
			"playbook.yaml":                 "title: T\nlanguages: [en]\n" + c.config,
			"content/en/day-01-a/01-one.md": "---\ntitle: One\n---\n## Start {minutes=20}\n\nGo to [two](02-two.md#end).\n",
			"content/en/day-01-a/02-two.md": two,
		}), Options{Edition: Trainer})
		var got []string
		for _, d := range res.Diags {
			if strings.Contains(d.Message, "plans") {
				got = append(got, d.String())
			}
		}
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%d minutes, %q: %v", c.minutes, c.config, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want) || !strings.HasPrefix(got[0], "content/en/day-01-a/_index.md:1:1: warning:")):
			t.Errorf("%d minutes: %v, want one warning at the day's _index.md with %q", c.minutes, got, c.want)
		}
	}
}

// TestMaterialWithoutSlot checks that, in a course that sets its schedule, a material that no
// section places (and that has no time of its own) is reported at its file, and is not once a
// section places it.
func TestMaterialWithoutSlot(t *testing.T) {
	quiz := "id: check\ntitle: The check\nday: 1\nquestions:\n  - id: q\n    type: true-false\n    prompt: P\n    answer: true\n    explanation: E\n"
	for _, placed := range []bool{false, true} {
		two := "---\ntitle: Two\n---\n## End {minutes=145}\n"
		if placed {
			two = "---\ntitle: Two\n---\n## End {minutes=145 material=check}\n"
		}
		res := Build(courseFS(map[string]string{
			"playbook.yaml":                 "title: T\nlanguages: [en]\nschedule: {start: \"09:00\", end: \"12:00\", breaks: [{at: \"10:30\", minutes: 15}]}\n",
			"quizzes/check.yaml":            quiz,
			"content/en/day-01-a/01-one.md": "---\ntitle: One\n---\n## Start {minutes=20}\n\nGo to [two](02-two.md#end).\n",
			"content/en/day-01-a/02-two.md": two,
		}), Options{Edition: Trainer})
		var got []string
		for _, d := range res.Diags {
			if strings.Contains(d.Message, "has no time in any day's plan") {
				got = append(got, d.String())
			}
		}
		if placed && len(got) > 0 || !placed && (len(got) != 1 || !strings.HasPrefix(got[0], "quizzes/check.yaml:1:1: warning: quiz \"check\"")) {
			t.Errorf("placed=%v: %v", placed, got)
		}
	}
}
