package reportview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/pipeline"
	"playbook/site/report"
	"playbook/site/report/collect"
)

// reportData is package report's testdata, which these tests share.
const reportData = "../testdata"

// loadCourse loads the test course, which must have no errors.
func loadCourse(t testing.TB) (*course.Course, string) {
	t.Helper()
	var diags diag.List
	c := course.Load(os.DirFS(filepath.Join(reportData, "course")), &diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c, pipeline.SiteKey(c.Config)
}

// classReport makes the report of ../testdata/class, the files in the order a shell glob
// gives (see package report's tests), named as package report's tests name them
// (testdata/class/...), so that the golden files show the same paths.
func classReport(t testing.TB, lang string) *report.Report {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(reportData, "class", "*.json"))
	if err != nil || len(files) != 8 {
		t.Fatalf("../testdata/class: %d files, %v", len(files), err)
	}
	inputs := collect.ReadPaths(files)
	for i := range inputs {
		inputs[i].Path = strings.TrimPrefix(inputs[i].Path, "../")
		inputs[i].SameAs = strings.TrimPrefix(inputs[i].SameAs, "../")
	}
	c, key := loadCourse(t)
	return report.Make(c, key, lang, inputs)
}

// goodProgress is a progress file without a problem, of the test course.
func goodProgress(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "progress", "testdata", "good", "full.json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
