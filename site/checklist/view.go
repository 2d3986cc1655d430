package checklist

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"playbook/site/material"
)

// Renderer turns the texts into HTML for one language.
type Renderer = material.Renderer

// View is what the checklist template shows.
type View struct {
	ID          string
	Title       string
	Description template.HTML
	Day         int
	Audience    []string
	Scale       []LevelView
	Sections    []SectionView
	Bands       []BandView
	ItemCount   int
	// Version changes when items are added, removed or renamed, so saved copies can tell.
	Version string
	// search is what a search finds on the page (see Search).
	search []material.Section
}

// LevelView is a scale level.
type LevelView struct {
	ID            string
	Label         string
	Points        string
	NotApplicable bool
	Action        bool
}

// SectionView is a group of items; Title is empty for a checklist without sections.
type SectionView struct {
	ID    string
	Title string
	Items []ItemView
}

// ItemView is one item.
type ItemView struct {
	Number      int
	ID          string
	Text        template.HTML
	Hint        template.HTML
	Weight      string
	SourceURL   string
	SourceTitle string
}

// BandView is a score band.
type BandView struct {
	ID     string
	Min    int
	Max    int
	Label  string
	Advice template.HTML
}

// NewView prepares c for display in lang.
func NewView(c *Checklist, lang string, r Renderer) *View {
	v := &View{ID: c.ID, Title: c.Title.Get(lang), Day: c.Day, Audience: c.Audience, Version: c.Version()}
	if !c.Description.IsZero() {
		v.Description = r.Markdown(c.Description, false)
	}
	for _, l := range c.Scale {
		v.Scale = append(v.Scale, LevelView{ID: l.ID, Label: l.Label.Get(lang), Points: formatNumber(l.Points), NotApplicable: l.NotApplicable, Action: l.Action})
	}
	n := 0
	for _, s := range c.Sections {
		sv := SectionView{ID: s.ID}
		if !s.Title.IsZero() {
			sv.Title = s.Title.Get(lang)
		}
		for _, it := range s.Items {
			n++
			iv := ItemView{Number: n, ID: it.ID, Text: r.Markdown(it.Text, true), Weight: formatNumber(it.Weight)}
			if !it.Hint.IsZero() {
				iv.Hint = r.Markdown(it.Hint, true)
			}
			if it.Source != nil {
				iv.SourceURL, iv.SourceTitle = r.SourceLink(it.Source)
			}
			sv.Items = append(sv.Items, iv)
		}
		v.Sections = append(v.Sections, sv)
	}
	v.ItemCount = n
	v.search = searchSections(c, lang, r)
	for _, b := range c.Bands {
		v.Bands = append(v.Bands, BandView{ID: b.ID, Min: b.Min, Max: b.Max, Label: b.Label.Get(lang), Advice: r.Markdown(b.Advice, true)})
	}
	return v
}

// Data is what the page script needs, as the JSON of the checklist page's
// <script type="application/json" id="pb-data"> element (see docs/scripts.md): the model
// checklist-core.js scores, exports and imports. The encoder escapes <, > and &, so the
// text cannot close the element.
func (v *View) Data() template.JS {
	type item struct {
		ID           string      `json:"id"`
		Number       string      `json:"number"`
		Text         string      `json:"text"`
		Weight       json.Number `json:"weight"`
		Section      string      `json:"section"`
		SectionTitle string      `json:"sectionTitle"`
	}
	type level struct {
		ID     string      `json:"id"`
		Label  string      `json:"label"`
		Points json.Number `json:"points"`
		NA     bool        `json:"na"`
		Todo   bool        `json:"todo"`
	}
	type band struct {
		ID    string `json:"id"`
		Min   int    `json:"min"`
		Max   int    `json:"max"`
		Label string `json:"label"`
	}
	d := struct {
		ID      string   `json:"id"`
		Version string   `json:"version"`
		Fields  []string `json:"fields"`
		Items   []item   `json:"items"`
		Levels  []level  `json:"levels"`
		Bands   []band   `json:"bands"`
	}{ID: v.ID, Version: v.Version, Fields: Fields, Items: []item{}, Levels: []level{}, Bands: []band{}}
	for _, s := range v.Sections {
		for _, it := range s.Items {
			d.Items = append(d.Items, item{ID: it.ID, Number: strconv.Itoa(it.Number), Text: plainText(it.Text),
				Weight: json.Number(it.Weight), Section: s.ID, SectionTitle: s.Title})
		}
	}
	for _, l := range v.Scale {
		d.Levels = append(d.Levels, level{ID: l.ID, Label: l.Label, Points: json.Number(l.Points), NA: l.NotApplicable, Todo: l.Action})
	}
	for _, b := range v.Bands {
		d.Bands = append(d.Bands, band{ID: b.ID, Min: b.Min, Max: b.Max, Label: b.Label})
	}
	data, err := json.Marshal(d)
	if err != nil {
		return "null"
	}
	return template.JS(data)
}

// Fields are the names of the inputs in the header of a checklist form, in order.
var Fields = []string{"team", "person", "date", "reviewer"}

var tags = regexp.MustCompile(`<[^>]*>`)

// plainText is the text of rendered inline HTML as a browser reads it (textContent), with
// runs of white space made one space.
func plainText(h template.HTML) string {
	return strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(string(h), ""))), " ")
}

// Version is a short hash of the checklist's item ids and scale.
func (c *Checklist) Version() string {
	h := fnv.New32a()
	for _, it := range c.Items() {
		fmt.Fprintf(h, "%s;", it.ID)
	}
	for _, l := range c.Scale {
		fmt.Fprintf(h, "%s=%g;", l.ID, l.Points)
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

func formatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
