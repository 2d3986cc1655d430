package arena

import (
	"math/rand/v2"
	"slices"
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
			if got, want := KthLargest(slices.Clone(xs), k), sorted[n-k]; got != want {
				t.Fatalf("KthLargest(%v, %d) = %v, want %v", xs, k, got, want)
			}
		}
	}
}

func TestChainKeepsValuesTogether(t *testing.T) {
	var c Chain[int32]
	var places []int32
	for i := int32(0); i < 3*MaxBlock; i++ {
		places = append(places, c.Add(i, i+1, i+2))
	}
	for i, at := range places {
		if got := c.Slice(at, 3); !slices.Equal(got, []int32{int32(i), int32(i) + 1, int32(i) + 2}) {
			t.Fatalf("value %d at %x: got %v", i, at, got)
		}
	}
	if c.N != 9*MaxBlock {
		t.Errorf("n = %d, want %d", c.N, 9*MaxBlock)
	}
	for k, b := range c.Blocks {
		if cap(b) > MaxBlock {
			t.Fatalf("block %d holds %d values, more than %d", k, cap(b), MaxBlock)
		}
	}
}
