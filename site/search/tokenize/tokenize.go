// Package tokenize splits text into the terms of the search index, exactly as the page
// script does for queries: Latin words lower-cased and lightly stemmed; Chinese, Japanese and
// Korean text as single characters and overlapping bigrams, so any query of one or more
// characters finds its matches without a dictionary.
package tokenize

//go:generate go run gen_tsfold.go

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Token is a term at a position in a text. Positions count tokens, so adjacent words and
// adjacent CJK bigrams have neighbouring positions.
type Token struct {
	Term string
	Pos  int
}

// Text splits text into index terms: Latin-script and digit runs become lower-cased,
// stemmed words; each CJK run becomes its single characters and its overlapping bigrams.
// Full-width letters and digits are folded to ASCII; punctuation and symbols (emoji
// included) separate tokens and are dropped.
func Text(text string) []Token {
	tk := NewTokenizer()
	var out []Token
	for _, t := range tk.Tokens(text) {
		out = append(out, Token{Term: tk.terms[t.ID], Pos: int(t.Pos)})
	}
	return out
}

// Occurrence is a term, by its number in a Tokenizer's vocabulary, at a position.
type Occurrence struct {
	ID, Pos int32
}

// Tokenizer numbers the terms it meets, so that indexing a large site hashes each token
// once, allocates each term once, and keeps per-term state in slices rather than maps. It is
// not safe for concurrent use.
type Tokenizer struct {
	// terms holds the vocabulary by number; single tells which terms are one CJK character.
	terms  []string
	single []bool
	ids    map[string]int32 // term -> number
	words  map[string]int32 // raw lower-cased word -> number of its stem
	// unified are the numbers of the single characters of the CJK Unified Ideographs block
	// (plus one; 0 when not met yet), the common case; singles the other CJK characters.
	unified []int32
	singles map[rune]int32
	pairs   map[uint64]int32
	word    []byte
	cjk     []rune
	out     []Occurrence
}

// NewTokenizer returns a Tokenizer with an empty vocabulary.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{
		ids: map[string]int32{}, words: map[string]int32{}, singles: map[rune]int32{}, pairs: map[uint64]int32{},
	}
}

// Terms returns the vocabulary so far, by term number.
func (tk *Tokenizer) Terms() []string { return tk.terms }

// Single tells, by term number, which terms of the vocabulary are one CJK character.
func (tk *Tokenizer) Single() []bool { return tk.single }

// intern returns the number of term, adding it to the vocabulary when new.
func (tk *Tokenizer) intern(term string, single bool) int32 {
	if id, ok := tk.ids[term]; ok {
		return id
	}
	id := int32(len(tk.terms))
	tk.terms = append(tk.terms, term)
	tk.single = append(tk.single, single)
	tk.ids[term] = id
	return id
}

func (tk *Tokenizer) singleID(r rune) int32 {
	if 0x4E00 <= r && r <= 0x9FFF {
		if tk.unified == nil {
			tk.unified = make([]int32, 0x9FFF-0x4E00+1)
		}
		slot := &tk.unified[r-0x4E00]
		if *slot == 0 {
			*slot = tk.intern(string(r), true) + 1
		}
		return *slot - 1
	}
	id, ok := tk.singles[r]
	if !ok {
		id = tk.intern(string(r), true)
		tk.singles[r] = id
	}
	return id
}

// Tokens returns the tokens of text by term number, in a slice reused by the next call.
func (tk *Tokenizer) Tokens(text string) []Occurrence {
	pos := int32(0)
	tk.out, tk.word, tk.cjk = tk.out[:0], tk.word[:0], tk.cjk[:0]
	flushWord := func() {
		if len(tk.word) == 0 {
			return
		}
		id, ok := tk.words[string(tk.word)]
		if !ok {
			raw := string(tk.word)
			id = tk.intern(Stem(raw), false)
			tk.words[raw] = id
		}
		tk.out = append(tk.out, Occurrence{id, pos})
		pos++
		tk.word = tk.word[:0]
	}
	flushCJK := func() {
		for i, r := range tk.cjk {
			tk.out = append(tk.out, Occurrence{tk.singleID(r), pos})
			if i+1 < len(tk.cjk) {
				next := tk.cjk[i+1]
				key := uint64(r)<<32 | uint64(next)
				id, ok := tk.pairs[key]
				if !ok {
					id = tk.intern(string([]rune{r, next}), false)
					tk.pairs[key] = id
				}
				tk.out = append(tk.out, Occurrence{id, pos})
			}
			pos++
		}
		tk.cjk = tk.cjk[:0]
	}
	for _, r := range text {
		if r < 0x80 {
			// ASCII fast path: the same classes as below, without table lookups.
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				flushCJK()
				tk.word = append(tk.word, byte(r))
			case 'A' <= r && r <= 'Z':
				flushCJK()
				tk.word = append(tk.word, byte(r+'a'-'A'))
			case r == '\'':
				if len(tk.word) > 0 {
					tk.word = append(tk.word, '\'')
				}
			default:
				flushWord()
				flushCJK()
			}
			continue
		}
		r = fold(r)
		switch {
		case IsCJK(r):
			flushWord()
			tk.cjk = append(tk.cjk, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			flushCJK()
			tk.word = utf8.AppendRune(tk.word, unicode.ToLower(r))
		case r == '’':
			// Apostrophes join a word ("customer’s"), and the stemmer drops them.
			if len(tk.word) > 0 {
				tk.word = append(tk.word, '\'')
			}
		default:
			flushWord()
			flushCJK()
		}
	}
	flushWord()
	flushCJK()
	return tk.out
}

// QueryTerms returns the terms a query must match: its words, and for each CJK run its single
// character (a run of one) or its bigrams (a longer run).
func QueryTerms(query string) []string {
	var out []string
	toks := Text(query)
	for i, t := range toks {
		if utf8.RuneCountInString(t.Term) == 1 && IsCJK([]rune(t.Term)[0]) {
			// A single CJK character counts only when it is a run of one: not followed by
			// its bigram, and not the end of a bigram before it.
			next := i+1 < len(toks) && toks[i+1].Pos == t.Pos
			prev := i > 0 && toks[i-1].Pos == t.Pos-1 && utf8.RuneCountInString(toks[i-1].Term) == 2 && IsCJK([]rune(toks[i-1].Term)[0])
			if next || prev {
				continue
			}
		}
		out = append(out, t.Term)
	}
	return out
}

// fold maps full-width ASCII variants and the ideographic space to their half-width forms,
// and Traditional Chinese characters to their Simplified forms, so that 客戶 finds 客户.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + 0x21
	case r == 0x3000:
		return ' '
	case r >= tsLow && r < tsLow+rune(len(ts.common)):
		if s := ts.common[r-tsLow]; s != 0 {
			return s
		}
	case r >= 0x10000:
		if s, ok := ts.rare[r]; ok {
			return s
		}
	}
	return r
}

// tsLow starts the range of the Traditional characters kept in an array (the CJK Unified
// Ideographs and their Extension A): every other character the tokenizer meets costs one
// comparison, and one of these an index, not a map lookup.
const tsLow = 0x3400

// ts is the Traditional to Simplified table, made once from traditionalPairs (OpenCC's
// TSCharacters, see gen_tsfold.go) and only read after.
var ts = func() (t struct {
	common []rune
	rare   map[rune]rune
}) {
	t.common = make([]rune, 0xA000-tsLow)
	t.rare = map[rune]rune{}
	for from, to := range TraditionalPairs() {
		if from >= tsLow && from < 0xA000 {
			t.common[from-tsLow] = to
		} else {
			t.rare[from] = to
		}
	}
	return t
}()

// TraditionalPairs yields the Traditional characters that the tokenizer folds, in code point
// order, each with its Simplified form.
func TraditionalPairs() iter.Seq2[rune, rune] {
	return func(yield func(rune, rune) bool) {
		rs := []rune(traditionalPairs)
		for i := 0; i+1 < len(rs); i += 2 {
			if !yield(rs[i], rs[i+1]) {
				return
			}
		}
	}
}

// IsCJK reports whether r is a Han, Hiragana, Katakana or Hangul character. The common
// blocks are checked by range first; the Unicode tables decide the rest.
func IsCJK(r rune) bool {
	switch {
	case r < 0x1100, r == 0x30A0, r == 0x30FB: // ゠ and ・ are punctuation of the Katakana block
		return false
	case 0x4E00 <= r && r <= 0x9FFF, 0x3040 <= r && r <= 0x30FF, 0xAC00 <= r && r <= 0xD7A3:
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
