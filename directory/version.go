package directory

import (
	"encoding/json"
	"reflect"
	"sort"
	"time"
)

// Version states. A pending version waits for a moderator; approving it
// makes it the live listing. A newer proposal supersedes an older pending one.
const (
	VersionPending    = "pending"
	VersionApproved   = "approved"
	VersionRejected   = "rejected"
	VersionSuperseded = "superseded"
)

// Version is one recorded change to an organisation or service listing.
type Version struct {
	ID          string          `db:"id" json:"id"`
	Entity      string          `db:"entity" json:"entity"`
	EntityID    string          `db:"entity_id" json:"entity_id"`
	State       string          `db:"state" json:"state"`
	Payload     json.RawMessage `db:"payload" json:"payload"`
	Changed     []string        `db:"-" json:"changed"`
	AuthorID    *string         `db:"author_id" json:"author_id,omitempty"`
	AuthorEmail *string         `db:"author_email" json:"author_email,omitempty"`
	CreatedAt   time.Time       `db:"created_at" json:"created_at"`
	ReviewerID  *string         `db:"reviewer_id" json:"reviewer_id,omitempty"`
	ReviewedAt  *time.Time      `db:"reviewed_at" json:"reviewed_at,omitempty"`
	ReviewNote  string          `db:"review_note" json:"review_note,omitempty"`
}

// Input returns the listing in the shape it is written in, so a read can be
// edited and sent back.
func (s Service) Input() ServiceInput {
	codes := make([]string, len(s.Categories))
	for i, c := range s.Categories {
		codes[i] = c.Code
	}
	return ServiceInput{
		OrganisationID: s.OrganisationID, Name: s.Name, AlternateName: s.AlternateName,
		Description: s.Description, URL: s.URL, Email: s.Email, Status: s.Status,
		MinAge: s.MinAge, MaxAge: s.MaxAge, Eligibility: s.Eligibility, Free: s.Free,
		FeesDescription: s.FeesDescription, Languages: s.Languages, DeliveryModes: s.DeliveryModes,
		InternalNotes: s.InternalNotes, Locations: s.Locations, Schedules: s.Schedules,
		Phones: s.Phones, Contacts: s.Contacts, CostOptions: s.CostOptions,
		Categories: codes, Areas: s.Areas,
	}
}

// changedFields names the top-level fields of after that differ from before
// (all of them when before is nil). Lists compare as sets, so the order the
// database returns children in is not mistaken for a change.
func changedFields(before, after any) []string {
	a := canonicalFields(after)
	if reflect.ValueOf(before).IsNil() {
		return sortedKeys(a)
	}
	b := canonicalFields(before)
	var changed []string
	for k, v := range a {
		if !reflect.DeepEqual(v, b[k]) {
			changed = append(changed, k)
		}
	}
	sort.Strings(changed)
	return changed
}

func canonicalFields(v any) map[string]any {
	raw, _ := json.Marshal(v)
	var m map[string]any
	json.Unmarshal(raw, &m)
	for k, f := range m {
		if list, ok := f.([]any); ok {
			m[k] = canonicalList(list)
		}
	}
	return m
}

// canonicalList sorts a list by each element's JSON, and treats an empty
// list like a missing one.
func canonicalList(list []any) any {
	if len(list) == 0 {
		return nil
	}
	keys := make([]string, len(list))
	for i, e := range list {
		b, _ := json.Marshal(e)
		keys[i] = string(b)
	}
	sort.Strings(keys)
	return keys
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
