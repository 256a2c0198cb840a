package web

import (
	"reflect"
	"testing"

	"kith/referral/insight"
)

func gapArea(score *float64) insight.GapArea {
	if score == nil {
		return insight.GapArea{GapScore: insight.Figure{Suppressed: true}}
	}
	return insight.GapArea{GapScore: insight.Figure{Value: score}}
}

// Bands 1 to 4 are the quartiles of the scores above 0 (nearest rank);
// 0 is no gap; a withheld score has no band.
func TestGapBands(t *testing.T) {
	var areas []insight.GapArea
	for _, v := range []float64{0, 0, 1, 2, 3, 4, 5, 6, 7, 8} {
		areas = append(areas, gapArea(&v))
	}
	areas = append(areas, gapArea(nil))
	b := newGapBands(areas)
	var got []int
	for _, a := range areas[:10] {
		band, ok := b.of(a)
		if !ok {
			t.Fatalf("%v has no band", *a.GapScore.Value)
		}
		got = append(got, band)
	}
	if want := []int{0, 0, 1, 1, 2, 2, 3, 3, 4, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("bands %v, want %v", got, want)
	}
	if _, ok := b.of(areas[10]); ok {
		t.Error("a withheld score was given a band")
	}
	want := []legendItem{{0, "No gap (score 0)", "2 areas"}, {1, "Gap score 1 to 2", "2 areas"},
		{2, "Gap score 3 to 4", "2 areas"}, {3, "Gap score 5 to 6", "2 areas"}, {4, "Gap score 7 to 8", "2 areas"}}
	if got := b.legend(areas); !reflect.DeepEqual(got, want) {
		t.Errorf("legend %v", got)
	}
	one := 2.5
	if b := newGapBands([]insight.GapArea{gapArea(&one)}); !reflect.DeepEqual(b.legend([]insight.GapArea{gapArea(&one)}),
		[]legendItem{{1, "Gap score 2.5", "1 area"}}) {
		t.Errorf("one area with a gap: %v", b.legend([]insight.GapArea{gapArea(&one)}))
	}
}
