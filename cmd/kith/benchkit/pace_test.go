package benchkit

import (
	"context"
	"testing"
	"time"
)

func TestPaceCallsEachInOrderNeverEarly(t *testing.T) {
	const n, rate = 20, 1000.0
	start := time.Now()
	var got []int
	Pace(context.Background(), start, n, rate, func(i int, due time.Time) {
		if now := time.Now(); now.Before(due) {
			t.Errorf("request %d called %s before it was due", i, due.Sub(now))
		}
		if want := start.Add(time.Duration(i) * time.Millisecond); !due.Equal(want) {
			t.Errorf("request %d due %s into the run, want %s", i, due.Sub(start), want.Sub(start))
		}
		got = append(got, i)
	})
	if len(got) != n {
		t.Fatalf("called %d times, want %d", len(got), n)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("called in the order %v", got)
		}
	}
}

func TestPaceStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	Pace(ctx, time.Now(), 1000, 1000, func(i int, _ time.Time) {
		if calls++; calls == 3 {
			cancel()
		}
	})
	if calls != 3 {
		t.Fatalf("called %d times after the context ended at the third", calls)
	}
}
