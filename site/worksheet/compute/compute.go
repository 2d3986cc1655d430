// Package compute does in Go what a worksheet's page script computes (rankings, ratings,
// decisions, matrix quadrants), for the tests that hold the two to the same vectors
// (site/worksheet/testdata/compute-vectors.json) and the sample data.
package compute

import (
	"math"
	"sort"

	"playbook/site/bands"
	"playbook/site/worksheet"
)

// Row is one customer of a ranking: a name and a value.
type Row struct {
	Name  string
	Value float64
}

// Ranked is a row's place in a ranking.
type Ranked struct {
	// Row is the index of the row in the input.
	Row int
	// Rank counts from 1 (the highest value).
	Rank int
	// Band is the index of the row's band in Worksheet.Bands.
	Band int
	// Share and CumShare are the row's share of the total value and the cumulative share up
	// to and including it, in percent (0 when the total is not positive).
	Share    float64
	CumShare float64
}

// Rank sorts rows by value (highest first, input order among equals) and gives each a band,
// by the rules of docs/worksheets.md.
func Rank(w *worksheet.Worksheet, rows []Row) []Ranked {
	n := len(rows)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rows[order[a]].Value > rows[order[b]].Value })
	total := 0.0
	for _, r := range rows {
		total += math.Max(r.Value, 0)
	}
	cum := make([]float64, len(w.Bands))
	s := 0.0
	for i, b := range w.Bands {
		s += b.Share
		cum[i] = s
	}
	last := len(w.Bands) - 1
	out := make([]Ranked, n)
	before := 0.0
	for i, idx := range order {
		v := math.Max(rows[idx].Value, 0)
		r := Ranked{Row: idx, Rank: i + 1, Band: last}
		if total > 0 {
			r.Share = v / total * 100
			r.CumShare = (before + v) / total * 100
		}
		switch {
		case !w.ByValue:
			for k, c := range cum {
				if float64(i+1) <= math.Ceil(c*float64(n)/100-1e-9) {
					r.Band = k
					break
				}
			}
		case v > 0:
			start := before / total * 100
			for k, c := range cum {
				if start < c-1e-9 {
					r.Band = k
					break
				}
			}
		}
		before += v
		// Equal values share the band of the first of them.
		if i > 0 && rows[order[i-1]].Value == rows[idx].Value {
			r.Band = out[i-1].Band
		}
		out[i] = r
	}
	return out
}

// RatingResult is a computed rating.
type RatingResult struct {
	// Complete is false while a criterion is not rated; Percent and Band are then unset.
	Complete bool
	Weighted float64
	Max      float64
	Percent  int
	Band     *worksheet.Band
}

// Rate computes a rating from a score per criterion id.
func Rate(w *worksheet.Worksheet, scores map[string]float64) RatingResult {
	r := RatingResult{Complete: true}
	span := float64(w.Scale.Max - w.Scale.Min)
	for _, c := range w.Criteria {
		v, ok := scores[c.ID]
		if !ok {
			r.Complete = false
			continue
		}
		v = math.Min(math.Max(v, float64(w.Scale.Min)), float64(w.Scale.Max))
		r.Weighted += c.Weight * (v - float64(w.Scale.Min))
		r.Max += c.Weight * span
	}
	if !r.Complete || r.Max == 0 {
		r.Complete = r.Complete && r.Max > 0
		return r
	}
	r.Percent = bands.Percent(r.Weighted, r.Max)
	for _, b := range w.Bands {
		if r.Percent >= b.Min && r.Percent <= b.Max {
			r.Band = b
		}
	}
	return r
}

// Decide returns the outcome for yes/no answers by factor id, or nil while one is missing.
func Decide(w *worksheet.Worksheet, answers map[string]bool) *worksheet.Outcome {
	for _, f := range w.Factors {
		if _, ok := answers[f.ID]; !ok {
			return nil
		}
	}
	for _, o := range w.Outcomes {
		match := true
		for id, want := range o.When {
			match = match && answers[id] == want
		}
		if match {
			return o
		}
	}
	return nil
}

// Place returns the quadrant for the two axis values.
func Place(w *worksheet.Worksheet, x, y float64) *worksheet.Quadrant {
	xh, yh := w.X.IsHigh(x), w.Y.IsHigh(y)
	for _, q := range w.Quadrants {
		if q.XHigh == xh && q.YHigh == yh {
			return q
		}
	}
	return nil
}
