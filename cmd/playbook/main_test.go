package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const testCourse = "../../testdata/course"

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // in stderr
	}{
		{nil, 2, "Commands:"},
		{[]string{"bild"}, 2, `unknown command "bild"`},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"build", "--edition", "boss"}, 2, "edition must be learner or trainer"},
		{[]string{"check", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--port", "x"}, 2, "invalid value"},
		{[]string{"serve", "--allow-host", "http://crm-room.local/"}, 2, `--allow-host "http://crm-room.local/": give a host name or IP address alone`},
		{[]string{"build", "--src", ".", "--out", "."}, 2, "would replace the course itself"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if tt.code == 2 && len(tt.args) > 0 && tt.args[0] != "bild" && !strings.Contains(stderr, "Usage:") {
			t.Errorf("%v: usage not shown", tt.args)
		}
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve", "report", "pdf", "version"} {
		code, stdout, _ := runCLI(cmd, "--help")
		if code != 0 || !strings.Contains(stdout, "Usage:\n  playbook "+cmd) || !strings.Contains(stdout, "Examples:") {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, stdout)
		}
	}
	if code, stdout, _ := runCLI("help"); code != 0 || !strings.Contains(stdout, "build") {
		t.Errorf("help: exit %d %q", code, stdout)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI("version")
	if code != 0 || !strings.HasPrefix(stdout, "playbook ") {
		t.Errorf("version: %d %q", code, stdout)
	}
}

func TestCheck(t *testing.T) {
	code, stdout, _ := runCLI("check", "--src", testCourse)
	if code != 0 || !strings.Contains(stdout, "ok:") || !strings.Contains(stdout, "warning: no zh-CN translation") {
		t.Errorf("check on a good course (warnings only): exit %d\n%s", code, stdout)
	}
	if code, stdout, _ = runCLI("check", "--strict", "--src", testCourse); code != 1 || !strings.Contains(stdout, "--strict fails on warnings") {
		t.Errorf("check --strict on a course with warnings: exit %d\n%s", code, stdout)
	}
	bad := brokenCourse(t)
	code, stdout, _ = runCLI("check", "--src", bad)
	if code != 1 {
		t.Errorf("check on a broken course: exit %d, want 1", code)
	}
	want := []string{
		"content/en/day-01-a/01-one.md:3:1: unknown key \"colour\"",
		"content/en/day-01-a/01-one.md:6:9: link to \"nowhere.md\"",
		"2 errors, 0 warnings",
	}
	for _, w := range want {
		if !strings.Contains(stdout, w) {
			t.Errorf("check output lacks %q:\n%s", w, stdout)
		}
	}
}

func brokenCourse(t *testing.T) string {
	dir := t.TempDir()
	write(t, dir, "playbook.yaml", "title: T\nlanguages: [en]\n")
	write(t, dir, "content/en/day-01-a/_index.md", "---\ntitle: A\n---\n")
	write(t, dir, "content/en/day-01-a/01-one.md", "---\ntitle: One\ncolour: red\n---\n\nSee [x](nowhere.md).\n")
	return dir
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuildSwapsOnlyOnSuccess(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runCLI("build", "--src", testCourse, "--out", out, "--edition", "trainer")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if !regexp.MustCompile(`^built \d+ pages \(trainer edition\) into `).MatchString(stdout) {
		t.Errorf("stdout = %q", stdout)
	}
	page := filepath.Join(out, "en", "day-01-basics", "first.html")
	before, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI("build", "--src", brokenCourse(t), "--out", out)
	if code != 1 || !strings.Contains(stderr, "left as it was") {
		t.Errorf("broken build: exit %d\n%s", code, stderr)
	}
	after, err := os.ReadFile(page)
	if err != nil || !bytes.Equal(before, after) {
		t.Error("the previous output was changed by a failed build")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	write(t, out, "thesis.docx", "precious")
	code, _, stderr := runCLI("build", "--src", testCourse, "--out", out)
	if code != 1 || !strings.Contains(stderr, "refusing to replace") {
		t.Errorf("exit %d %q", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(out, "thesis.docx")); err != nil || string(data) != "precious" {
		t.Error("a foreign file was touched")
	}
}

func TestExport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "q.xml")
	code, stdout, stderr := runCLI("export", "quizzes", "--src", testCourse, "--format", "moodle-xml", "--lang", "zh-CN", "--out", out)
	if code != 0 || !strings.Contains(stdout, "wrote") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "<quiz>") || !strings.Contains(string(data), "基础自测") {
		t.Errorf("export file: %v\n%.300s", err, data)
	}
	code, stdout, _ = runCLI("export", "quizzes", "--src", testCourse, "--format", "gift", "--quiz", "final-exam", "--out", "-")
	if code != 0 || !strings.HasPrefix(stdout, "// Exported by Playbook") || strings.Contains(stdout, "basics-check") {
		t.Errorf("gift to stdout: exit %d\n%s", code, stdout)
	}
	for _, args := range [][]string{
		{"export"},
		{"export", "lessons"},
		{"export", "quizzes", "--format", "pdf", "--out", "x"},
		{"export", "quizzes", "--format", "gift"},
	} {
		if code, _, stderr := runCLI(args...); code != 2 || !strings.Contains(stderr, "Usage:") {
			t.Errorf("%v: exit %d, want 2 with usage\n%s", args, code, stderr)
		}
	}
}
