// Package order gives quizzes their fixed shuffles: options, items, matching choices and
// paper versions come out in the same order on every build, from a seed made of names.
package order

import (
	"hash/fnv"
	"math/rand/v2"
)

// Rand returns a random source seeded by parts: the same parts give the same sequence on
// every build and every machine.
func Rand(parts ...string) *rand.Rand {
	return rand.New(rand.NewPCG(seed(parts...)))
}

// seed hashes parts, each ended by a zero byte so that ("ab", "c") and ("a", "bc") differ,
// into the two words of a PCG seed.
func seed(parts ...string) (uint64, uint64) {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	s := h.Sum64()
	return s, s ^ 0x9e3779b97f4a7c15
}

// Derangement returns a fixed shuffle of 0..n-1 that leaves the first position moved when
// n > 1, so a displayed order never gives the right order away.
func Derangement(rng *rand.Rand, n int) []int {
	idx := rng.Perm(n)
	if n > 1 {
		identity := true
		for i, x := range idx {
			if i != x {
				identity = false
				break
			}
		}
		if identity {
			idx = append(idx[1:], idx[0])
		}
	}
	return idx
}
