package worksheet

import (
	"encoding/json"
	"html/template"
)

// pageData is what the page script of a worksheet reads (see docs/scripts.md).
type pageData struct {
	ID        string          `json:"id"`
	Kind      Kind            `json:"kind"`
	Version   string          `json:"version"`
	Method    string          `json:"method,omitempty"`
	Min       *int            `json:"min,omitempty"`
	Max       *int            `json:"max,omitempty"`
	Bands     []bandData      `json:"bands,omitempty"`
	Criteria  []criterionData `json:"criteria,omitempty"`
	Factors   []string        `json:"factors,omitempty"`
	Outcomes  []outcomeData   `json:"outcomes,omitempty"`
	Axes      []axisData      `json:"axes,omitempty"`
	Quadrants []quadrantData  `json:"quadrants,omitempty"`
	Outputs   []outputData    `json:"outputs,omitempty"`
}

type bandData struct {
	ID    string       `json:"id"`
	Label string       `json:"label"`
	Share *json.Number `json:"share,omitempty"`
	Min   *int         `json:"min,omitempty"`
	Max   *int         `json:"max,omitempty"`
}

type criterionData struct {
	ID     string      `json:"id"`
	Weight json.Number `json:"weight"`
}

type outcomeData struct {
	When  map[string]bool `json:"when"`
	Label string          `json:"label"`
}

type axisData struct {
	ID    string      `json:"id"`
	Label string      `json:"label"`
	YesNo bool        `json:"yesNo"`
	Min   json.Number `json:"min"`
	Max   json.Number `json:"max"`
	Split json.Number `json:"split"`
}

type quadrantData struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	XHigh bool   `json:"xHigh"`
	YHigh bool   `json:"yHigh"`
}

type outputData struct {
	ID       string          `json:"id"`
	Formula  json.RawMessage `json:"formula"`
	Decimals int             `json:"decimals"`
}

// Data is what the page script needs, as the JSON of the worksheet page's
// <script type="application/json" id="pb-data"> element (see docs/scripts.md): the ids,
// numbers and rules of the worksheet's kind; the texts stay in the page. The encoder escapes
// <, > and &, so the text cannot close the element.
func (v *View) Data() template.JS {
	d := pageData{ID: v.ID, Kind: v.Kind, Version: v.Version, Method: v.Method}
	switch v.Kind {
	case Ranking:
		for _, b := range v.Bands {
			share := json.Number(b.Share)
			d.Bands = append(d.Bands, bandData{ID: b.ID, Label: b.Label, Share: &share})
		}
	case Rating:
		d.Min, d.Max = &v.ScaleMin, &v.ScaleMax
		for _, c := range v.Criteria {
			d.Criteria = append(d.Criteria, criterionData{ID: c.ID, Weight: json.Number(c.Weight)})
		}
		for _, b := range v.Bands {
			d.Bands = append(d.Bands, bandData{ID: b.ID, Label: b.Label, Min: &b.Min, Max: &b.Max})
		}
	case Decision:
		decisionData(&d, v)
	case Matrix:
		matrixData(&d, v)
	case Calculator:
		for _, o := range v.Outputs {
			formula := json.RawMessage("null")
			if o.Formula != "" {
				formula = json.RawMessage(o.Formula)
			}
			d.Outputs = append(d.Outputs, outputData{ID: o.ID, Formula: formula, Decimals: o.Decimals})
		}
	}
	data, err := json.Marshal(d)
	if err != nil {
		return "null"
	}
	return template.JS(data)
}

func decisionData(d *pageData, v *View) {
	for _, f := range v.Factors {
		d.Factors = append(d.Factors, f.ID)
	}
	for _, o := range v.Outcomes {
		when := map[string]bool{}
		for i, f := range v.Factors {
			when[f.ID] = i < len(o.Answers) && o.Answers[i] == "yes"
		}
		d.Outcomes = append(d.Outcomes, outcomeData{When: when, Label: o.Label})
	}
}

func matrixData(d *pageData, v *View) {
	for _, a := range []*AxisView{v.X, v.Y} {
		if a != nil {
			d.Axes = append(d.Axes, axisData{ID: a.ID, Label: a.Label, YesNo: a.YesNo, Min: json.Number(a.Min), Max: json.Number(a.Max), Split: json.Number(a.Split)})
		}
	}
	for _, q := range v.Quadrants {
		d.Quadrants = append(d.Quadrants, quadrantData{ID: q.ID, Label: q.Label, XHigh: q.X == "high", YHigh: q.Y == "high"})
	}
}
