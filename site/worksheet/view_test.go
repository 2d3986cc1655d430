package worksheet_test

import (
	"encoding/json"
	"html"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
	"playbook/site/worksheet"
	"playbook/site/worksheet/worksheetfile"
)

type textRenderer struct{}

func (textRenderer) Markdown(t strictyaml.Text, inline bool) template.HTML {
	return template.HTML(html.EscapeString(t.Get("en")))
}

func (textRenderer) SourceLink(*lessonref.Ref) (string, string) { return "", "" }

func (textRenderer) Text(t strictyaml.Text) string { return t.Get("en") }

// TestData checks the page data of every kind of worksheet: JSON with the ids, numbers and
// rules the page script needs.
func TestData(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/course/worksheets/*.yaml")
	got := map[worksheet.Kind]map[string]any{}
	for _, f := range files {
		src, _ := os.ReadFile(f)
		var d diag.List
		w := worksheetfile.Parse(f, src, []string{"en", "zh-CN"}, &d)
		if len(d) > 0 {
			t.Fatalf("%s: %v", f, d)
		}
		raw := string(worksheet.NewView(w, "en", textRenderer{}, false).Data())
		if strings.ContainsAny(raw, "<>") {
			t.Errorf("%s: the page data holds < or >: %s", w.ID, raw)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			t.Fatalf("%s: the page data is not JSON: %v\n%s", w.ID, err, raw)
		}
		if m["id"] != w.ID || m["kind"] != string(w.Kind) || m["version"] != w.Version() {
			t.Errorf("%s: id, kind or version wrong: %s", w.ID, raw)
		}
		got[w.Kind] = m
	}
	js := func(k worksheet.Kind, key string) string {
		data, _ := json.Marshal(got[k][key])
		return string(data)
	}
	for _, c := range []struct {
		kind      worksheet.Kind
		key, want string
	}{
		{worksheet.Ranking, "method", `"customers"`},
		{worksheet.Ranking, "bands", `[{"id":"platinum","label":"Platinum","share":1},{"id":"gold","label":"Gold","share":4},{"id":"iron","label":"Iron","share":15},{"id":"lead","label":"Lead","share":80}]`},
		{worksheet.Rating, "min", "1"},
		{worksheet.Rating, "max", "5"},
		{worksheet.Rating, "criteria", `[{"id":"share","weight":2},{"id":"risk","weight":1}]`},
		{worksheet.Decision, "factors", `["money","need"]`},
		{worksheet.Decision, "outcomes", `[{"label":"Ideal","when":{"money":true,"need":true}},{"label":"Create need","when":{"money":true,"need":false}},{"label":"Check credit","when":{"money":false,"need":true}},{"label":"Drop","when":{"money":false,"need":false}}]`},
		{worksheet.Matrix, "axes", `[{"id":"current","label":"Current value","max":10,"min":0,"split":5,"yesNo":false},{"id":"accepts","label":"Accepts the product","max":0,"min":0,"split":0,"yesNo":true}]`},
		{worksheet.Calculator, "outputs", `[{"decimals":1,"formula":["/",["+",["var","fee"],["var","fuel"]],["var","hours"]],"id":"per_hour"},{"decimals":0,"formula":["*",["var","per_hour"],["var","hours"]],"id":"per_day"}]`},
	} {
		if g := js(c.kind, c.key); g != c.want {
			t.Errorf("%s %s:\n got %s\nwant %s", c.kind, c.key, g, c.want)
		}
	}
}
