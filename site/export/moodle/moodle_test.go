package moodle

import (
	"testing"

	"playbook/internal/moodletest"
)

func TestGIFTEscape(t *testing.T) {
	tests := map[string]string{
		`plain text`:      `plain text`,
		`a~b=c#d{e}f:g\h`: `a\~b\=c\#d\{e\}f\:g\\h`,
		"two\nlines\r\n":  `two\nlines`,
		"  trimmed  ":     `trimmed`,
		`中文：全角冒号不转义`:      `中文：全角冒号不转义`,
	}
	for in, want := range tests {
		if got := giftEscape(in); got != want {
			t.Errorf("giftEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMoodleWeight(t *testing.T) {
	for in, want := range map[float64]string{100: "100", 50: "50", 100.0 / 3: "33.33333", -100.0 / 3: "-33.33333", 100.0 / 7: "14.28571"} {
		if got := moodleWeight(in); got != want {
			t.Errorf("moodleWeight(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestCategoriesSurviveMoodleImport(t *testing.T) {
	for title, want := range map[string]string{
		"Day 1 self-check: what CRM is": "Day 1 self-check: what CRM is",
		"第 1 天自测：什么是 CRM":               "第 1 天自测：什么是 CRM",
		"Plan/do/check":                 "Plan/do/check",
		"a//b and a///c":                "a//b and a///c",
		"/leading and trailing/":        "/leading and trailing/",
		"{all} = the ~ signs #1":        "{all} = the ~ signs #1",
		`back\slash, \: \n \\ and \`:    `back\slash, \: \n \\ and \`,
		"  two\n lines  ":               "two lines",
	} {
		gift := giftCategory(title)
		if got, ok := moodletest.GIFTCategory(gift); !ok || len(got) != 3 || got[0] != "$course$" || got[1] != "top" || got[2] != want {
			t.Errorf("title %q: GIFT %q imports as %q, want [$course$ top %q]", title, gift, got, want)
		}
		xml := categoryPath(title)
		if got := moodletest.SplitCategoryPath(xml); len(got) != 3 || got[2] != want {
			t.Errorf("title %q: Moodle XML path %q imports as %q, want [$course$ top %q]", title, xml, got, want)
		}
	}
}
