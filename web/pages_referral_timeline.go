package web

import (
	"fmt"
	"strings"
	"time"

	"kith/referral"
)

// lwEvent is one timeline entry in words.
type lwEvent struct {
	At            time.Time
	Title, Detail string
	By            string
	Kind          string
}

// describeEvent tells what a timeline entry records, in plain English.
func describeEvent(e referral.TimelineEntry) lwEvent {
	out := lwEvent{At: e.At, By: e.By, Kind: e.Kind, Detail: e.Note}
	switch e.Kind {
	case referral.EntryStatus:
		out.Title = statusTitle(e)
	case referral.EntryContact:
		out.Title = lwLabel("contact", e.Subject)
		if e.Flag {
			out.Title += ": they did not attend"
		} else if e.Minutes > 0 {
			out.Title += fmt.Sprintf(", %d minutes", e.Minutes)
		}
	case referral.EntryWhatMatters:
		out.Title, out.Detail = "\u201cWhat matters to me\u201d recorded", e.Subject
	case referral.EntryPlan:
		out.Title = "Care and support plan version " + e.Ref + " saved"
		out.Detail = "Goals: " + e.Subject + ". Review on " + longDay(e.Note) + "."
	case referral.EntryConnection:
		out.Title = connectionTitle(e)
	case referral.EntryOutcome:
		out.Title = lwLabel("stage", e.To) + " " + lwLabel("measure", e.Subject) + " recorded"
		if e.Minutes > 0 {
			out.Title += fmt.Sprintf(": score %d", e.Minutes)
		}
	case referral.EntryUnmetNeed:
		out.Title = "Unmet need recorded: " + e.Subject
	case referral.EntryConsent:
		verb := "given"
		if !e.Flag {
			verb = "not given"
		}
		what := lwLabel("consent", e.Subject)
		out.Title = "Consent " + verb + ": " + strings.ToLower(what[:1]) + what[1:]
		out.Detail = "Taken by " + e.By
		out.By = ""
	}
	return out
}

func statusTitle(e referral.TimelineEntry) string {
	title := map[string]string{
		"received": "Referral received", "accepted": "Accepted for social prescribing", "declined": "Declined",
		"redirected": "Redirected", "first_contact": "First contact made", "assessed": "Assessed",
		"plan_agreed": "Plan agreed", "active": "Active: connections under way", "closed": "Closed",
	}[e.To]
	if e.Reason != "" {
		kind := "decline"
		if e.To == "closed" {
			kind = "close"
		}
		title += ": " + strings.ToLower(lwLabel(kind, e.Reason))
	}
	if e.SNOMED != "" {
		title += " (SNOMED CT " + e.SNOMED + ")"
	}
	return title
}

func connectionTitle(e referral.TimelineEntry) string {
	var what string
	switch {
	case e.From == "" && e.To == "waitlisted":
		what = "Put on the waiting list for"
	case e.From == "":
		what = "Connection requested to"
	case e.From == "waitlisted" && e.To == "requested":
		what = "A place came free at"
	default:
		what = lwLabel("connection", e.To) + ":"
	}
	title := what + " " + e.Subject
	if e.Reason != "" {
		title += " (" + lwLabel("connection_reason", e.Reason) + ")"
	}
	return title
}

// longDay writes a YYYY-MM-DD date as people read it: 3 March 2026.
func longDay(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return d.Format("2 January 2006")
}
