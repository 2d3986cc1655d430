package checklistfile

import (
	"os"
	"path/filepath"
	"testing"

	"playbook/internal/wanttest"
	"playbook/site/checklist"
	"playbook/site/diag"
)

var langs = []string{"en", "zh-CN"}

// TestBadChecklists parses every file in testdata/bad; each must produce exactly the errors
// its "# want line:col message" lines name.
func TestBadChecklists(t *testing.T) {
	wanttest.Files(t, "testdata/bad/*.yaml", 12, func(src []byte, d *diag.List) { Parse("bad.yaml", src, langs, d) })
}

// good is a checklist with two sections and three bands, shared with the scoring tests.
var good = func() string {
	data, err := os.ReadFile("../testdata/good.yaml")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func parseGood(t *testing.T) *checklist.Checklist {
	t.Helper()
	var d diag.List
	c := Parse("c.yaml", []byte(good), langs, &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	return c
}

func TestParseDefaults(t *testing.T) {
	c := parseGood(t)
	if len(c.Scale) != 4 || c.Scale[3].ID != "na" || !c.Scale[3].NotApplicable || !c.Scale[1].Action {
		t.Errorf("default scale: %+v", c.Scale)
	}
	if len(c.Items()) != 4 || c.Items()[1].Weight != 2 || c.Audience[0] != "rep" {
		t.Errorf("items: %+v audience %v", c.Items(), c.Audience)
	}
	if c.Bands[0].ID != "ready" || c.Bands[2].ID != "start" {
		t.Errorf("bands should be listed from the top: %v %v %v", c.Bands[0].ID, c.Bands[1].ID, c.Bands[2].ID)
	}
}

func FuzzLoadChecklist(f *testing.F) {
	f.Add(good)
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		var d diag.List
		c := Parse("f.yaml", []byte(src), langs, &d)
		if c == nil || d.HasErrors() {
			return
		}
		for p := 0; p <= 100; p++ {
			if c.BandFor(p) == nil {
				t.Fatalf("valid checklist leaves %d%% without a band:\n%s", p, src)
			}
		}
		_ = checklist.Score(c, map[string]string{})
	})
}
