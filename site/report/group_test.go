package report

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"playbook/site/report/collect"
)

// TestClassCodes gives learners of two classes, one without a class code and one without a
// name: the report sorts them by class code (folded, so "b-2" and "B-2" are one class), then
// by name, with the learners without a class code last, and lists the file without a name
// (package reportview checks the page and the CSV file show them).
func TestClassCodes(t *testing.T) {
	good, err := os.ReadFile("progress/testdata/good/full.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	file := func(path, learner, class string) collect.Input {
		n++
		data := bytes.Replace(good, []byte(`"learner": "Gil"`), []byte(`"learner": "`+learner+`"`), 1)
		data = bytes.Replace(data, []byte(`"class": "CRM-2026-12"`), []byte(`"class": "`+class+`"`), 1)
		// Each file another export, so that none is a duplicate of another.
		data = bytes.Replace(data, []byte(`"exported": "2026-11-25T10:00:00.000Z"`), []byte(fmt.Sprintf(`"exported": "2026-11-25T10:00:%02d.000Z"`, n)), 1)
		return collect.Input{Path: path, Data: data}
	}
	c, key := loadCourse(t)
	r := Make(c, key, "en", []collect.Input{
		file("zoe.json", "Zoe", "B-2"),
		file("ana.json", "Ana", "b-2"),
		file("yan.json", "Yan", "A-1"),
		file("bo.json", "Bo", ""),
		file("bo-laptop.json", "bo", "A-1"), // Bo's second file brings the class code
		file("cy.json", "Cy", ""),
		file("laptop-3.json", "", "A-1"),
	})
	var got []string
	for _, l := range r.Learners {
		got = append(got, l.Name+"/"+l.Class)
	}
	want := "Bo/A-1 laptop-3/A-1 Yan/A-1 Ana/b-2 Zoe/B-2 Cy/"
	if strings.Join(got, " ") != want {
		t.Errorf("learners %q, want %q", strings.Join(got, " "), want)
	}
	if !r.HasClasses() {
		t.Error("HasClasses is false")
	}
	if u := r.Unnamed(); len(u) != 1 || u[0] != "laptop-3.json" {
		t.Errorf("files without a name: %q", u)
	}

	// Without any class code, the report has no classes.
	plain := Make(c, key, "en", []collect.Input{file("ana.json", "Ana", "")})
	if plain.HasClasses() || len(plain.Unnamed()) != 0 {
		t.Error("a report without class codes has classes or an unnamed file")
	}
}
