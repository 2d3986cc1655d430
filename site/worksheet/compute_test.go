package worksheet

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"
)

type vectors struct {
	Ranking []struct {
		Name    string    `json:"name"`
		ByValue bool      `json:"by_value"`
		Shares  []float64 `json:"shares"`
		Values  []float64 `json:"values"`
		Bands   []int     `json:"bands"`
	} `json:"ranking"`
	Formulas []struct {
		Formula string             `json:"formula"`
		Vars    map[string]float64 `json:"vars"`
		Result  float64            `json:"result"`
		Error   string             `json:"error"`
	} `json:"formulas"`
}

func loadVectors(t *testing.T) vectors {
	t.Helper()
	data, err := os.ReadFile("testdata/compute-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRankVectors(t *testing.T) {
	for _, c := range loadVectors(t).Ranking {
		w := &Worksheet{ByValue: c.ByValue}
		for i, s := range c.Shares {
			w.Bands = append(w.Bands, &Band{ID: strconv.Itoa(i), Share: s})
		}
		rows := make([]Row, len(c.Values))
		for i, v := range c.Values {
			rows[i] = Row{Value: v}
		}
		got := make([]int, len(rows))
		for _, r := range Rank(w, rows) {
			got[r.Row] = r.Band
		}
		for i := range got {
			if got[i] != c.Bands[i] {
				t.Errorf("%s: bands %v, want %v", c.Name, got, c.Bands)
				break
			}
		}
	}
}

func TestRankShares(t *testing.T) {
	w := &Worksheet{ByValue: true, Bands: []*Band{{Share: 80}, {Share: 20}}}
	r := Rank(w, []Row{{Value: 25}, {Value: 75}})
	if r[0].Row != 1 || r[0].Rank != 1 || r[0].Share != 75 || r[0].CumShare != 75 || r[1].CumShare != 100 {
		t.Errorf("got %+v", r)
	}
}

func TestFormulaVectors(t *testing.T) {
	for _, c := range loadVectors(t).Formulas {
		e, err := ParseFormula(c.Formula)
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
		_, err := ParseFormula(src)
		fe, ok := err.(*FormulaError)
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
	e, err := ParseFormula("-a + round(b / 2, 1)")
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
		e, err := ParseFormula(src)
		if err != nil {
			if fe, ok := err.(*FormulaError); !ok || fe.Offset < 0 || fe.Offset > len(src) {
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
