package demo

import "math/rand/v2"

// seed fixes the region: change it and every name, session and price moves.
const seed = 2026

// dice is the one source of chance while the region is built. Nothing else
// may draw from it, and nothing may draw in an order that depends on map
// iteration or goroutines, or the demo stops being reproducible.
type dice struct{ r *rand.Rand }

func newDice() *dice { return &dice{rand.New(rand.NewPCG(seed, seed*7919))} }

func (d *dice) chance(p float64) bool { return d.r.Float64() < p }

// between returns an int in [lo, hi].
func (d *dice) between(lo, hi int) int { return lo + d.r.IntN(hi-lo+1) }

func pick[T any](d *dice, list []T) T { return list[d.r.IntN(len(list))] }

// pickN returns up to n distinct elements of list in a random order.
func pickN[T any](d *dice, list []T, n int) []T {
	idx := d.r.Perm(len(list))
	out := make([]T, 0, min(n, len(list)))
	for _, i := range idx[:min(n, len(list))] {
		out = append(out, list[i])
	}
	return out
}
