package jsfile

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// appendTF must write exactly what strconv writes for every two-decimal weight below
// 10,000, the values the index holds, and fall back to it for the others.
func TestAppendTFMatchesStrconv(t *testing.T) {
	check := func(tf float32) {
		t.Helper()
		if got, want := string(AppendTF(nil, tf)), strconv.FormatFloat(float64(tf), 'f', -1, 32); got != want {
			t.Fatalf("AppendTF(%v) = %s, want %s", tf, got, want)
		}
	}
	for c := 0; c <= 1_000_000; c++ {
		check(float32(math.Round(float64(c)) / 100))
	}
	for _, tf := range []float32{12345.67, 1e7, 0.001, 1.0 / 3, -2.5, float32(math.Inf(1))} {
		check(tf)
	}
}

// FuzzAppendJSONString checks the direct path against the encoder on any text.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"plain", "客户", `quote " and \ slash`, "line\nbreak", "\u2028", "\xff", "<b>&</b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendString([]byte("x"), s)), "x"+String(s); got != want {
			t.Fatalf("AppendString(%q) = %s, want %s", s, got, want)
		}
	})
}

// FuzzAppendSnippet checks the one-pass snippet against cutting the text to SnippetRunes
// characters and encoding it: the same bytes for valid UTF-8 (what the loader accepts), the
// same decoded text otherwise.
func FuzzAppendSnippet(f *testing.F) {
	for _, s := range []string{"short", strings.Repeat("客户价值 ", 60), strings.Repeat("a\"b ", 80), "\xff" + strings.Repeat("x", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s)
		want := string(r)
		if len(r) > SnippetRunes {
			want = strings.TrimSpace(string(r[:SnippetRunes])) + "…"
		}
		got := AppendSnippet(nil, s)
		if utf8.ValidString(s) && string(got) != String(want) {
			t.Fatalf("AppendSnippet(%q) = %s, want %s", s, got, String(want))
		}
		var decoded string
		if err := json.Unmarshal(got, &decoded); err != nil || decoded != want {
			t.Fatalf("AppendSnippet(%q) = %s, decodes to %q (%v), want %q", s, got, decoded, err, want)
		}
	})
}
