package tokenize

import (
	"encoding/json"
	"os"
	"testing"
)

func TestTokenizeVectors(t *testing.T) {
	data, err := os.ReadFile("testdata/tokenize-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []struct {
			Text   string   `json:"text"`
			Tokens [][]any  `json:"tokens"`
			Query  []string `json:"query"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, c := range file.Cases {
		var got [][]any
		for _, tok := range Text(c.Text) {
			got = append(got, []any{tok.Term, float64(tok.Pos)})
		}
		if a, b := jsonOf(got), jsonOf(c.Tokens); a != b {
			t.Errorf("Text(%q)\n got %s\nwant %s", c.Text, a, b)
		}
		if a, b := jsonOf(QueryTerms(c.Text)), jsonOf(c.Query); a != b {
			t.Errorf("QueryTerms(%q) = %s, want %s", c.Text, a, b)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if s == "null" {
		return "[]"
	}
	return s
}

// FuzzTokenize feeds arbitrary text to the tokenizer: no panic, no empty term, positions
// never decrease.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"客户 CRM", "ＣＲＭ", "a'b's", "😀😀", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := -1
		for _, tok := range Text(s) {
			if tok.Term == "" || tok.Pos < last {
				t.Fatalf("bad token %+v after position %d in %q", tok, last, s)
			}
			last = tok.Pos
		}
		_ = QueryTerms(s)
	})
}
