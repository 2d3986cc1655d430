package reportview

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"playbook/internal/golden"
	"playbook/site/report"
	"playbook/site/report/collect"
	"playbook/site/theme"
)

func TestGoldenClass(t *testing.T) {
	for _, lang := range []string{"en", "zh-CN"} {
		t.Run(lang, func(t *testing.T) {
			r := classReport(t, lang)
			html, err := HTML(r)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", "class."+lang+".html"), html)
			learners, questions, err := CSV(r)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", "class."+lang+".csv"), learners)
			golden.Check(t, filepath.Join("testdata", "golden", "class."+lang+"-questions.csv"), questions)
			roleplays, err := RolePlayCSV(r)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", "class."+lang+"-roleplays.csv"), roleplays)
		})
	}
}

// TestDeterministic makes the report twice: the pages are byte-identical.
func TestDeterministic(t *testing.T) {
	a, _ := HTML(classReport(t, "en"))
	b, _ := HTML(classReport(t, "en"))
	if !bytes.Equal(a, b) {
		t.Error("two runs differ")
	}
}

// TestHTMLIsSelfContainedAndEscaped checks the page loads nothing, runs nothing, carries a
// CSP whose hash is that of its stylesheet, and escapes what the files say.
func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	dir := t.TempDir()
	good := goodProgress(t)
	evil := bytes.Replace(good, []byte(`"learner": "Gil"`), []byte(`"learner": "<script>alert(1)</script>"`), 1)
	bad := []byte(`{"format": "playbook-progress", "version": 1, "site": "<img src=x onerror=alert(2)>", "quizzes": {}}`)
	for name, data := range map[string][]byte{"evil.json": evil, "<b>bad<b>.json": bad} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, key := loadCourse(t)
	for _, lang := range []string{"en", "zh-CN"} {
		r := report.Make(c, key, lang, collect.ReadPaths([]string{dir}))
		html, err := HTML(r)
		if err != nil {
			t.Fatal(err)
		}
		page := string(html)
		if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\""+lang+"\">") {
			t.Errorf("%s: doctype or lang missing: %.60s", lang, page)
		}
		for _, s := range []string{"<script", "<img", "<b>", "://", "url(", "@import"} {
			if strings.Contains(page, s) {
				t.Errorf("%s: the page contains %q", lang, s)
			}
		}
		if m := regexp.MustCompile(`<[^>]*\s(src|href|on[a-z]+)=`).FindString(page); m != "" {
			t.Errorf("%s: a tag loads or runs something: %s", lang, m)
		}
		for _, escaped := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bad&lt;b&gt;.json", "&lt;img src=x onerror=alert(2)&gt;"} {
			if !strings.Contains(page, escaped) {
				t.Errorf("%s: the page does not show %s", lang, escaped)
			}
		}
		styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1)
		if len(styles) != 1 || strings.Count(page, "<style") != 1 {
			t.Fatalf("%s: want exactly one <style>, found %d", lang, len(styles))
		}
		sum := sha256.Sum256([]byte(styles[0][1]))
		// The attribute is read as a browser reads it: html/template writes a + of the hash
		// as &#43;.
		csp := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"
		meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
		if meta == nil || !strings.HasPrefix(stdhtml.UnescapeString(meta[1]), csp) {
			t.Errorf("%s: no CSP with the stylesheet's hash:\n%s\n%v", lang, csp, meta)
		}
		if strings.Contains(page, " style=") {
			t.Errorf("%s: a style attribute, which the CSP blocks", lang)
		}
		if !strings.Contains(styles[0][1], "break-inside: avoid") {
			t.Errorf("%s: table rows may split across printed pages", lang)
		}
	}
}

// TestStringsExist checks that every interface string the report uses has a text in every
// language the theme supports, so no raw key reaches a reader.
func TestStringsExist(t *testing.T) {
	th, err := theme.Load()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{"self_check": true, "exam": true}
	for _, m := range regexp.MustCompile(`\.Tf? "([a-z_]+)"`).FindAllStringSubmatch(pageTemplate, -1) {
		keys[m[1]] = true
	}
	for k := collect.Unreadable; k <= collect.Removed; k++ {
		keys[kindKey(k)] = true
	}
	for _, s := range []report.Status{report.NotStarted, report.Submitted, report.Passed, report.Failed} {
		keys["report_"+string(s)] = true
	}
	if len(keys) < 40 {
		t.Errorf("found only %d keys; the pattern is out of date", len(keys))
	}
	for k := range keys {
		for _, lang := range []string{"en", "zh-CN"} {
			if !th.HasString(lang, k) {
				t.Errorf("string %q has no %s text", k, lang)
			}
		}
	}
}

// TestClassColumn gives learners of two classes, one without a class code and one without a
// name: the page shows the class code column and lists the file without a name, the learners
// CSV file starts with the first class; without any class code, the column stays out of the
// page.
func TestClassColumn(t *testing.T) {
	good := goodProgress(t)
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
	r := report.Make(c, key, "en", []collect.Input{
		file("zoe.json", "Zoe", "B-2"),
		file("ana.json", "Ana", "b-2"),
		file("yan.json", "Yan", "A-1"),
		file("bo.json", "Bo", ""),
		file("bo-laptop.json", "bo", "A-1"),
		file("cy.json", "Cy", ""),
		file("laptop-3.json", "", "A-1"),
	})

	html, err := HTML(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`<th scope="col">Class</th>`, `<th scope="row">Cy</th><td>–</td>`, "<li>laptop-3.json</li>", "These files gave no learner&#39;s name"} {
		if !bytes.Contains(html, []byte(w)) {
			t.Errorf("the page lacks %s", w)
		}
	}
	learners, _, err := CSV(r)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(learners), "\r\n")
	if !strings.HasPrefix(lines[0], "\ufefflearner,class,quiz_id,") || !strings.HasPrefix(lines[1], "Bo,A-1,basics-check,") {
		t.Errorf("the CSV starts\n%s\n%s", lines[0], lines[1])
	}

	plain := report.Make(c, key, "en", []collect.Input{file("ana.json", "Ana", "")})
	html, _ = HTML(plain)
	if bytes.Contains(html, []byte(`<th scope="col">Class</th>`)) {
		t.Error("a report without class codes shows the class column")
	}
}
