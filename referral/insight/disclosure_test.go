package insight

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestProtect(t *testing.T) {
	tests := []struct {
		name  string
		total int
		parts []int
		want  []bool // total first, then parts
	}{
		{"nothing small", 30, []int{10, 20}, []bool{false, false, false}},
		{"a 3 takes the next smallest with it", 33, []int{20, 3, 10}, []bool{false, false, true, true}},
		{"zeros hide nothing, so they are passed over", 13, []int{0, 3, 10}, []bool{false, false, true, true}},
		{"two small counts already protect each other", 108, []int{4, 4, 100}, []bool{false, true, true, false}},
		{"a small total hides its parts", 3, []int{3, 0}, []bool{true, true, false}},
		{"ties take the first", 12, []int{2, 5, 5}, []bool{false, true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l ledger
			total := l.cell(tt.total)
			var parts []int
			for _, n := range tt.parts {
				parts = append(parts, l.cell(n))
			}
			l.group(total, parts...)
			l.protect()
			if got := l.hidden[:len(tt.want)]; !slices.Equal(got, tt.want) {
				t.Fatalf("withheld %v, want %v", got, tt.want)
			}
		})
	}
}

// A part withheld by another group, beside only zeros, can be protected
// only by withholding its total.
func TestProtectFallsBackToTheTotal(t *testing.T) {
	var l ledger
	total, part, zero := l.cell(7), l.cell(7), l.cell(0)
	l.group(total, part, zero)
	l.group(l.cell(9), part, l.cell(2))
	l.protect()
	if !l.hidden[total] || !l.hidden[part] || l.hidden[zero] {
		t.Fatalf("withheld %v, want the total and the part", l.hidden)
	}
}

// Secondary suppression spreads along rows and columns until no group is
// left with a single withheld member: here one 3 costs six cells.
func TestProtectCascades(t *testing.T) {
	rows := [][]int{{23, 3, 20}, {80, 30, 50}, {60, 10, 50}} // column 0 is the sum of the others
	c := newCounts(rows, sumColumns(rows, 3), &rowSum{total: 0, parts: []int{1, 2}})
	var got [][]bool
	for r := range 4 {
		var line []bool
		for _, f := range c.figures(r) {
			line = append(line, f.Suppressed)
		}
		got = append(got, line)
	}
	want := [][]bool{{false, true, true}, {false, true, true}, {false, true, true}, {false, false, false}}
	for r := range want {
		if !slices.Equal(got[r], want[r]) {
			t.Fatalf("withheld %v, want %v", got, want)
		}
	}
	noSingleWithheld(t, &c.l)
}

// Whatever the counts, no group is left with exactly one withheld member,
// which is what lets a withheld count be found by subtraction.
func TestProtectNeverLeavesOneWithheld(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	values := []int{0, 0, 1, 2, 3, 4, 5, 6, 9, 20}
	for range 2000 {
		width := 2 + r.IntN(5)
		rows := make([][]int, 1+r.IntN(6))
		for i := range rows {
			rows[i] = make([]int, width)
			for c := 1; c < width; c++ {
				rows[i][c] = values[r.IntN(len(values))]
				rows[i][0] += rows[i][c]
			}
		}
		parts := make([]int, width-1)
		for c := range parts {
			parts[c] = c + 1
		}
		c := newCounts(rows, sumColumns(rows, width), &rowSum{total: 0, parts: parts})
		noSingleWithheld(t, &c.l)
	}
}

func noSingleWithheld(t *testing.T, l *ledger) {
	t.Helper()
	for i, v := range l.vals {
		if small(v) && !l.hidden[i] {
			t.Fatalf("count %d published", v)
		}
	}
	for _, g := range l.groups {
		if n := l.hiddenIn(g); n == 1 {
			vals := make([]int, len(g))
			for k, i := range g {
				vals[k] = l.vals[i]
			}
			t.Fatalf("group %v (total first) has one member withheld", vals)
		}
	}
}

func TestFigureWriting(t *testing.T) {
	three := 3.0
	tests := []struct {
		f         Figure
		json, csv string
	}{
		{shown(12), `{"value":12}`, "12"},
		{shown(0.125), `{"value":0.125}`, "0.125"},
		{Figure{Value: &three, Suppressed: true}, `{"value":3,"suppressed":true}`, "<5"},
		{withheld, `{"value":null,"suppressed":true}`, "<5"},
		{none, `{"value":null}`, ""},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.f)
		if err != nil || string(b) != tt.json || tt.f.CSV() != tt.csv {
			t.Errorf("%+v: json %s csv %q, want %s %q", tt.f, b, tt.f.CSV(), tt.json, tt.csv)
		}
	}
}

func TestStatisticsRestOnFivePeople(t *testing.T) {
	v := 2.345
	tests := []struct {
		n    int
		want Figure
	}{{0, none}, {1, withheld}, {4, withheld}, {5, shown(2.35)}, {500, shown(2.35)}}
	for _, tt := range tests {
		got := statistic(&v, 2, tt.n)
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(tt.want)
		if string(gb) != string(wb) {
			t.Errorf("n=%d: %s, want %s", tt.n, gb, wb)
		}
	}
	var l ledger
	held := l.cell(3)
	l.protect()
	if f := l.derived(0.3, 3, held); !f.Suppressed {
		t.Fatal("a rate over a withheld count was published")
	}
}

func TestT975(t *testing.T) {
	// Student's t, 97.5th percentile, from the tables.
	for df, want := range map[int]float64{4: 2.776445, 5: 2.570582, 9: 2.262157, 19: 2.093024, 29: 2.045230,
		99: 1.984217, 1000: 1.962339} {
		if got := t975(df); got < want-0.001 || got > want+0.001 {
			t.Errorf("t975(%d) = %.6f, want %.6f", df, got, want)
		}
	}
}
