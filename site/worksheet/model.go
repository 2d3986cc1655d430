// Package worksheet reads customer-value worksheets from YAML: rankings, ratings, decision
// tables, matrices and calculators. Each is checked, computed by pure functions (the page
// script follows the same rules) and rendered as a live form that also prints. The format is
// described in docs/worksheets.md.
package worksheet

import (
	"playbook/site/diag"
	"playbook/site/strictyaml"
	"playbook/site/worksheet/formula"
)

// Dir is the course folder that holds worksheet files.
const Dir = "worksheets"

// Kind is the kind of a worksheet.
type Kind string

// The worksheet kinds.
const (
	Ranking    Kind = "ranking"
	Rating     Kind = "rating"
	Decision   Kind = "decision"
	Matrix     Kind = "matrix"
	Calculator Kind = "calculator"
)

// Kinds returns the kinds in the order the documentation gives them.
func Kinds() []Kind { return []Kind{Ranking, Rating, Decision, Matrix, Calculator} }

// Worksheet is one worksheet file; the fields of its kind are set.
type Worksheet struct {
	Path        string
	ID          string
	Kind        Kind
	Title       strictyaml.Text
	Description strictyaml.Text
	Example     strictyaml.Text
	Day         int

	// Ranking
	ValueLabel strictyaml.Text
	// ByValue ranks bands by cumulative share of value; otherwise by share of customers.
	ByValue bool
	Bands   []*Band

	// Rating
	Scale    RatingScale
	Criteria []*Criterion

	// Decision
	Factors  []*Factor
	Outcomes []*Outcome

	// Matrix
	X, Y      *Axis
	Quadrants []*Quadrant

	// Calculator
	Inputs  []*Input
	Outputs []*Output
}

// Band is a ranking band (Share in percent) or a rating band (Min-Max whole percents).
type Band struct {
	ID        string
	Label     strictyaml.Text
	Treatment strictyaml.Text
	Share     float64
	Min, Max  int
}

// RatingScale is the range every rating criterion is scored on.
type RatingScale struct {
	Min, Max  int
	Low, High strictyaml.Text
}

// Criterion is one rated criterion.
type Criterion struct {
	ID     string
	Label  strictyaml.Text
	Hint   strictyaml.Text
	Weight float64
}

// Factor is a yes/no question of a decision table.
type Factor struct {
	ID    string
	Label strictyaml.Text
}

// Outcome is the result of one combination of factor answers.
type Outcome struct {
	When   map[string]bool
	Label  strictyaml.Text
	Action strictyaml.Text
	Pos    diag.Pos
}

// Axis is one axis of a matrix: a score from Min to Max (high from Split), or a yes/no answer.
type Axis struct {
	ID        string
	Label     strictyaml.Text
	Low, High strictyaml.Text
	YesNo     bool
	Min, Max  float64
	Split     float64
}

// Quadrant is one cell of a matrix.
type Quadrant struct {
	ID        string
	XHigh     bool
	YHigh     bool
	Label     strictyaml.Text
	Treatment strictyaml.Text
}

// Input is a calculator input.
type Input struct {
	ID       string
	Label    strictyaml.Text
	Unit     strictyaml.Text
	Default  float64
	Min, Max float64
	HasMin   bool
	HasMax   bool
	Step     float64
}

// Output is a calculated value.
type Output struct {
	ID       string
	Label    strictyaml.Text
	Unit     strictyaml.Text
	Formula  string
	Expr     *formula.Expr
	Decimals int
	Pos      diag.Pos
}
