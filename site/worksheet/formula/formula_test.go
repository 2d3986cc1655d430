package formula

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// loadFormulas reads the formula cases that the Go and the page script both run.
func loadFormulas(t *testing.T) []struct {
	Formula string             `json:"formula"`
	Vars    map[string]float64 `json:"vars"`
	Result  float64            `json:"result"`
	Error   string             `json:"error"`
} {
	t.Helper()
	data, err := os.ReadFile("../testdata/compute-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Formulas []struct {
			Formula string             `json:"formula"`
			Vars    map[string]float64 `json:"vars"`
			Result  float64            `json:"result"`
			Error   string             `json:"error"`
		} `json:"formulas"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v.Formulas
}

func TestFormulaVectors(t *testing.T) {
	for _, c := range loadFormulas(t) {
		e, err := Parse(c.Formula)
		if err != nil {
			t.Errorf("%s: %v", c.Formula, err)
			continue
		}
		got, err := e.Eval(c.Vars)
		switch {
		case c.Error != "":
			if err == nil || err.Error() != c.Error {
				t.Errorf("%s: error %v, want %q", c.Formula, err, c.Error)
			}
		case err != nil:
			t.Errorf("%s: %v", c.Formula, err)
		case math.Abs(got-c.Result) > 1e-9:
			t.Errorf("%s = %v, want %v", c.Formula, got, c.Result)
		}
	}
}

func TestFormulaSyntaxErrors(t *testing.T) {
	tests := map[string]int{ // formula -> offset of the error
		"(a + b":   6,
		"a + ":     4,
		"a b":      2,
		"3 $ 4":    2,
		"min(1, ":  7,
		"1..2 + 3": 0,
		")":        0,
	}
	for src, offset := range tests {
		_, err := Parse(src)
		fe, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: no error", src)
			continue
		}
		if fe.Offset != offset {
			t.Errorf("%q: error %q at %d, want at %d", src, fe.Msg, fe.Offset, offset)
		}
	}
}

func TestFormulaJSON(t *testing.T) {
	e, err := Parse("-a + round(b / 2, 1)")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(e)
	want := `["+",["neg",["var","a"]],["call","round",["/",["var","b"],["num",2]],["num",1]]]`
	if string(data) != want {
		t.Errorf("got  %s\nwant %s", data, want)
	}
}

// FuzzFormula parses arbitrary text: it must never panic, and what parses must evaluate
// without panicking (to a number or an error).
func FuzzFormula(f *testing.F) {
	for _, c := range []string{"(fee + fuel) / hours", "geomsum(r, n)", "-2^-2", "min(1,2,3)", "((((", "1e5", "a/0"} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			if fe, ok := err.(*Error); !ok || fe.Offset < 0 || fe.Offset > len(src) {
				t.Fatalf("bad error %v for %q", err, src)
			}
			return
		}
		vars := map[string]float64{}
		e.Walk(func(x *Expr) {
			if x.Op == "var" {
				vars[x.Name] = 2
			}
		})
		_, _ = e.Eval(vars)
		if _, err := json.Marshal(e); err != nil {
			t.Fatal(err)
		}
	})
}
