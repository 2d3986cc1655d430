package formula

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// sharedCases are the cases of compute-vectors.json that the Go and the page script both run.
type sharedCases struct {
	Formulas []struct {
		Formula string             `json:"formula"`
		Vars    map[string]float64 `json:"vars"`
		Result  float64            `json:"result"`
		Error   string             `json:"error"`
	} `json:"formulas"`
	Limits []limitCase `json:"limits"`
}

// limitCase is a formula made of prefix repeated times, middle, then suffix repeated times;
// Parse must refuse it at Offset for Limit ("length" or "depth") or compute Result. Wrap and
// Leaf describe its tree for the page script (see the file's comment).
type limitCase struct {
	Name   string          `json:"name"`
	Prefix string          `json:"prefix"`
	Times  int             `json:"times"`
	Middle string          `json:"middle"`
	Suffix string          `json:"suffix"`
	Wrap   json.RawMessage `json:"wrap"`
	Leaf   json.RawMessage `json:"leaf"`
	Limit  string          `json:"limit"`
	Offset int             `json:"offset"`
	Result float64         `json:"result"`
}

// source is the text of the formula.
func (c limitCase) source() string {
	return strings.Repeat(c.Prefix, c.Times) + c.Middle + strings.Repeat(c.Suffix, c.Times)
}

// tree is the JSON of the formula's tree: Leaf wrapped Times in Wrap.
func (c limitCase) tree() string {
	t := string(c.Leaf)
	for range c.Times {
		t = strings.Replace(string(c.Wrap), `"$"`, t, 1)
	}
	return t
}

func loadShared(t *testing.T) sharedCases {
	t.Helper()
	data, err := os.ReadFile("../testdata/compute-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v sharedCases
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestFormulaVectors(t *testing.T) {
	for _, c := range loadShared(t).Formulas {
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

// TestFormulaLimits parses the limit cases of compute-vectors.json: formulas at a limit
// compute; those past one fail at the place that says which limit, and stop there, so that
// 100,000 signs or terms cost no more than 33.
func TestFormulaLimits(t *testing.T) {
	says := map[string]string{
		"length": fmt.Sprintf("characters long, over the limit of %d;", MaxLength),
		"depth":  fmt.Sprintf("nests more than %d levels deep", MaxDepth),
	}
	cases := loadShared(t).Limits
	if len(cases) < 10 {
		t.Fatalf("compute-vectors.json has %d limit cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			src := c.source()
			e, err := Parse(src)
			if c.Limit != "" {
				fe, ok := err.(*Error)
				switch {
				case !ok:
					t.Fatalf("%d characters: no error (%v), want the %s limit at %d", len(src), err, c.Limit, c.Offset)
				case fe.Offset != c.Offset || !strings.Contains(fe.Msg, says[c.Limit]) || !strings.Contains(fe.Msg, "intermediate outputs"):
					t.Errorf("error %q at %d, want one at %d that says %q and how to fix it", fe.Msg, fe.Offset, c.Offset, says[c.Limit])
				}
				if allocs := testing.AllocsPerRun(1, func() { _, _ = Parse(src) }); allocs > 8*MaxDepth {
					t.Errorf("%d characters: parsing up to the error took %v allocations", len(src), allocs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if v, err := e.Eval(nil); err != nil || v != c.Result {
				t.Errorf("= %v (%v), want %v", v, err, c.Result)
			}
			if c.Wrap == nil {
				return
			}
			data, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(c.tree()), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the tree is %.200s..., the case says %.200s...", data, c.tree())
			}
		})
	}
}

// TestFormulaLimitsOpenLevels checks that the levels a formula closes are open again: many
// nestings one after the other are no deeper than the deepest of them.
func TestFormulaLimitsOpenLevels(t *testing.T) {
	deep := strings.Repeat("-abs((", MaxDepth/3) + "1" + strings.Repeat("))", MaxDepth/3)
	src := strings.TrimSuffix(strings.Repeat(deep+" + ", 20), " + ")
	if _, err := Parse(src); err != nil {
		t.Errorf("%d nestings of depth %d side by side: %v", 20, MaxDepth/3*3, err)
	}
	if _, err := Parse(src + " + " + strings.Repeat("(", MaxDepth+1) + "1" + strings.Repeat(")", MaxDepth+1)); err == nil {
		t.Error("a nesting past the limit after them passes")
	}
}

// TestFormulaJSONLinear marshals a tree far deeper than Parse builds: the bytes it allocates
// must grow with the size of the output, not with its square.
func TestFormulaJSONLinear(t *testing.T) {
	const depth = 5000
	e := &Expr{Op: "var", Name: "x"}
	for range depth {
		e = &Expr{Op: "neg", Args: []*Expr{e}}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	data, err := json.Marshal(e)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat(`["neg",`, depth) + `["var","x"]` + strings.Repeat("]", depth); string(data) != want {
		t.Fatalf("got %.100s...", data)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 50*uint64(len(data)) {
		t.Errorf("marshalling %d bytes allocated %d bytes", len(data), alloc)
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
// without panicking (to a number or an error). The limits keep every input small to parse,
// walk and marshal, so the fuzzer cannot run out of memory however long its inputs grow.
func FuzzFormula(f *testing.F) {
	for _, c := range []string{"(fee + fuel) / hours", "geomsum(r, n)", "-2^-2", "min(1,2,3)", "((((", "1e5", "a/0",
		strings.Repeat("-(", MaxDepth/2) + "1" + strings.Repeat(")", MaxDepth/2), strings.Repeat("abs(", MaxDepth+1) + "1",
		// Past the length limit, and cheap to run: with this seed, a long input finds no new
		// code to cover, so the fuzzer does not spend its time shrinking one that cannot get
		// shorter.
		strings.Repeat("1", MaxLength+1)} {
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
		// What parses is within the limits, and so is its tree: each node takes at least a
		// character of the formula.
		if len(src) > MaxLength {
			t.Fatalf("a formula of %d characters parses", len(src))
		}
		vars, nodes := map[string]float64{}, 0
		e.Walk(func(x *Expr) {
			nodes++
			if x.Op == "var" {
				vars[x.Name] = 2
			}
		})
		if nodes > len(src) {
			t.Fatalf("%d characters give %d nodes", len(src), nodes)
		}
		_, _ = e.Eval(vars)
		if _, err := json.Marshal(e); err != nil {
			t.Fatal(err)
		}
	})
}
