package checklist_test

import (
	"encoding/json"
	"html/template"
	"strings"
	"testing"

	"playbook/site/checklist"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
)

// htmlRenderer renders every text as HTML with markup and escapes, as Markdown would.
type htmlRenderer struct{}

func (htmlRenderer) Markdown(t strictyaml.Text, inline bool) template.HTML {
	return template.HTML("<em>" + t.Get("en") + "</em> &amp; &lt;/script&gt;\n  more")
}

func (htmlRenderer) SourceLink(*lessonref.Ref) (string, string) { return "", "" }

func (htmlRenderer) Text(t strictyaml.Text) string { return t.Get("en") }

// TestData checks the page data of a checklist: the model the page script scores, as JSON
// that cannot close its <script> element.
func TestData(t *testing.T) {
	c := parseGood(t)
	raw := string(checklist.NewView(c, "en", htmlRenderer{}).Data())
	if strings.Contains(raw, "<") || strings.Contains(raw, ">") {
		t.Errorf("the page data holds < or >: %s", raw)
	}
	var d struct {
		ID      string   `json:"id"`
		Version string   `json:"version"`
		Fields  []string `json:"fields"`
		Items   []struct {
			ID, Number, Text, Section, SectionTitle string
			Weight                                  float64
		} `json:"items"`
		Levels []struct {
			ID, Label string
			Points    float64
			NA, Todo  bool
		} `json:"levels"`
		Bands []struct {
			ID, Label string
			Min, Max  int
		} `json:"bands"`
	}
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatalf("the page data is not JSON: %v\n%s", err, raw)
	}
	if d.ID != "prospects" || d.Version != c.Version() || strings.Join(d.Fields, " ") != "team person date reviewer" {
		t.Errorf("checklist %q version %q fields %v", d.ID, d.Version, d.Fields)
	}
	if len(d.Items) != 4 || d.Items[1].ID != "b" || d.Items[1].Number != "2" || d.Items[1].Weight != 2 || d.Items[2].Section != "s2" ||
		d.Items[2].SectionTitle != "S2" || d.Items[0].Text != "A & </script> more" {
		t.Errorf("items %+v", d.Items)
	}
	if len(d.Levels) != 4 || d.Levels[0].Points != 2 || !d.Levels[1].Todo || !d.Levels[3].NA || d.Levels[3].Label == "" {
		t.Errorf("levels %+v", d.Levels)
	}
	if len(d.Bands) != 3 || d.Bands[0].ID != "ready" || d.Bands[0].Min != 80 || d.Bands[0].Label != "Ready" {
		t.Errorf("bands %+v", d.Bands)
	}
}
