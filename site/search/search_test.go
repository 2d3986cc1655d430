package search

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"playbook/internal/golden"
)

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if s == "null" {
		return "[]"
	}
	return s
}

var corpus = []Doc{
	{URL: "en/a.html", Title: "Value tiers", Body: "Platinum customers are the top one percent of customers.", Type: "lesson", Day: 3},
	{URL: "en/a.html#abc", Title: "Value tiers", Heading: "ABC classification", Body: "Rank customers by value; A customers bring most of the value.", Type: "lesson", Day: 3},
	{URL: "zh-CN/b.html", Title: "客户价值", Body: "白金客户是前百分之一的客户。", Type: "lesson", Day: 3},
	{URL: "en/q.html#q-1", Title: "Day 3 quiz", Heading: "Which tier is the top 1%?", Body: "Platinum Gold Iron Lead", Type: "quiz", Day: 3},
}

// TestIndexGolden pins the index format: any change to it shows in the golden files.
func TestIndexGolden(t *testing.T) {
	files := Build("en", "search/en", corpus)
	var b strings.Builder
	for _, name := range sortedNames(files) {
		b.WriteString("== " + name + "\n")
		b.Write(files[name])
	}
	golden.Check(t, "testdata/index.golden", []byte(b.String()))
}

func TestIndexIsDeterministic(t *testing.T) {
	a, b := Build("en", "x", corpus), Build("en", "x", corpus)
	for name, data := range a {
		if string(b[name]) != string(data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestShardsSplitLargeIndexes(t *testing.T) {
	var docs []Doc
	for i := 0; i < 3000; i++ {
		docs = append(docs, Doc{URL: "p.html", Title: "Lesson", Body: strings.Repeat("word", 1) + " " + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26)), Type: "lesson"})
	}
	files := Build("en", "s", docs)
	shards := 0
	for name, data := range files {
		if strings.HasPrefix(name, "s/t-") {
			shards++
			if len(data) > 3*shardBytes {
				t.Errorf("%s is %d bytes, far above the aimed %d", name, len(data), shardBytes)
			}
		}
	}
	if shards < 2 {
		t.Errorf("a large index should be split, got %d shard(s)", shards)
	}
	// Every term is in the shard ShardOf names.
	var meta struct {
		Shards int `json:"shards"`
	}
	decodeLoader(t, files["s/meta.js"], &meta)
	for name, data := range files {
		if !strings.HasPrefix(name, "s/t-") {
			continue
		}
		var shard struct {
			Shard int            `json:"shard"`
			Terms map[string]any `json:"terms"`
		}
		decodeLoader(t, data, &shard)
		for term := range shard.Terms {
			if ShardOf(term, meta.Shards) != shard.Shard {
				t.Fatalf("term %q is in shard %d, ShardOf says %d", term, shard.Shard, ShardOf(term, meta.Shards))
			}
		}
	}
}

func decodeLoader(t *testing.T, data []byte, v any) {
	t.Helper()
	s := strings.TrimSuffix(strings.TrimPrefix(string(data), "Playbook.searchLoad("), ");\n")
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatal(err)
	}
}

func sortedNames(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// BenchmarkBuild indexes 10,000 documents of about 150 words each.
func BenchmarkBuild(b *testing.B) {
	words := strings.Fields("customer relationship management value tier platinum gold iron lead prospect account loyalty complaint service survey card cadence visit call order profit cost share retention churn lifecycle stage interest purchase repurchase 客户 关系 管理 价值 白金 黄金 忠诚度 投诉 服务")
	var docs []Doc
	for i := 0; i < 10000; i++ {
		var body []string
		for k := 0; k < 150; k++ {
			body = append(body, words[(i*7+k*13)%len(words)])
		}
		docs = append(docs, Doc{URL: "p.html", Title: "Lesson " + words[i%len(words)], Heading: "Section", Body: strings.Join(body, " "), Type: "lesson", Day: 1 + i%10})
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Build("en", "s", docs)
	}
}

func TestBestKeepsTheHighestInDocumentOrder(t *testing.T) {
	ps := []posting{{doc: 0, tf: 1}, {doc: 1, tf: 5}, {doc: 2, tf: 3}, {doc: 3, tf: 3}, {doc: 4, tf: 3}, {doc: 5, tf: 9}}
	var docs []int32
	for _, p := range best(ps, 4) {
		docs = append(docs, p.doc)
	}
	if jsonOf(docs) != "[1,2,3,5]" {
		t.Errorf("best = %v, want [1 2 3 5] (ties at 3 broken by document order)", docs)
	}
	if len(best(ps, 10)) != 6 {
		t.Error("short lists must be kept whole")
	}
}

func TestVocabularyForLargeIndexes(t *testing.T) {
	var docs []Doc
	for i := 0; i < 4000; i++ {
		docs = append(docs, Doc{URL: "p.html", Title: "Lesson", Body: fmt.Sprintf("customer%d value%d 客户", i, i%50), Type: "lesson"})
	}
	files := Build("en", "s", docs)
	var meta struct {
		Shards int `json:"shards"`
		Vocab  int `json:"vocab"`
	}
	decodeLoader(t, files["s/meta.js"], &meta)
	if meta.Shards <= vocabFromShards || meta.Vocab < 1 {
		t.Fatalf("meta = %+v, want vocabulary files for a large index", meta)
	}
	found := 0
	for k := 0; k < meta.Vocab; k++ {
		var v struct {
			Terms []any `json:"terms"`
		}
		decodeLoader(t, files[fmt.Sprintf("s/v-%d.js", k)], &v)
		for i := 0; i+1 < len(v.Terms); i += 2 {
			term := v.Terms[i].(string)
			if ShardOf(string([]rune(term)[:2]), meta.Vocab) != k {
				t.Fatalf("%q is in vocabulary file %d, ShardOf of its first two characters says otherwise", term, k)
			}
			if strings.HasPrefix(term, "客") {
				t.Fatalf("CJK term %q in the vocabulary", term)
			}
			if term == "customer17" {
				found++
			}
		}
	}
	if found != 1 {
		t.Errorf("customer17 found %d times in the vocabulary", found)
	}
	small := Build("en", "s", corpus)
	if strings.Contains(string(small["s/meta.js"]), "vocab") {
		t.Error("a small index should not have vocabulary files")
	}
}

// readTerm returns a term's postings as written: its df, the documents of the postings kept,
// and, for a capped term, the documents of its bitmap.
func readTerm(t *testing.T, files map[string][]byte, dir, term string) (df int, kept, all []int) {
	t.Helper()
	var meta struct {
		Docs   int `json:"docs"`
		Shards int `json:"shards"`
	}
	decodeLoader(t, files[dir+"/meta.js"], &meta)
	var shard struct {
		Terms map[string][]any `json:"terms"`
	}
	decodeLoader(t, files[fmt.Sprintf("%s/t-%d.js", dir, ShardOf(term, meta.Shards))], &shard)
	flat := shard.Terms[term]
	if flat == nil {
		return 0, nil, nil
	}
	end := len(flat)
	bits, capped := flat[end-1].(string)
	if capped {
		end--
	}
	doc := 0
	for i := 1; i+2 < end; i += 3 + int(flat[i+2].(float64)) {
		doc += int(flat[i].(float64))
		kept = append(kept, doc)
	}
	if !capped {
		return int(flat[0].(float64)), kept, kept
	}
	raw, err := base64.StdEncoding.DecodeString(bits)
	if err != nil {
		t.Fatalf("%s: bitmap: %v", term, err)
	}
	for d := 0; d < meta.Docs; d++ {
		if raw[d/8]&(1<<(d%8)) != 0 {
			all = append(all, d)
		}
	}
	return int(flat[0].(float64)), kept, all
}

// A term in more documents than a posting list keeps lists them all in its bitmap, so that a
// query pairing it with a rare word finds every document that has both.
func TestCappedTermsListEveryDocument(t *testing.T) {
	var docs []Doc
	rareDocs := 0
	for i := 0; i < 2*maxPostings+100; i++ {
		body := "common"
		switch {
		case i%7 == 0:
			body = "common rarer"
		case i%3 == 0:
			body = "common common common common rare"
			rareDocs++
		}
		docs = append(docs, Doc{URL: "p.html", Title: "Lesson", Body: body, Type: "lesson"})
	}
	files := Build("en", "s", docs)
	df, kept, all := readTerm(t, files, "s", "common")
	if df != len(docs) || len(kept) != maxPostings || len(all) != len(docs) {
		t.Fatalf("common: df %d, %d postings kept, %d in the bitmap; want %d, %d, %d", df, len(kept), len(all), len(docs), maxPostings, len(docs))
	}
	// The documents with "rarer" have "common" once: none of its best postings.
	_, _, rarer := readTerm(t, files, "s", "rarer")
	for _, d := range rarer {
		if slices.Contains(kept, d) {
			t.Fatalf("document %d is among the best postings of common: the test no longer tests the bitmap", d)
		}
	}
	if _, _, rare := readTerm(t, files, "s", "rare"); len(rare) != rareDocs {
		t.Errorf("rare: %d documents, want %d (uncapped terms have no bitmap)", len(rare), rareDocs)
	}
}
