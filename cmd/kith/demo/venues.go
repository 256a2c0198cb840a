package demo

import (
	_ "embed"
	"fmt"
	"strings"
)

// venues.txt lists real live SR postcodes with the neighbourhood each lies
// in. Only the postcode places a venue; names and streets are dressed on at
// load time from the word lists in venue_words.go.
//
//go:embed venues.txt
var venueList string

// venue is a place groups meet: a real postcode dressed as a plausible
// community building, park or café.
type venue struct {
	key       string // unique, for ids: postcode plus kind
	postcode  string
	place     string // neighbourhood, "Hendon"
	town      string // "Sunderland", "Seaham"
	county    string
	kind      string // community_centre, church_hall, library...
	name      string
	street    string // "14 Villette Road"
	about     string // where to find the room, for locations.description
	access    []string
	transport string
}

type venueRow struct{ postcode, place, town, county, kind string }

func parseVenues() ([]venueRow, error) {
	var rows []venueRow
	for n, line := range strings.Split(venueList, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 5 {
			return nil, fmt.Errorf("demo: venues.txt line %d: want 5 fields, got %d", n+1, len(f))
		}
		rows = append(rows, venueRow{f[0], f[1], f[2], f[3], f[4]})
	}
	return rows, nil
}

// dressVenues gives every postcode a kind of building, a name and a street.
// A neighbourhood gets at most one library, leisure centre or park, and no
// two venues in it share a name.
func dressVenues(d *dice, rows []venueRow) []*venue {
	taken := map[string]bool{}
	out := make([]*venue, 0, len(rows))
	for _, r := range rows {
		v := &venue{postcode: r.postcode, place: r.place, town: r.town, county: r.county, kind: r.kind}
		nameVenue(d, v, taken)
		v.key = slug(v.postcode + " " + v.name)
		v.about = fill(pick(d, venueKinds[v.kind].about), vars{"street": streetName(v.street)})
		v.access = accessFor(d, v.kind)
		v.transport = transportFor(d, v)
		out = append(out, v)
	}
	return out
}

// nameVenue draws the venue's kind (unless venues.txt fixed it), street and
// name until the name is new to its neighbourhood and the neighbourhood does
// not already have its one library, park or leisure centre.
func nameVenue(d *dice, v *venue, taken map[string]bool) {
	fixed := v.kind
	for tries := 0; ; tries++ {
		if fixed == "" || tries > 0 {
			v.kind = pickKind(d, tries)
		}
		v.street = street(d)
		v.name = venueName(d, v)
		only := venueKinds[v.kind].onePerPlace && taken[v.place+"|kind|"+v.kind]
		if !only && !taken[v.place+"|"+v.name] {
			break
		}
	}
	taken[v.place+"|"+v.name] = true
	taken[v.place+"|kind|"+v.kind] = true
}

// pickKind draws a building type by how common such places are. After a
// few clashes it stops offering one-per-neighbourhood kinds.
func pickKind(d *dice, tries int) string {
	total := 0
	for _, k := range venueKindOrder {
		total += venueKinds[k].weight
	}
	n := d.r.IntN(total)
	for _, k := range venueKindOrder {
		if n -= venueKinds[k].weight; n < 0 {
			if tries > 3 && venueKinds[k].onePerPlace {
				return "community_centre"
			}
			return k
		}
	}
	return "community_centre"
}

func street(d *dice) string {
	return fmt.Sprintf("%d %s %s", d.between(1, 160), pick(d, streetStems), pick(d, streetEnds))
}

// streetName drops the house number: "14 Villette Road" -> "Villette Road".
func streetName(s string) string {
	_, name, _ := strings.Cut(s, " ")
	return name
}

func venueName(d *dice, v *venue) string {
	k := venueKinds[v.kind]
	return fill(pick(d, k.names), vars{
		"place":  v.place,
		"street": streetName(v.street),
		"saint":  pick(d, saints),
		"pub":    pick(d, pubs),
		"cafe":   pick(d, cafes),
		"park":   parkFor(v.place),
		"house":  pick(d, houseNames),
	})
}

// parkFor names the green space people in a neighbourhood would walk in.
func parkFor(place string) string {
	if p, ok := parks[place]; ok {
		return p
	}
	return place + " Park"
}

func accessFor(d *dice, kind string) []string {
	k := venueKinds[kind]
	out := []string{}
	for _, f := range k.access {
		if d.chance(0.75) {
			out = append(out, f)
		}
	}
	if d.chance(0.04) {
		out = append(out, "bsl")
	}
	return out
}

func transportFor(d *dice, v *venue) string {
	if m, ok := metro[v.place]; ok && d.chance(0.7) {
		return fmt.Sprintf("%s Metro station is a short walk away; buses stop on %s.", m, streetName(v.street))
	}
	return fill(pick(d, transportPhrases), vars{"town": v.town, "street": streetName(v.street), "place": v.place})
}
