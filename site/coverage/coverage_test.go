package coverage

import (
	"strings"
	"testing"

	"playbook/site/diag"
)

func TestParse(t *testing.T) {
	var d diag.List
	fws := Parse([]byte(`- id: man-rule
  name: {en: MAN rule, zh-CN: MAN 法则}
  sections: [day-05-x/01-y.md#man, {en: day-05-x/02-z.md, zh-CN: day-05-x/02-z.md}]
  practice: [worksheets/man.yaml]
  practised: true
`), []string{"en", "zh-CN"}, &d)
	if len(d) > 0 || len(fws) != 1 {
		t.Fatal(d)
	}
	f := fws[0]
	if f.ID != "man-rule" || !f.MustPractise || len(f.Sections) != 2 || f.Sections[0].Fragment["zh-CN"] != "man" || f.Practice[0] != "worksheets/man.yaml" {
		t.Errorf("got %+v", f)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"id: x\n", "must be a list"},
		{"- name: X\n  sections: [a.md]\n", "has no id"},
		{"- id: a\n  name: A\n  sections: [a.md]\n- id: a\n  name: B\n  sections: [b.md]\n", `duplicate framework id "a"`},
		{"- id: a\n  name: A\n", "names no lesson section"},
		{"- id: a\n  name: A\n  sections: [/abs.md]\n", "must be a lesson path"},
		{"- id: a\n  name: A\n  sections: [a.md]\n  practice: [quizzes/q.yaml]\n", "must be a checklist, worksheet or scenario"},
		{"- id: a\n  name: {en: A}\n  sections: [a.md]\n", "no zh-CN translation"},
		{"- id: a\n  name: A\n  sections: [a.md]\n  lessons: []\n", `unknown key "lessons"`},
	}
	for _, tt := range tests {
		var d diag.List
		Parse([]byte(tt.src), []string{"en", "zh-CN"}, &d)
		if !strings.Contains(d.Error(), tt.want) {
			t.Errorf("%q: want %q, got %v", tt.src, tt.want, d)
		}
	}
}
