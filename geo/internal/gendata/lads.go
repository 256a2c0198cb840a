package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

var ladHeader = []string{"code", "name", "current", "successor", "region_code", "region"}

type ladRow struct {
	code, name, successor, regionCode, region string
	current                                   bool
}

// englishLADPrefixes are the ONS entity codes of English lower-tier local
// authorities: unitary, non-metropolitan district, metropolitan district and
// London borough.
var englishLADPrefixes = []string{"E06", "E07", "E08", "E09"}

// readLADs keeps current and former English local authority districts. Former
// ones are kept with their successor because postcode data of any vintage
// (NSPL 2021 here: Harrogate, South Somerset, …) still carries codes that
// have since been merged away, and commissioners think in today's areas.
func readLADs(path string) ([]ladRow, error) {
	t, err := openTable(path, "LADCD", "LADNM", "LADCD_ACTIVE", "RGNCD", "RGNNM", "Current")
	if err != nil {
		return nil, err
	}
	defer t.close()
	var rows []ladRow
	for {
		rec, err := t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if !slices.Contains(englishLADPrefixes, prefix3(t.get(rec, "LADCD"))) {
			continue
		}
		rows = append(rows, ladRow{
			code: t.get(rec, "LADCD"), name: strings.TrimSpace(t.get(rec, "LADNM")),
			successor: t.get(rec, "LADCD_ACTIVE"), current: t.get(rec, "Current") == "TRUE",
			regionCode: t.get(rec, "RGNCD"), region: t.get(rec, "RGNNM"),
		})
	}
	slices.SortFunc(rows, func(a, b ladRow) int { return cmp.Compare(a.code, b.code) })
	return rows, checkLADs(rows)
}

func prefix3(code string) string { return code[:min(3, len(code))] }

// checkLADs insists that codes are unique, names present, and that every
// successor is itself a current English authority (so one hop always lands
// on a valid commissioning area).
func checkLADs(rows []ladRow) error {
	current := map[string]bool{}
	for i, r := range rows {
		if i > 0 && rows[i-1].code == r.code {
			return fmt.Errorf("local authority %s appears twice", r.code)
		}
		if r.name == "" {
			return fmt.Errorf("local authority %s has no name", r.code)
		}
		if r.current {
			current[r.code] = true
		}
	}
	for _, r := range rows {
		if !current[r.successor] {
			return fmt.Errorf("local authority %s: successor %q is not a current English authority", r.code, r.successor)
		}
		if r.current && r.successor != r.code {
			return fmt.Errorf("current local authority %s names successor %s", r.code, r.successor)
		}
	}
	return nil
}

func ladRecords(rows []ladRow) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		cur := "0"
		if r.current {
			cur = "1"
		}
		out[i] = []string{r.code, r.name, cur, r.successor, r.regionCode, r.region}
	}
	return out
}
