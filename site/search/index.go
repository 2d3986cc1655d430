// Package search builds the site's search index at build time: an index per language, its
// terms made by package tokenize (the tokenizer shared with the page script), split into
// shards that the page loads on demand with script tags, so search works from file:// and
// from any sub-path.
package search

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"playbook/site/search/arena"
	"playbook/site/search/jsfile"
	"playbook/site/search/tokenize"
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
	// never holds the whole site for a very common word. A capped term also lists every
	// document it is in, as a bitmap (see appendBitmap): the cap shortens the ranking work,
	// never changes which documents match.
	maxPostings = 1500
	// shardBytes is the aimed size of a term shard; docChunk the documents per doc file.
	shardBytes = 48 << 10
	docChunk   = 12
	// fieldGap separates the positions of title, heading and body tokens, so that a phrase
	// never spans two fields.
	fieldGap = 1000
)

// typeWeights scale the term weights of documents of some types, so that at equal relevance a
// lesson ranks above a quiz question (short, so its weights run high) or a worksheet.
var typeWeights = map[string]float64{"quiz": 0.7, "checklist": 0.85, "worksheet": 0.85, "scenario": 0.85}

// Version is the index format; the page script refuses other versions.
const Version = 3

// posting is one document's entry in a term's list, with its positions in the arena of
// the part that indexed the document.
type posting struct {
	doc  int32
	tf   float32
	part int32
	npos int32
	pos  int32
}

// record counts a term's occurrences per field in one document.
type record struct {
	doc    int32
	counts [3]uint16
	npos   uint16
	pos    int32
}

// part is the index of a contiguous range of documents, built by one worker: its own
// vocabulary, and the records of each of its terms in document order.
type part struct {
	terms  []string
	single []bool
	// records holds each term's records, by term number.
	records []arena.Chain[record]
	// positions holds each term's positions, which its records point to; npos counts them.
	positions []arena.Chain[int32]
	npos      []int32
}

// Build indexes docs for lang and returns the index files by path under dir, with the
// script that loads them (see search-core.js for the reading side). The documents are split
// into contiguous ranges indexed in parallel, merged in document order, and the shards are
// written in parallel, so the output does not depend on the number of cores. synonyms are
// sets of names that mean the same (site/search/synonym), which the page expands queries with.
func Build(lang, dir string, docs []Doc, synonyms ...[]string) map[string][]byte {
	n := len(docs)
	// The documents' display data does not depend on the index: write it alongside.
	docFiles := map[string][]byte{}
	var docsDone sync.WaitGroup
	docsDone.Go(func() { writeDocs(docFiles, lang, dir, docs) })
	lens := make([][3]int32, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	parts := make([]part, workers)
	parallel(workers, func(w int) { parts[w] = indexRange(docs, w*n/workers, (w+1)*n/workers, lens) })
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
	v := mergeVocabulary(parts)
	size := 0
	for _, g := range v.sorted {
		size += len(v.terms[g]) + 8 + 10*int(v.df[g]) + 5*int(v.npos[g])
		if v.df[g] > maxPostings {
			size += bitmapLen(n)
		}
	}
	shards := max(1, (size+shardBytes-1)/shardBytes)
	byShard := make([][]int32, shards)
	for _, g := range v.sorted {
		k := ShardOf(v.terms[g], shards)
		byShard[k] = append(byShard[k], g)
	}
	w := &shardWriter{lang: lang, parts: parts, vocab: v, lens: lens, avg: avg, docs: n, weights: make([]float64, n)}
	for i, d := range docs {
		w.weights[i] = cmp.Or(typeWeights[d.Type], 1)
	}
	out := make([][]byte, shards)
	next := make(chan int, shards)
	for k := range shards {
		next <- k
	}
	close(next)
	parallel(min(workers, shards), func(int) {
		var scratch []posting
		for k := range next {
			out[k], scratch = w.write(k, byShard[k], scratch[:0], size/shards)
		}
	})
	files := map[string][]byte{}
	for k, data := range out {
		files[fmt.Sprintf("%s/t-%d.js", dir, k)] = data
	}
	docsDone.Wait()
	maps.Copy(files, docFiles)
	meta := describe(lang, docs, shards, v, synonyms)
	files[dir+"/f.js"] = jsfile.Loader(map[string]any{"kind": "facets", "lang": lang, "runs": facetRuns(docs, docTypes(docs))})
	if shards > vocabFromShards {
		terms := make([]string, len(v.sorted))
		dfs := make([]int, len(v.sorted))
		for i, g := range v.sorted {
			terms[i], dfs[i] = v.terms[g], int(v.df[g])
		}
		meta["vocab"] = writeVocabulary(files, lang, dir, terms, dfs)
	}
	files[dir+"/meta.js"] = jsfile.Loader(meta)
	return files
}

// describe returns the content of meta.js, the index's description (docs/search.md), but for
// the number of vocabulary files.
func describe(lang string, docs []Doc, shards int, v *vocabulary, synonyms [][]string) map[string]any {
	meta := map[string]any{
		"kind": "meta", "lang": lang, "version": Version, "docs": len(docs), "shards": shards, "docChunk": docChunk,
		"fieldGap": fieldGap, "types": docTypes(docs), "days": docDays(docs), "facets": true,
		"pages": pageStarts(docs),
	}
	if f := foldPairs(v); f != "" {
		meta["fold"] = f
	}
	if len(synonyms) > 0 {
		meta["synonyms"] = synonyms
	}
	return meta
}

// parallel runs f(0) ... f(n-1) at the same time and waits for them.
func parallel(n int, f func(int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// vocabulary is the union of the parts' vocabularies.
type vocabulary struct {
	terms []string
	// sorted lists the term numbers in the order of their strings.
	sorted []int32
	// local[p][g] is term g's number in part p, or -1.
	local [][]int32
	// df counts each term's documents, npos the positions its postings keep.
	df, npos []int32
}

func mergeVocabulary(parts []part) *vocabulary {
	v := &vocabulary{local: make([][]int32, len(parts))}
	ids := map[string]int32{}
	global := make([][]int32, len(parts))
	for p, pt := range parts {
		global[p] = make([]int32, len(pt.terms))
		for l, t := range pt.terms {
			g, ok := ids[t]
			if !ok {
				g = int32(len(v.terms))
				v.terms = append(v.terms, t)
				ids[t] = g
			}
			global[p][l] = g
		}
	}
	v.df = make([]int32, len(v.terms))
	v.npos = make([]int32, len(v.terms))
	for p, pt := range parts {
		v.local[p] = make([]int32, len(v.terms))
		for g := range v.local[p] {
			v.local[p][g] = -1
		}
		for l, g := range global[p] {
			v.local[p][g] = int32(l)
			v.df[g] += pt.records[l].N
			v.npos[g] += pt.npos[l]
		}
	}
	v.sorted = make([]int32, len(v.terms))
	for i := range v.sorted {
		v.sorted[i] = int32(i)
	}
	slices.SortFunc(v.sorted, func(a, b int32) int { return strings.Compare(v.terms[a], v.terms[b]) })
	return v
}

// shardWriter writes term shards from the parts' records.
type shardWriter struct {
	lang  string
	parts []part
	vocab *vocabulary
	lens  [][3]int32
	avg   [3]float64
	docs  int
	// weights holds each document's type weight (typeWeights).
	weights []float64
}

var (
	fieldWeights = [3]float64{weightTitle, weightHeading, weightBody}
	fieldB       = [3]float64{bTitle, bHeading, bBody}
)

// tf is a record's BM25F term weight, rounded to two decimals.
func (w *shardWriter) tf(r record) float32 {
	tf := 0.0
	for f := 0; f < 3; f++ {
		if c := float64(r.counts[f]); c > 0 {
			tf += fieldWeights[f] * c / (1 - fieldB[f] + fieldB[f]*float64(w.lens[r.doc][f])/w.avg[f])
		}
	}
	return float32(math.Round(tf*w.weights[r.doc]*100) / 100)
}

// write returns shard k holding terms (in sorted order), and the scratch slice to reuse.
func (w *shardWriter) write(k int, terms []int32, scratch []posting, sizeHint int) ([]byte, []posting) {
	buf := make([]byte, 0, sizeHint+sizeHint/4)
	buf = fmt.Appendf(buf, `Playbook.searchLoad({"kind":"terms","lang":%s,"shard":%d,"terms":{`, jsfile.String(w.lang), k)
	for i, g := range terms {
		ps := scratch[:0]
		for p := range w.parts {
			l := w.vocab.local[p][g]
			if l < 0 {
				continue
			}
			for _, b := range w.parts[p].records[l].Blocks {
				for _, r := range b {
					ps = append(ps, posting{doc: r.doc, tf: w.tf(r), part: int32(p), npos: int32(r.npos), pos: r.pos})
				}
			}
		}
		scratch = ps
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = jsfile.AppendString(buf, w.vocab.terms[g])
		buf = append(buf, ":["...)
		buf = strconv.AppendInt(buf, int64(len(ps)), 10)
		var bits []byte
		if len(ps) > maxPostings {
			bits = make([]byte, (w.docs+7)/8)
			for _, p := range ps {
				bits[p.doc>>3] |= 1 << (p.doc & 7)
			}
		}
		prev := int32(0)
		for _, p := range best(ps, maxPostings) {
			// Document numbers are written as gaps from the previous one: smaller files.
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(p.doc-prev), 10)
			prev = p.doc
			buf = append(buf, ',')
			buf = jsfile.AppendTF(buf, p.tf)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(p.npos), 10)
			for _, x := range w.parts[p.part].positions[w.vocab.local[p.part][g]].Slice(p.pos, p.npos) {
				buf = append(buf, ',')
				buf = strconv.AppendInt(buf, int64(x), 10)
			}
		}
		if bits != nil {
			buf = append(buf, ",\""...)
			buf = base64.StdEncoding.AppendEncode(buf, bits)
			buf = append(buf, '"')
		}
		buf = append(buf, ']')
	}
	buf = append(buf, "}});\n"...)
	return buf, scratch
}

// bitmapLen is the length of the base64 bitmap of a capped term in an index of n documents:
// bit d (byte d/8, bit d%8) tells whether the term is in document d.
func bitmapLen(n int) int { return base64.StdEncoding.EncodedLen((n+7)/8) + 3 }

// writeDocs writes the documents' display data (address, title, heading, type, day, the
// start of the text) in chunks of docChunk.
func writeDocs(files map[string][]byte, lang, dir string, docs []Doc) {
	for c := 0; c*docChunk < len(docs); c++ {
		buf := fmt.Appendf(nil, `Playbook.searchLoad({"chunk":%d,"docs":[`, c)
		for i := c * docChunk; i < min(len(docs), (c+1)*docChunk); i++ {
			d := docs[i]
			if i > c*docChunk {
				buf = append(buf, ',')
			}
			buf = append(buf, '[')
			for _, s := range []string{d.URL, d.Title, d.Heading, d.Type} {
				buf = jsfile.AppendString(buf, s)
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(d.Day), 10)
			buf = append(buf, ',')
			buf = jsfile.AppendSnippet(buf, d.Body)
			buf = append(buf, ']')
		}
		buf = append(buf, `],"kind":"docs","lang":`...)
		buf = jsfile.AppendString(buf, lang)
		buf = append(buf, "});\n"...)
		files[fmt.Sprintf("%s/d-%d.js", dir, c)] = buf
	}
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
		if utf8.RuneCountInString(t) >= 2 && !tokenize.IsCJK(r) {
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
		files[fmt.Sprintf("%s/v-%d.js", dir, k)] = jsfile.Loader(map[string]any{"kind": "vocab", "lang": lang, "shard": k, "terms": g})
	}
	return v
}

// indexRange indexes docs[from:to] and records their field lengths in lens.
func indexRange(docs []Doc, from, to int, lens [][3]int32) part {
	tk := tokenize.NewTokenizer()
	// acc gathers a term's counts and first positions in the current document.
	type acc struct {
		doc    int32 // the document plus one; 0 before the term is first met
		counts [3]uint16
		npos   uint16
		pos    [maxPositions]int32
	}
	var (
		accs      []acc
		order     []int32
		records   []arena.Chain[record]
		positions []arena.Chain[int32]
	)
	for i := from; i < to; i++ {
		order = order[:0]
		d := docs[i]
		for f, text := range [3]string{d.Title, d.Heading, d.Body} {
			toks := tk.Tokens(text)
			lens[i][f] = int32(len(toks))
			if len(tk.Terms()) > len(accs) {
				accs = append(accs, make([]acc, len(tk.Terms())-len(accs))...)
			}
			for _, t := range toks {
				a := &accs[t.ID]
				if a.doc != int32(i)+1 {
					*a = acc{doc: int32(i) + 1}
					order = append(order, t.ID)
				}
				if a.counts[f] < math.MaxUint16 {
					a.counts[f]++
				}
				if a.npos < maxPositions {
					a.pos[a.npos] = int32(f)*fieldGap + t.Pos
					a.npos++
				}
			}
		}
		if len(tk.Terms()) > len(records) {
			positions = append(positions, make([]arena.Chain[int32], len(tk.Terms())-len(records))...)
			records = append(records, make([]arena.Chain[record], len(tk.Terms())-len(records))...)
		}
		for _, id := range order {
			a := &accs[id]
			r := record{doc: int32(i), counts: a.counts}
			if !tk.Single()[id] { // single CJK characters keep no positions: see maxPositions
				r.npos = a.npos
				r.pos = positions[id].Add(a.pos[:a.npos]...)
			}
			records[id].Add(r)
		}
	}
	npos := make([]int32, len(records))
	for id := range positions {
		npos[id] = positions[id].N
	}
	return part{terms: tk.Terms(), single: tk.Single(), records: records, npos: npos, positions: positions}
}

// best keeps the k postings with the highest tf (among equal tf, the lowest document
// numbers), in document order, reordering ps in place.
func best(ps []posting, k int) []posting {
	if len(ps) <= k {
		return ps
	}
	tfs := make([]float32, len(ps))
	for i, p := range ps {
		tfs[i] = p.tf
	}
	threshold := arena.KthLargest(tfs, k)
	above := 0
	for _, p := range ps {
		if p.tf > threshold {
			above++
		}
	}
	ties := k - above // postings at the threshold to keep, first documents first
	out := ps[:0]
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
	return n == len(t) && tokenize.IsCJK(r)
}

// ShardOf returns the shard of a term: FNV-1a (32-bit) of its UTF-8 bytes, modulo shards.
func ShardOf(term string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() % uint32(shards))
}

// foldPairs returns the Traditional characters whose Simplified form is in the index, each
// followed by that form: the page folds a query with them as the build folded the text
// (tokenize.TraditionalPairs). Other Traditional characters cannot find anything anyway.
func foldPairs(v *vocabulary) string {
	have := map[rune]bool{}
	for _, t := range v.terms {
		if isSingleCJK(t) {
			r, _ := utf8.DecodeRuneInString(t)
			have[r] = true
		}
	}
	var b strings.Builder
	for from, to := range tokenize.TraditionalPairs() {
		if have[to] {
			b.WriteRune(from)
			b.WriteRune(to)
		}
	}
	return b.String()
}

// pageStarts returns, as a base64 bitmap, the documents that start a page (their URL without
// its fragment differs from the document before), so that the page can group results by page.
func pageStarts(docs []Doc) string {
	bits := make([]byte, (len(docs)+7)/8)
	prev := "\x00"
	for i, d := range docs {
		page, _, _ := strings.Cut(d.URL, "#")
		if page != prev {
			bits[i/8] |= 1 << (i % 8)
		}
		prev = page
	}
	return base64.StdEncoding.EncodeToString(bits)
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

// facetRuns gives the type and day of every document as runs of documents that share them
// (the sections of one page): [firstDoc, type, day, firstDoc, type, day, ...], type as an
// index into types. The results page counts and filters every match with them.
func facetRuns(docs []Doc, types []string) []int {
	index := map[string]int{}
	for i, t := range types {
		index[t] = i
	}
	runs := []int{}
	for i, d := range docs {
		n := len(runs)
		if n > 0 && runs[n-2] == index[d.Type] && runs[n-1] == d.Day {
			continue
		}
		runs = append(runs, i, index[d.Type], d.Day)
	}
	return runs
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
