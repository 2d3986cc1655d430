package search

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"
)

func TestKthLargestMatchesSorting(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 300; n++ {
		xs := make([]float32, n)
		for i := range xs {
			xs[i] = float32(r.IntN(max(1, n/3))) / 4 // many ties
		}
		sorted := slices.Sorted(slices.Values(xs))
		for _, k := range []int{1, n / 2, n, 1 + r.IntN(n)} {
			if k < 1 {
				continue
			}
			if got, want := kthLargest(slices.Clone(xs), k), sorted[n-k]; got != want {
				t.Fatalf("kthLargest(%v, %d) = %v, want %v", xs, k, got, want)
			}
		}
	}
}

func TestChainKeepsValuesTogether(t *testing.T) {
	var c chain[int32]
	var places []int32
	for i := int32(0); i < 3*maxBlock; i++ {
		places = append(places, c.add(i, i+1, i+2))
	}
	for i, at := range places {
		if got := c.slice(at, 3); !slices.Equal(got, []int32{int32(i), int32(i) + 1, int32(i) + 2}) {
			t.Fatalf("value %d at %x: got %v", i, at, got)
		}
	}
	if c.n != 9*maxBlock {
		t.Errorf("n = %d, want %d", c.n, 9*maxBlock)
	}
	for k, b := range c.blocks {
		if cap(b) > maxBlock {
			t.Fatalf("block %d holds %d values, more than %d", k, cap(b), maxBlock)
		}
	}
}

// The index must not depend on how many workers built it: parts are merged in document
// order and shards are written independently.
func TestIndexDoesNotDependOnCores(t *testing.T) {
	words := []string{"customer", "customers", "value", "tier", "客户", "价值", "忠诚", "lead", "gold"}
	var docs []Doc
	for i := 0; i < 4000; i++ {
		body := ""
		for k := 0; k < 40; k++ {
			body += words[(i*k+k)%len(words)] + " "
		}
		docs = append(docs, Doc{URL: "p" + strconv.Itoa(i) + ".html", Title: words[i%len(words)], Body: body, Type: "lesson", Day: i % 10})
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := Build("en", "s", docs)
	runtime.GOMAXPROCS(5)
	five := Build("en", "s", docs)
	if len(one) != len(five) {
		t.Fatalf("%d files with one core, %d with five", len(one), len(five))
	}
	for name, data := range one {
		if string(five[name]) != string(data) {
			t.Errorf("%s differs between one and five cores", name)
		}
	}
}
