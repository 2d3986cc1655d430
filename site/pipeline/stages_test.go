package pipeline

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStagesImportOnlyEarlierStages keeps data flowing one way: a stage may import the
// stages before it, never one after it, and the page kinds import the engine, never the
// pipeline that runs them.
func TestStagesImportOnlyEarlierStages(t *testing.T) {
	forbidden := map[string][]string{
		"plan":        {"site/pipeline/render", "site/pipeline/check", "site/pages", "site/kit", "site/pipeline"},
		"render":      {"site/pipeline/check", "site/pages", "site/kit", "site/pipeline"},
		"check":       {"site/pipeline/render", "site/pages", "site/kit", "site/pipeline"},
		"../pages":    {"site/pipeline/check", "site/kit", "site/pipeline"},
		"../kit":      {"site/pipeline/check", "site/pages", "site/pipeline"},
		"../material": {"site/course", "site/pipeline", "site/quiz", "site/checklist", "site/worksheet"},
	}
	for dir, bad := range forbidden {
		imports := importsOf(t, dir)
		if len(imports) == 0 {
			t.Errorf("%s: no imports found; is the folder still there?", dir)
		}
		for _, imp := range imports {
			for _, b := range bad {
				if imp == "playbook/"+b || strings.HasPrefix(imp, "playbook/"+b+"/") && b != "site/pipeline" {
					t.Errorf("%s imports %s, a later stage", dir, imp)
				}
			}
		}
	}
}

// importsOf lists the imports of the non-test Go files in dir.
func importsOf(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out = append(out, p)
		}
	}
	return out
}
