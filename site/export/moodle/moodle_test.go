package moodle

import (
	"strings"
	"testing"
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

// importGIFTCategory reads a $CATEGORY line as Moodle's GIFT importer does
// (qformat_gift::readquestion in question/format/gift/format.php): escapedchar_pre over the
// whole block, the text after "$CATEGORY:" trimmed, and no escapedchar_post; then
// qformat_default::split_category_path (question/format.php).
func importGIFTCategory(t *testing.T, line string) []string {
	t.Helper()
	if !strings.HasPrefix(line, "$CATEGORY:") || strings.Contains(line, "\n") {
		t.Fatalf("not a one-line category: %q", line)
	}
	s := strings.ReplaceAll(line, `\\`, "&&092;")
	for _, c := range []string{":", "#", "=", "{", "}", "~", "n"} {
		s = strings.ReplaceAll(s, `\`+c, "&&0xx;")
	}
	s = strings.ReplaceAll(s, "&&092;", `\`)
	return splitCategoryPath(strings.TrimSpace(s[len("$CATEGORY:"):]))
}

// splitCategoryPath splits a category path as qformat_default::split_category_path does: at
// each "/" that has no "/" beside it, then "//" becomes "/" and each name is trimmed (its
// clean_param(PARAM_TEXT), which strips HTML tags, is left out).
func splitCategoryPath(path string) []string {
	var names []string
	start := 0
	for i := 0; i < len(path); i++ {
		if path[i] == '/' && (i == 0 || path[i-1] != '/') && (i+1 == len(path) || path[i+1] != '/') {
			names = append(names, path[start:i])
			start = i + 1
		}
	}
	names = append(names, path[start:])
	for i, n := range names {
		names[i] = strings.TrimSpace(strings.ReplaceAll(n, "//", "/"))
	}
	return names
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
		if got := importGIFTCategory(t, gift); len(got) != 3 || got[0] != "$course$" || got[1] != "top" || got[2] != want {
			t.Errorf("title %q: GIFT %q imports as %q, want [$course$ top %q]", title, gift, got, want)
		}
		xml := categoryPath(title)
		if got := splitCategoryPath(xml); len(got) != 3 || got[2] != want {
			t.Errorf("title %q: Moodle XML path %q imports as %q, want [$course$ top %q]", title, xml, got, want)
		}
	}
}
