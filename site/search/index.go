package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Doc is one searchable unit: a section of a lesson, a quiz question, a checklist, a
// worksheet.
type Doc struct {
	// URL is the target, relative to the site root (e.g. en/day-01-x/y.html#two-meanings).
	URL string
	// Title is the page title; Heading the section heading ("" for a page's opening text).
	Title   string
	Heading string
	Body    string
	// Type is lesson, quiz, checklist, worksheet or day.
	Type string
	Day  int
}

// Field weights and BM25F parameters. The page script uses the scores as built.
const (
	weightTitle   = 4.0
	weightHeading = 2.5
	weightBody    = 1.0
	bTitle        = 0.5
	bHeading      = 0.6
	bBody         = 0.75
	// maxPositions is how many positions a posting keeps for the phrase and proximity bonus
	// (single CJK characters keep none: Chinese phrases are matched through their bigrams).
	maxPositions = 4
	// maxPostings caps a term's postings to its best-scoring documents, so that one shard
	// never holds the whole site for a very common word.
	maxPostings = 1500
	// shardBytes is the aimed size of a term shard; docChunk the documents per doc file.
	shardBytes = 48 << 10
	docChunk   = 12
	// snippetRunes is how much of a document's text the index keeps for result snippets.
	snippetRunes = 200
	// fieldGap separates the positions of title, heading and body tokens, so that a phrase
	// never spans two fields.
	fieldGap = 1000
)

// Version is the index format; the page script refuses other versions.
const Version = 2

// posting is one document's entry in a term's list.
type posting struct {
	doc int32
	tf  float32
	pos []int32
}

// rawPosting counts a term's occurrences per field in one document; positions are kept in
// the arena of the worker that indexed the document.
type rawPosting struct {
	doc    int32
	counts [3]uint16
	pos    int32
	npos   int32
}

// partial is the index of a contiguous range of documents, built by one worker.
type partial struct {
	terms     map[string][]rawPosting
	positions []int32
}

// Build indexes docs for lang and returns the index files by path under dir, with the
// script that loads them (see search-core.js for the reading side). The documents are split
// into contiguous ranges indexed in parallel, then merged in document order, so the output
// does not depend on the number of cores.
func Build(lang, dir string, docs []Doc) map[string][]byte {
	n := len(docs)
	lens := make([][3]int32, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	parts := make([]partial, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			parts[w] = indexRange(docs, w*n/workers, (w+1)*n/workers, lens)
		}(w)
	}
	wg.Wait()
	var avg [3]float64
	for i := range lens {
		for f := 0; f < 3; f++ {
			avg[f] += float64(lens[i][f])
		}
	}
	for f := range avg {
		if n > 0 {
			avg[f] /= float64(n)
		}
		if avg[f] == 0 {
			avg[f] = 1
		}
	}
	seen := map[string]bool{}
	var terms []string
	for _, pt := range parts {
		for t := range pt.terms {
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	}
	sort.Strings(terms)
	weights := [3]float64{weightTitle, weightHeading, weightBody}
	bs := [3]float64{bTitle, bHeading, bBody}
	tfOf := func(r rawPosting) float32 {
		tf := 0.0
		for f := 0; f < 3; f++ {
			if c := float64(r.counts[f]); c > 0 {
				tf += weights[f] * c / (1 - bs[f] + bs[f]*float64(lens[r.doc][f])/avg[f])
			}
		}
		return float32(math.Round(tf*100) / 100)
	}
	// Gather each term's kept postings first, so the shard count follows what is written.
	kept := make([][]posting, len(terms))
	dfs := make([]int, len(terms))
	size := 0
	for ti, t := range terms {
		var ps []posting
		for _, pt := range parts {
			for _, r := range pt.terms[t] {
				pos := pt.positions[r.pos : r.pos+r.npos]
				if isSingleCJK(t) {
					pos = nil
				}
				ps = append(ps, posting{doc: r.doc, tf: tfOf(r), pos: pos})
			}
		}
		dfs[ti] = len(ps)
		kept[ti] = best(ps, maxPostings)
		size += len(t) + 8
		for _, p := range ps {
			size += 10 + 5*len(p.pos)
		}
	}
	shards := max(1, (size+shardBytes-1)/shardBytes)
	bufs := make([]*bytes.Buffer, shards)
	first := make([]bool, shards)
	for k := range bufs {
		bufs[k] = &bytes.Buffer{}
		first[k] = true
		fmt.Fprintf(bufs[k], `Playbook.searchLoad({"kind":"terms","lang":%s,"shard":%d,"terms":{`, jsonString(lang), k)
	}
	var num []byte
	for ti, t := range terms {
		k := ShardOf(t, shards)
		w := bufs[k]
		if !first[k] {
			w.WriteByte(',')
		}
		first[k] = false
		w.WriteString(jsonString(t))
		w.WriteString(":[")
		num = strconv.AppendInt(num[:0], int64(dfs[ti]), 10)
		w.Write(num)
		prev := int32(0)
		for _, p := range kept[ti] {
			// Document numbers are written as gaps from the previous one: smaller files.
			num = append(num[:0], ',')
			num = strconv.AppendInt(num, int64(p.doc-prev), 10)
			prev = p.doc
			num = append(num, ',')
			num = strconv.AppendFloat(num, float64(p.tf), 'f', -1, 32)
			num = append(num, ',')
			num = strconv.AppendInt(num, int64(len(p.pos)), 10)
			for _, x := range p.pos {
				num = append(num, ',')
				num = strconv.AppendInt(num, int64(x), 10)
			}
			w.Write(num)
		}
		w.WriteByte(']')
	}
	files := map[string][]byte{}
	for k, w := range bufs {
		w.WriteString("}});\n")
		files[fmt.Sprintf("%s/t-%d.js", dir, k)] = w.Bytes()
	}
	for c := 0; c*docChunk < n; c++ {
		var rows [][]any
		for i := c * docChunk; i < min(n, (c+1)*docChunk); i++ {
			d := docs[i]
			rows = append(rows, []any{d.URL, d.Title, d.Heading, d.Type, d.Day, snippetText(d.Body)})
		}
		files[fmt.Sprintf("%s/d-%d.js", dir, c)] = loader(map[string]any{"kind": "docs", "lang": lang, "chunk": c, "docs": rows})
	}
	meta := map[string]any{
		"kind": "meta", "lang": lang, "version": Version, "docs": n, "shards": shards, "docChunk": docChunk,
		"fieldGap": fieldGap, "types": docTypes(docs), "days": docDays(docs),
	}
	if shards > vocabFromShards {
		meta["vocab"] = writeVocabulary(files, lang, dir, terms, dfs)
	}
	files[dir+"/meta.js"] = loader(meta)
	return files
}

// vocabFromShards is the shard count above which the index writes vocabulary files: a small
// index is completed from its term shards, which the page can load whole.
const vocabFromShards = 4

// vocabBytes is the aimed size of a vocabulary file.
const vocabBytes = 16 << 10

// writeVocabulary writes the terms that the page may complete while a word is typed (two
// characters or more, not starting with a CJK character) with their document frequencies,
// in files chosen by ShardOf of the term's first two characters, and returns their number.
func writeVocabulary(files map[string][]byte, lang, dir string, terms []string, dfs []int) int {
	size := 0
	var keep []int
	for i, t := range terms {
		r, _ := utf8.DecodeRuneInString(t)
		if utf8.RuneCountInString(t) >= 2 && !isCJK(r) {
			keep = append(keep, i)
			size += len(t) + 10
		}
	}
	v := max(1, (size+vocabBytes-1)/vocabBytes)
	groups := make([][]any, v)
	for _, i := range keep {
		k := ShardOf(string([]rune(terms[i])[:2]), v)
		groups[k] = append(groups[k], terms[i], dfs[i])
	}
	for k, g := range groups {
		if g == nil {
			g = []any{}
		}
		files[fmt.Sprintf("%s/v-%d.js", dir, k)] = loader(map[string]any{"kind": "vocab", "lang": lang, "shard": k, "terms": g})
	}
	return v
}

// indexRange indexes docs[from:to] and records their field lengths in lens.
func indexRange(docs []Doc, from, to int, lens [][3]int32) partial {
	pt := partial{terms: map[string][]rawPosting{}}
	tk := newTokenizer()
	type acc struct {
		counts [3]uint16
		pos    []int32
		seen   bool
	}
	accs := map[string]*acc{}
	var order []string
	for i := from; i < to; i++ {
		order = order[:0]
		d := docs[i]
		for f, text := range [3]string{d.Title, d.Heading, d.Body} {
			count := int32(0)
			tk.tokenize(text, func(term string, pos int) {
				count++
				a := accs[term]
				if a == nil {
					a = &acc{}
					accs[term] = a
				}
				if !a.seen {
					a.seen = true
					a.counts = [3]uint16{}
					a.pos = a.pos[:0]
					order = append(order, term)
				}
				if a.counts[f] < math.MaxUint16 {
					a.counts[f]++
				}
				if len(a.pos) < maxPositions {
					a.pos = append(a.pos, int32(f*fieldGap+pos))
				}
			})
			lens[i][f] = count
		}
		for _, term := range order {
			a := accs[term]
			a.seen = false
			pt.terms[term] = append(pt.terms[term], rawPosting{doc: int32(i), counts: a.counts, pos: int32(len(pt.positions)), npos: int32(len(a.pos))})
			pt.positions = append(pt.positions, a.pos...)
		}
	}
	return pt
}

// jsonString quotes s as a JSON string without escaping HTML characters.
func jsonString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// best keeps the k postings with the highest tf (among equal tf, the lowest document
// numbers), in document order. It sorts only the tf values, not the postings.
func best(ps []posting, k int) []posting {
	if len(ps) <= k {
		return ps
	}
	tfs := make([]float32, len(ps))
	for i, p := range ps {
		tfs[i] = p.tf
	}
	slices.Sort(tfs)
	threshold := tfs[len(tfs)-k]
	above := 0
	for _, p := range ps {
		if p.tf > threshold {
			above++
		}
	}
	ties := k - above // postings at the threshold to keep, first documents first
	out := ps[:0:0]
	for _, p := range ps {
		switch {
		case p.tf > threshold:
			out = append(out, p)
		case p.tf == threshold && ties > 0:
			out = append(out, p)
			ties--
		}
	}
	return out
}

// isSingleCJK reports whether a term is one CJK character.
func isSingleCJK(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && isCJK(r)
}

// ShardOf returns the shard of a term: FNV-1a (32-bit) of its UTF-8 bytes, modulo shards.
func ShardOf(term string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() % uint32(shards))
}

// loader wraps data in a call the page script defines, so a file loads with a script tag
// (fetch of local files is blocked under file://).
func loader(data any) []byte {
	var buf bytes.Buffer
	buf.WriteString("Playbook.searchLoad(")
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(data)
	b := bytes.TrimRight(buf.Bytes(), "\n")
	return append(b, ");\n"...)
}

func snippetText(s string) string {
	if utf8.RuneCountInString(s) <= snippetRunes {
		return s
	}
	r := []rune(s)[:snippetRunes]
	return strings.TrimSpace(string(r)) + "…"
}

func docTypes(docs []Doc) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range docs {
		if !seen[d.Type] {
			seen[d.Type] = true
			out = append(out, d.Type)
		}
	}
	sort.Strings(out)
	return out
}

func docDays(docs []Doc) []int {
	seen := map[int]bool{}
	var out []int
	for _, d := range docs {
		if d.Day > 0 && !seen[d.Day] {
			seen[d.Day] = true
			out = append(out, d.Day)
		}
	}
	sort.Ints(out)
	return out
}
