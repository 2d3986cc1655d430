// Package arena holds the building blocks of the index's memory: chains, lists that grow in
// blocks without copying, where the indexer keeps records and positions, and KthLargest, with
// which a very common term keeps its best postings.
package arena

// Chain is a list kept in blocks that double in size up to a limit, so that adding never
// copies what is there and a short list takes little room. Values added together stay in one
// block, at an address (block<<16 | offset) that Slice reads back.
type Chain[T any] struct {
	// Blocks holds the values, block by block.
	Blocks [][]T
	// N counts the values added.
	N int32
}

// MaxBlock is the largest block of a chain; it must fit the 16-bit offset of an address.
const MaxBlock = 1 << 14

// Add appends vs, in one block, and returns their address.
func (c *Chain[T]) Add(vs ...T) int32 {
	k := len(c.Blocks)
	if k == 0 || len(c.Blocks[k-1])+len(vs) > cap(c.Blocks[k-1]) {
		c.Blocks = append(c.Blocks, make([]T, 0, max(len(vs), min(MaxBlock, 8<<k))))
		k++
	}
	at := int32((k-1)<<16 | len(c.Blocks[k-1]))
	c.Blocks[k-1] = append(c.Blocks[k-1], vs...)
	c.N += int32(len(vs))
	return at
}

// Slice returns the n values added at address at.
func (c *Chain[T]) Slice(at, n int32) []T {
	if n == 0 {
		return nil
	}
	block, offset := at>>16, at&0xFFFF
	return c.Blocks[block][offset : offset+n]
}

// KthLargest returns the k-th largest value of xs (1 <= k <= len(xs)), reordering xs: a
// quickselect, linear on average, where sorting would be n log n.
func KthLargest(xs []float32, k int) float32 {
	lo, hi := 0, len(xs)-1
	want := len(xs) - k // index of the answer in ascending order
	for lo < hi {
		pivot := xs[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case want <= j:
			hi = j
		case want >= i:
			lo = i
		default:
			return xs[want]
		}
	}
	return xs[want]
}
