package benchgaps

import (
	"fmt"
	"time"

	"github.com/lib/pq"
)

// directory is the organisations, their services, venues, categories and
// capacity, and the quality assurance of those that are ready.
func (d *dataset) directory(qa checklist) []table {
	orgs, svcs := d.orgs(), d.o.Services
	return []table{
		{"organisations", []string{"id", "name"}, orgs,
			func(k int) []any { return []any{id(kindOrg, k), fmt.Sprintf("Bench group %d", k)} }},
		{"services", []string{"id", "organisation_id", "name", "delivery_modes"}, svcs, d.serviceRow},
		{"locations", []string{"id", "organisation_id", "name", "lon", "lat"}, svcs, d.locationRow},
		{"service_at_location", []string{"service_id", "location_id"}, svcs, func(j int) []any {
			if d.service(j).remote {
				return nil
			}
			return []any{id(kindService, j), id(kindLocation, j)}
		}},
		{"service_categories", []string{"service_id", "term_id"}, 2 * svcs, func(i int) []any {
			if needs := d.service(i / 2).needs; i%2 < len(needs) {
				return []any{id(kindService, i/2), needs[i%2]}
			}
			return nil
		}},
		{"service_capacity", []string{"service_id", "maximum", "held", "paused"}, svcs, func(j int) []any {
			s := d.service(j)
			return []any{id(kindService, j), s.maximum, s.held, s.paused}
		}},
		{"qa_assessments", []string{"organisation_id", "template_id", "started_at"}, orgs,
			readyOnly(func(k int) []any { return []any{id(kindOrg, k), qa.template, benchNow.AddDate(0, -3, 0)} })},
		{"qa_listing_confirmations", []string{"organisation_id", "confirmed_at"}, orgs,
			readyOnly(func(k int) []any { return []any{id(kindOrg, k), benchNow.AddDate(0, 0, -10)} })},
		{"qa_responses", []string{"organisation_id", "template_id", "item_key", "state", "created_at", "submitted_at",
			"reviewed_at", "expires_at"}, orgs * len(qa.keys), func(i int) []any {
			k := i / len(qa.keys)
			if !ready(k) {
				return nil
			}
			day := benchNow.AddDate(0, 0, -30)
			return []any{id(kindOrg, k), qa.template, qa.keys[i%len(qa.keys)], "verified", day, day, day,
				benchNow.AddDate(0, 10, 0)}
		}},
	}
}

func readyOnly(row func(k int) []any) func(k int) []any {
	return func(k int) []any {
		if !ready(k) {
			return nil
		}
		return row(k)
	}
}

func (d *dataset) serviceRow(j int) []any {
	modes := []string{"in_person"}
	if d.service(j).remote {
		modes = []string{"online", "phone"}
	}
	return []any{id(kindService, j), id(kindOrg, j/3), fmt.Sprintf("Bench service %d", j), pq.Array(modes)}
}

func (d *dataset) locationRow(j int) []any {
	s := d.service(j)
	if s.remote {
		return nil
	}
	return []any{id(kindLocation, j), id(kindOrg, s.org), fmt.Sprintf("Bench venue %d", j), s.lon, s.lat}
}

// referrals is the people, their referrals and needs, connections and
// unmet needs, all for the one team.
func (d *dataset) referrals(team string) []table {
	n := d.o.Referrals
	return []table{
		{"people", []string{"id", "name", "date_of_birth", "lsoa", "imd_decile", "contact_by", "created_at"}, n,
			func(i int) []any {
				p := d.referral(i)
				l := d.lsoas[p.lsoa]
				return []any{id(kindPerson, i), fmt.Sprintf("Bench person %d", i), p.received.AddDate(-p.age, 0, 0),
					l.Code, l.Decile, "phone", p.received}
			}},
		{"referrals", []string{"id", "person_id", "team_id", "source", "urgency", "status", "received_at", "status_at",
			"first_contact_at"}, n, func(i int) []any {
			p := d.referral(i)
			var contact *time.Time
			if p.accepted() {
				t := at(p.received, 3)
				contact = &t
			}
			return []any{id(kindReferral, i), id(kindPerson, i), team, p.source, "routine", p.status, p.received,
				p.received, contact}
		}},
		{"referral_needs", []string{"referral_id", "term_id"}, 2 * n, func(i int) []any {
			if needs := d.referral(i / 2).needs; i%2 < len(needs) {
				return []any{id(kindReferral, i/2), needs[i%2]}
			}
			return nil
		}},
		{"connections", []string{"id", "referral_id", "service_id", "status", "status_reason", "reason", "created_at",
			"requested_at", "responded_at", "started_at", "ended_at"}, n, d.connectionRow},
		{"unmet_needs", []string{"referral_id", "team_id", "term_id", "lsoa", "imd_decile", "recorded_at"}, n,
			func(i int) []any {
				p := d.referral(i)
				if !p.accepted() || !d.unmet(i) {
					return nil
				}
				l := d.lsoas[p.lsoa]
				return []any{id(kindReferral, i), team, p.needs[0], l.Code, l.Decile, at(p.received, 14)}
			}},
	}
}

func (d *dataset) connectionRow(i int) []any {
	p := d.referral(i)
	c, ok := d.connection(i, p)
	if !ok {
		return nil
	}
	created := at(p.received, 10)
	when := func(happened bool, days int) *time.Time {
		if !happened {
			return nil
		}
		t := at(created, days)
		return &t
	}
	return []any{id(kindConnection, i), id(kindReferral, i), id(kindService, c.service), c.status, c.reason,
		"Bench connection", created, created, when(c.responded, 2), when(c.started, 9), when(c.ended, 40)}
}
