package compute

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"playbook/site/worksheet"
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
	data, err := os.ReadFile("../testdata/compute-vectors.json")
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
		w := &worksheet.Worksheet{ByValue: c.ByValue}
		for i, s := range c.Shares {
			w.Bands = append(w.Bands, &worksheet.Band{ID: strconv.Itoa(i), Share: s})
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
	w := &worksheet.Worksheet{ByValue: true, Bands: []*worksheet.Band{{Share: 80}, {Share: 20}}}
	r := Rank(w, []Row{{Value: 25}, {Value: 75}})
	if r[0].Row != 1 || r[0].Rank != 1 || r[0].Share != 75 || r[0].CumShare != 75 || r[1].CumShare != 100 {
		t.Errorf("got %+v", r)
	}
}
