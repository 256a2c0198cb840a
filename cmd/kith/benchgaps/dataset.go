package benchgaps

import (
	"fmt"
	"math/rand/v2"
	"time"

	"kith/referral"
	"kith/referral/insight"
)

// benchNow is the bench's today: referrals reach back a year from it.
var benchNow = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

// Kinds of generated row, which key both their ids and their dice.
const (
	kindOrg = iota + 1
	kindService
	kindPerson
	kindReferral
	kindConnection
	kindUnmet
)

// id is a row's UUID, made from its kind and number so that rows can refer
// to each other without a lookup and a second run writes the same ids.
func id(kind, n int) string { return fmt.Sprintf("%08x-0000-4000-8000-%012x", kind, n) }

// dataset generates the rows. Everything is a function of the seed and a
// row's number, so a table can be written in any order and a row read again
// (a connection needs its referral's dates) without keeping a million rows
// in memory.
type dataset struct {
	o     Options
	lsoas []insight.LSOA
	needs []string // term ids people are referred for and services offer
}

// orgs is how many organisations run the services: three each.
func (d *dataset) orgs() int { return (d.o.Services + 2) / 3 }

func (d *dataset) dice(kind, n int) *rand.Rand {
	return rand.New(rand.NewPCG(d.o.Seed, uint64(kind)<<40|uint64(n)))
}

// ready reports whether organisation k is quality assured for referrals:
// six in seven are.
func ready(k int) bool { return k%7 != 0 }

type service struct {
	org      int
	lon, lat float64
	remote   bool // online or by phone
	needs    []string
	maximum  *int
	held     int
	paused   bool
}

// service j meets near a random LSOA centre (LSOAs hold about the same
// number of people each, so services follow the population), within about
// a kilometre of it; one in fifty is online or by phone instead.
func (d *dataset) service(j int) service {
	r := d.dice(kindService, j)
	c := d.lsoas[r.IntN(len(d.lsoas))].Point
	s := service{org: j / 3, remote: r.IntN(50) == 0, paused: r.IntN(33) == 0,
		lon: c.Lon() + (r.Float64()-0.5)*0.03, lat: c.Lat() + (r.Float64()-0.5)*0.02}
	s.needs = d.pickNeeds(r, 1+r.IntN(2))
	if r.IntN(5) > 0 {
		m := 5 + r.IntN(26)
		s.maximum, s.held = &m, r.IntN(m+1)
	}
	return s
}

func (d *dataset) pickNeeds(r *rand.Rand, n int) []string {
	var out []string
	for len(out) < n {
		t := d.needs[r.IntN(len(d.needs))]
		if len(out) == 0 || out[0] != t {
			out = append(out, t)
		}
	}
	return out
}

// sources are weighted as referrals arrive: mostly from GP practices.
var sources = append([]string{"gp_practice", "gp_practice", "gp_practice", "gp_practice", "gp_practice"},
	referral.Sources...)

type person struct {
	lsoa     int
	received time.Time
	age      int
	source   string
	status   string
	needs    []string
}

// referral i is from a person in a random LSOA, received in the year to
// benchNow, for one to three needs; most are accepted and under way.
func (d *dataset) referral(i int) person {
	r := d.dice(kindReferral, i)
	p := person{lsoa: r.IntN(len(d.lsoas)), age: 18 + r.IntN(78), source: sources[r.IntN(len(sources))],
		received: benchNow.Add(-time.Duration(r.Int64N(int64(365 * 24 * time.Hour)))).Truncate(time.Second)}
	p.needs = d.pickNeeds(r, 1+r.IntN(2))
	switch n := r.IntN(100); {
	case n < 5:
		p.status = "received"
	case n < 12:
		p.status = "declined"
	case n < 16:
		p.status = "redirected"
	case n < 60:
		p.status = "active"
	default:
		p.status = "closed"
	}
	return p
}

// accepted reports whether the team took the person on.
func (p person) accepted() bool { return p.status == "active" || p.status == "closed" }

type connection struct {
	service                   int
	status, reason            string
	responded, started, ended bool
}

// connection is referral i's connection to a service, if it has one: two
// in five people taken on have one; one in eight is turned away, half of
// those for want of room.
func (d *dataset) connection(i int, p person) (connection, bool) {
	r := d.dice(kindConnection, i)
	if !p.accepted() || r.IntN(5) >= 2 {
		return connection{}, false
	}
	c := connection{service: r.IntN(d.o.Services), responded: true}
	switch n := r.IntN(100); {
	case n < 5:
		c.status, c.responded = "requested", false
	case n < 25:
		c.status = "accepted"
	case n < 45:
		c.status, c.started = "in_progress", true
	case n < 80:
		c.status, c.started, c.ended = "completed", true, true
	case n < 92:
		c.status, c.reason, c.ended = "rejected", []string{"no_capacity", "not_eligible"}[n%2], true
	default:
		c.status, c.reason, c.ended = "failed", "did_not_attend", true
	}
	return c, true
}

// unmet reports whether referral i records an unmet need: one in sixteen.
func (d *dataset) unmet(i int) bool { return d.dice(kindUnmet, i).IntN(16) == 0 }
