package qa

import "time"

// Assessment is an organisation's checklist as its editors and reviewers see
// it: every item of the current checklist with its answers, the status per
// tier, and the audit trail.
type Assessment struct {
	OrganisationID string `json:"organisation_id"`
	// TemplateVersion is the checklist the items come from: the one the next
	// submission answers. Assurance.TemplateVersion is the one the status is
	// judged by until then.
	TemplateVersion int         `json:"template_version"`
	Assurance       Assurance   `json:"assurance"`
	Items           []ItemState `json:"items"`
	Events          []Event     `json:"events"`
}

// ItemState is one item with where its answers stand.
type ItemState struct {
	Item
	State     string     `json:"state"` // missing, submitted, verified or rejected
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	Expired   bool       `json:"expired"`
	Current   *Response  `json:"current,omitempty"` // the verified answer that counts
	Latest    *Response  `json:"latest,omitempty"`  // the newest submitted or reviewed answer
	Draft     *Response  `json:"draft,omitempty"`
}

// Event is one recorded step of the workflow.
type Event struct {
	ID         int64     `db:"id" json:"id"`
	ResponseID *string   `db:"response_id" json:"response_id,omitempty"`
	ItemKey    string    `db:"item_key" json:"item_key,omitempty"`
	Action     string    `db:"action" json:"action"`
	Note       string    `db:"note" json:"note,omitempty"`
	ActorID    *string   `db:"actor_id" json:"actor_id,omitempty"`
	ActorEmail *string   `db:"actor_email" json:"actor_email,omitempty"`
	At         time.Time `db:"at" json:"at"`
}

// itemStates places responses (newest first) against the items of tpl.
func itemStates(tpl Template, rs []Response, a Assurance, now time.Time) []ItemState {
	out := make([]ItemState, len(tpl.Items))
	index := map[string]*ItemState{}
	for i, it := range tpl.Items {
		out[i] = ItemState{Item: it, State: StateMissing}
		index[it.Key] = &out[i]
	}
	for i := range rs {
		if st := index[rs[i].ItemKey]; st != nil {
			st.place(&rs[i])
		}
	}
	for i := range out {
		out[i].settle(a, now)
	}
	return out
}

func (st *ItemState) place(r *Response) {
	switch {
	case r.State == StateDraft:
		st.Draft = r
	case r.State == StateSuperseded:
	case st.Latest == nil:
		st.Latest = r
	}
	if r.State == StateVerified && (st.Current == nil || r.ReviewedAt.After(*st.Current.ReviewedAt)) {
		st.Current = r
	}
}

// settle derives the item's state and expiry from its answers, or for a
// listing item from the organisation's latest listing confirmation.
func (st *ItemState) settle(a Assurance, now time.Time) {
	switch {
	case st.Needs(NeedsListing) && a.ListingConfirmedAt != nil:
		st.State = StateVerified
		t := st.Item.ExpiresAt(nil, *a.ListingConfirmedAt)
		st.ExpiresAt = &t
	case st.Latest != nil:
		st.State = st.Latest.State
	}
	if st.Current != nil {
		st.ExpiresAt = st.Current.ExpiresAt
	}
	st.Expired = st.ExpiresAt != nil && !st.ExpiresAt.After(now)
}

// TodoItem is something an organisation needs to do about one item.
type TodoItem struct {
	Key          string     `json:"key"`
	Title        string     `json:"title"`
	RequiredFrom Tier       `json:"required_from"`
	Reason       string     `json:"reason"` // missing, draft, rejected, expired or expiring
	Note         string     `json:"note,omitempty"`
	ExpiresAt    *time.Time `json:"expires_at,omitempty"`
}

// Todo is an organisation's work list: the required items that are missing,
// unsubmitted, rejected, expired or about to expire.
type Todo struct {
	OrganisationID string     `json:"organisation_id"`
	Assurance      Assurance  `json:"assurance"`
	Items          []TodoItem `json:"items"`
}

func (a Assessment) todo(now time.Time) Todo {
	t := Todo{OrganisationID: a.OrganisationID, Assurance: a.Assurance, Items: []TodoItem{}}
	for _, st := range a.Items {
		if st.RequiredFrom == "" {
			continue
		}
		if reason, note := st.todo(now); reason != "" {
			t.Items = append(t.Items, TodoItem{Key: st.Key, Title: st.Title, RequiredFrom: st.RequiredFrom,
				Reason: reason, Note: note, ExpiresAt: st.ExpiresAt})
		}
	}
	return t
}

// todo says what, if anything, the organisation must do about the item.
func (st ItemState) todo(now time.Time) (reason, note string) {
	switch {
	case st.Draft != nil:
		return "draft", "filled in but not yet submitted"
	case st.State == StateRejected:
		return "rejected", st.Latest.ReviewNote
	case st.State == StateSubmitted:
		return "", ""
	case st.Expired:
		return "expired", ""
	case st.ExpiresAt != nil && st.ExpiresAt.Sub(now) <= ExpiringWithin:
		return "expiring", ""
	case st.State == StateMissing:
		return StateMissing, ""
	}
	return "", ""
}
