package worksheet

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"math"
	"strconv"
	"strings"

	"playbook/site/material"
	"playbook/site/strictyaml"
)

// Renderer turns the texts into HTML for one language.
type Renderer = material.Renderer

// View is what the worksheet template shows.
type View struct {
	ID          string
	Kind        Kind
	Title       string
	Description template.HTML
	// Example is the worked example, shown in the trainer edition only.
	Example template.HTML
	Day     int
	Version string

	ValueLabel string
	Method     string
	Bands      []BandView

	ScaleMin, ScaleMax int
	ScalePoints        []int
	ScaleLow           string
	ScaleHigh          string
	Criteria           []CriterionView

	Factors  []LabelView
	Outcomes []OutcomeView

	X, Y      *AxisView
	Quadrants []QuadrantView

	Inputs  []InputView
	Outputs []OutputView

	// search is what a search finds on the page (see Search).
	search []material.Section
}

// BandView is a band of a ranking or a rating.
type BandView struct {
	ID        string
	Label     string
	Treatment template.HTML
	Share     string
	// From and To are a ranking band's cumulative range in percent (of customers by rank,
	// or of value), e.g. 1 to 5 for gold after a 1% platinum band.
	From, To string
	Min, Max int
}

// CriterionView is a rating criterion.
type CriterionView struct {
	ID     string
	Label  template.HTML
	Hint   template.HTML
	Weight string
}

// LabelView is an id with a label (as HTML, and as text for table headings).
type LabelView struct {
	ID    string
	Label template.HTML
	Text  string
}

// OutcomeView is a row of a decision table.
type OutcomeView struct {
	Answers []string // "yes"/"no" per factor, in factor order
	Label   string
	Action  template.HTML
}

// AxisView is a matrix axis.
type AxisView struct {
	ID        string
	Label     string
	Low, High string
	YesNo     bool
	Min, Max  string
	Split     string
}

// QuadrantView is a matrix cell.
type QuadrantView struct {
	ID        string
	X, Y      string // "high" or "low"
	Label     string
	Treatment template.HTML
}

// InputView is a calculator input.
type InputView struct {
	ID       string
	Label    string
	Unit     string
	Default  string
	Min, Max string
	Step     string
}

// OutputView is a calculated value; Formula is the tree the page evaluates, as JSON.
type OutputView struct {
	ID       string
	Label    string
	Unit     string
	Source   string
	Formula  string
	Decimals int
	// Example is the value computed from the defaults, shown in print and before the script runs.
	Example string
}

// NewView prepares w for display in lang.
func NewView(w *Worksheet, lang string, r Renderer, trainer bool) *View {
	v := &View{ID: w.ID, Kind: w.Kind, Title: w.Title.Get(lang), Day: w.Day, Version: w.Version()}
	t := texts{r: r, lang: lang}
	v.Description = t.md(w.Description, false)
	if trainer {
		v.Example = t.md(w.Example, false)
	}
	switch w.Kind {
	case Ranking:
		rankingView(v, w, t)
	case Rating:
		ratingView(v, w, t)
	case Decision:
		decisionView(v, w, t)
	case Matrix:
		v.X, v.Y = axisView(w.X, lang), axisView(w.Y, lang)
		for _, q := range w.Quadrants {
			v.Quadrants = append(v.Quadrants, QuadrantView{ID: q.ID, X: HighLow(q.XHigh), Y: HighLow(q.YHigh), Label: t.get(q.Label), Treatment: t.md(q.Treatment, true)})
		}
	case Calculator:
		calculatorView(v, w, t)
	}
	v.search = searchSections(w, v, r)
	return v
}

// texts renders a worksheet's texts in one language.
type texts struct {
	r    Renderer
	lang string
}

// md renders a text as HTML, "" for an absent one.
func (t texts) md(x strictyaml.Text, inline bool) template.HTML {
	if x.IsZero() {
		return ""
	}
	return t.r.Markdown(x, inline)
}

// get returns a text as it is written.
func (t texts) get(x strictyaml.Text) string { return x.Get(t.lang) }

func rankingView(v *View, w *Worksheet, t texts) {
	v.ValueLabel = t.get(w.ValueLabel)
	v.Method = "customers"
	if w.ByValue {
		v.Method = "value"
	}
	cum := 0.0
	for _, b := range w.Bands {
		from := cum
		cum += b.Share
		v.Bands = append(v.Bands, BandView{ID: b.ID, Label: t.get(b.Label), Treatment: t.md(b.Treatment, true), Share: formatNumber(b.Share),
			From: formatNumber(from), To: formatNumber(math.Round(cum*1e6) / 1e6)})
	}
}

func ratingView(v *View, w *Worksheet, t texts) {
	v.ScaleMin, v.ScaleMax = w.Scale.Min, w.Scale.Max
	for p := w.Scale.Min; p <= w.Scale.Max; p++ {
		v.ScalePoints = append(v.ScalePoints, p)
	}
	v.ScaleLow, v.ScaleHigh = t.get(w.Scale.Low), t.get(w.Scale.High)
	for _, c := range w.Criteria {
		v.Criteria = append(v.Criteria, CriterionView{ID: c.ID, Label: t.md(c.Label, true), Hint: t.md(c.Hint, true), Weight: formatNumber(c.Weight)})
	}
	for _, b := range w.Bands {
		v.Bands = append(v.Bands, BandView{ID: b.ID, Label: t.get(b.Label), Treatment: t.md(b.Treatment, true), Min: b.Min, Max: b.Max})
	}
}

func decisionView(v *View, w *Worksheet, t texts) {
	for _, f := range w.Factors {
		v.Factors = append(v.Factors, LabelView{ID: f.ID, Label: t.md(f.Label, true), Text: PlainLabel(t.get(f.Label))})
	}
	for _, o := range w.Outcomes {
		ov := OutcomeView{Label: t.get(o.Label), Action: t.md(o.Action, true)}
		for _, f := range w.Factors {
			a := "no"
			if o.When[f.ID] {
				a = "yes"
			}
			ov.Answers = append(ov.Answers, a)
		}
		v.Outcomes = append(v.Outcomes, ov)
	}
}

func calculatorView(v *View, w *Worksheet, t texts) {
	for _, in := range w.Inputs {
		iv := InputView{ID: in.ID, Label: t.get(in.Label), Unit: t.get(in.Unit), Default: formatNumber(in.Default), Step: formatNumber(in.Step)}
		if in.HasMin {
			iv.Min = formatNumber(in.Min)
		}
		if in.HasMax {
			iv.Max = formatNumber(in.Max)
		}
		v.Inputs = append(v.Inputs, iv)
	}
	values, _ := Calculate(w, nil)
	for _, o := range w.Outputs {
		ov := OutputView{ID: o.ID, Label: t.get(o.Label), Unit: t.get(o.Unit), Source: o.Formula, Decimals: o.Decimals}
		if o.Expr != nil {
			data, _ := json.Marshal(o.Expr)
			ov.Formula = string(data)
		}
		if x, ok := values[o.ID]; ok {
			ov.Example = FormatFixed(x, o.Decimals)
		}
		v.Outputs = append(v.Outputs, ov)
	}
}

func axisView(a *Axis, lang string) *AxisView {
	if a == nil {
		return nil
	}
	return &AxisView{ID: a.ID, Label: a.Label.Get(lang), Low: a.Low.Get(lang), High: a.High.Get(lang), YesNo: a.YesNo,
		Min: formatNumber(a.Min), Max: formatNumber(a.Max), Split: formatNumber(a.Split)}
}

// FormatFixed formats x with the given decimals, rounding halves up as the page does, and
// never as "-0".
func FormatFixed(x float64, decimals int) string {
	f := math.Pow(10, float64(decimals))
	r := math.Floor(x*f+0.5) / f
	if r == 0 {
		r = 0 // drops the sign of -0
	}
	return strconv.FormatFloat(r, 'f', decimals, 64)
}

// PlainLabel strips Markdown emphasis markers from a short label, for places that take text.
func PlainLabel(s string) string { return strings.NewReplacer("**", "", "__", "", "`", "").Replace(s) }

// Version is a short hash of what saved data depends on: the kind, the scale and every id.
func (w *Worksheet) Version() string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s;%d-%d;", w.Kind, w.Scale.Min, w.Scale.Max)
	if w.X != nil && w.Y != nil {
		fmt.Fprintf(h, "x:%s;y:%s;", w.X.ID, w.Y.ID)
	}
	for _, q := range w.Quadrants {
		fmt.Fprintf(h, "q:%s;", q.ID)
	}
	for _, o := range w.Outputs {
		fmt.Fprintf(h, "o:%s;", o.ID)
	}
	for _, c := range w.Criteria {
		fmt.Fprintf(h, "c:%s;", c.ID)
	}
	for _, f := range w.Factors {
		fmt.Fprintf(h, "f:%s;", f.ID)
	}
	for _, in := range w.Inputs {
		fmt.Fprintf(h, "i:%s;", in.ID)
	}
	for _, b := range w.Bands {
		fmt.Fprintf(h, "b:%s;", b.ID)
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

func formatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// HighLow names one side of a matrix axis: "high" or "low".
func HighLow(b bool) string {
	if b {
		return "high"
	}
	return "low"
}
