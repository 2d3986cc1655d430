package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	reportCourse = "../../site/report/testdata/course"
	reportClass  = "../../site/report/testdata/class"
)

// classArgs returns the class's progress files, as the shell expands progress/*.json.
func classArgs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(reportClass + "/*.json")
	if err != nil || len(files) != 8 {
		t.Fatalf("class files: %v %v", files, err)
	}
	return files
}

func TestReportHTML(t *testing.T) {
	out := filepath.Join(t.TempDir(), "class.html")
	// Flags after the files work too, as in "playbook report progress/*.json --out x".
	args := append(append([]string{"report", "--src", reportCourse}, classArgs(t)...), "--out", out, "--lang", "zh-CN")
	code, stdout, stderr := runCLI(args...)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "5 files merged into 4 learners, 3 skipped; wrote " + out + "\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	wantErr := []string{
		reportClass + `/broken.json:4:3: skipped: not JSON: invalid character '"' after object key:value pair`,
		reportClass + "/copy-of-ana.json: skipped: duplicate of " + reportClass + "/ana.json (the same content)",
		reportClass + `/dan.json:8:21: skipped quiz "basics-check" (the rest of the file is used): best attempt: percent 95 does not match earned/max = 3/6 (50%)`,
		reportClass + `/dan.json:65:17: note: quiz "old-quiz" is not in the course (any more); ignored`,
		reportClass + `/eve-laptop.json:7:21: note: quiz "basics-check": results of "gone" ignored: no such scored question in the quiz (any more)`,
		reportClass + `/eve-laptop.json: note: the file gives no learner's name; reported as eve-laptop`,
		reportClass + `/other-course.json: skipped: not a progress file of this course (site is "other-course", this course is "test-course")`,
	}
	if got := strings.TrimSuffix(stderr, "\n"); got != strings.Join(wantErr, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, strings.Join(wantErr, "\n"))
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>\n<html lang=\"zh-CN\">", "班级学习报告", "Bo Chen", "合并"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("report file mode: %v %v", info, err)
	}
	assertOnlyFiles(t, filepath.Dir(out), "class.html")
}

func TestReportCSVAndFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "class.csv")
	code, stdout, stderr := runCLI("report", "--src", reportCourse, "--out", out, reportClass)
	if code != 0 || !strings.HasSuffix(stdout, "wrote "+out+" and "+filepath.Join(dir, "class-questions.csv")+" and "+filepath.Join(dir, "class-roleplays.csv")+"\n") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	learners, err1 := os.ReadFile(out)
	questions, err2 := os.ReadFile(filepath.Join(dir, "class-questions.csv"))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !bytes.HasPrefix(learners, []byte("\ufefflearner,class,quiz_id,")) || !bytes.Contains(learners, []byte("\r\nBo Chen,,basics-check,Basics self-check,1,self-check,3,80.6,yes,")) {
		t.Errorf("learners CSV:\n%s", learners)
	}
	if !bytes.HasPrefix(questions, []byte("\ufeffquiz_id,quiz_title,day,number,question_id,")) || bytes.Count(questions, []byte("\r\n")) != 11 { // a header and 10 scored questions
		t.Errorf("questions CSV:\n%s", questions)
	}
	roleplays, err := os.ReadFile(filepath.Join(dir, "class-roleplays.csv"))
	if err != nil || !bytes.Contains(roleplays, []byte("\r\nBo Chen,,double-charge,The double charge,1,2,85.7,85.7,won,recovered,2026-11-24 16:00:00,yes\r\n")) {
		t.Errorf("role-plays CSV (%v):\n%s", err, roleplays)
	}
	assertOnlyFiles(t, dir, "class-questions.csv", "class-roleplays.csv", "class.csv")
}

func TestReportToStdout(t *testing.T) {
	code, stdout, stderr := runCLI("report", "--src", reportCourse, "--out", "-", reportClass+"/ana.json", reportClass+"/dan.json")
	if code != 0 || !strings.HasPrefix(stdout, "<!DOCTYPE html>") || !strings.HasSuffix(stderr, "\n2 files merged into 2 learners, 0 skipped\n") {
		t.Errorf("exit %d\nstdout %.80q\nstderr %q", code, stdout, stderr)
	}
}

// TestReportFailureLeavesOutputAlone checks that a run that cannot make a report exits 1
// and leaves the previous report as it was, with no temporary file behind.
func TestReportFailureLeavesOutputAlone(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	if err := os.WriteFile(out, []byte("yesterday's report"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no usable file", []string{"--src", reportCourse, reportClass + "/broken.json", reportClass + "/other-course.json", filepath.Join(dir, "missing.json")}, []string{
			"broken.json:4:3: skipped: not JSON",
			"other-course.json: skipped: not a progress file of this course",
			"missing.json: skipped: cannot read the file: no such file or directory",
			"no progress file could be used (0 files merged into 0 learners, 3 skipped); no report was written",
		}},
		{"empty folder", []string{"--src", reportCourse, empty}, []string{empty + ": skipped: the folder holds no .json or .csv files"}},
		{"broken course", []string{"--src", brokenCourse(t), reportClass + "/ana.json"}, []string{`unknown key "colour"`, "has errors; no report was written"}},
		{"unknown language", []string{"--src", reportCourse, "--lang", "fr", reportClass + "/ana.json"}, []string{`--lang:1:1: language "fr" is not one of the course's languages (en, zh-CN)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(append([]string{"report", "--out", out}, tt.args...)...)
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if data, err := os.ReadFile(out); err != nil || string(data) != "yesterday's report" {
				t.Error("the previous report was changed")
			}
			assertOnlyFiles(t, dir, "report.html")
		})
	}
}

func TestReportUsageErrors(t *testing.T) {
	ana := reportClass + "/ana.json"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "name the progress files"},
		{[]string{"report", "--src", reportCourse}, "name the progress files"},
		{[]string{"report", "--nope", ana}, "flag provided but not defined: -nope"},
		{[]string{"report", "--format", "pdf", ana}, "--format must be html or csv"},
		{[]string{"report", "--out", "report.txt", ana}, "the name must end in .html or .csv"},
		{[]string{"report", "--format", "csv", "--out", "x.html", ana}, "--format csv does not match --out x.html"},
		{[]string{"report", "--format", "csv", "--out", "-", ana}, "--format csv writes two files"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "Usage:\n  playbook report") {
			t.Errorf("%v: exit %d\n%s", tt.args, code, stderr)
		}
	}
	// A file named like a flag after "--" is a file.
	code, _, stderr := runCLI("report", "--src", reportCourse, "--out", "-", "--", "--out")
	if code != 1 || !strings.Contains(stderr, "--out: skipped: cannot read the file") {
		t.Errorf(`"--" then "--out": exit %d %q`, code, stderr)
	}
}

// assertOnlyFiles checks that dir holds exactly the files named.
func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// teamExports holds checklist exports of the bundled course (made by its checklist pages),
// a progress file, and files the report cannot use.
const teamExports = "../../site/report/team/testdata/exports"

func TestReportChecklistExports(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "team.html")
	code, stdout, stderr := runCLI("report", "--src", "../..", "--out", out, teamExports)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "1 file merged into 1 learner, 0 skipped; 19 checklist exports used, 6 skipped; wrote " + out + "\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	for _, want := range []string{
		teamExports + "/broken.json:34:19: skipped: not JSON: unexpected end of JSON input\n",
		teamExports + `/other-course.json: skipped: not a checklist export of this course (site is "another-course", this course is "crm-playbook")` + "\n",
		teamExports + "/prospect-development-Jon,-November-2026-11-24.json: skipped: duplicate of ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Who finished what", "Team checklist: Prospect development checklist", "Team checklist: Dealer development checklist", "Checklist files"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the report lacks %q", want)
		}
	}

	// CSV: the files of the progress files (per learner, per question, per role-play of the
	// course), and two of the checklists.
	out = filepath.Join(dir, "team.csv")
	code, stdout, stderr = runCLI("report", "--src", "../..", "--lang", "zh-CN", "--out", out, teamExports)
	if code != 0 || !strings.HasSuffix(stdout, " and "+filepath.Join(dir, "team-checklist-items.csv")+"\n") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	copies, err := os.ReadFile(filepath.Join(dir, "team-checklists.csv"))
	if err != nil || !bytes.HasPrefix(copies, []byte("\ufeffchecklist_id,checklist_title,rep,")) || bytes.Count(copies, []byte("\r\n")) != 20 ||
		!bytes.Contains(copies, []byte("\r\nprospect-development,潜在客户开发检查表,陈杰,South,十一月,2026-11-23,yes,23,0,23,44,46,96,well-organised,开发有序,")) {
		t.Errorf("checklists CSV (%v):\n%s", err, copies)
	}
	assertOnlyFiles(t, dir, "team-checklist-items.csv", "team-checklists.csv", "team-questions.csv", "team-roleplays.csv", "team.csv", "team.html")
}

func TestReportNoUsableExport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.html")
	code, stdout, stderr := runCLI("report", "--src", "../..", "--out", out, teamExports+"/scores.csv", teamExports+"/other-course.json")
	if code != 1 || stdout != "" || !strings.HasSuffix(stderr, "playbook report: no progress file or checklist export could be used (0 checklist exports used, 2 skipped); no report was written\n") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}
