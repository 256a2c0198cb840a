package referral_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"kith/directory"
	"kith/referral"
)

func TestEachEndingReleasesExactlyOnePlace(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Cuppa club", places(10, 0))
	tests := []struct {
		name string
		path []referral.ConnectionStatus
	}{
		{"rejected", []referral.ConnectionStatus{referral.ConnectionRejected}},
		{"cancelled before an answer", []referral.ConnectionStatus{referral.ConnectionCancelled}},
		{"cancelled after acceptance", []referral.ConnectionStatus{referral.ConnectionAccepted, referral.ConnectionCancelled}},
		{"did not attend", []referral.ConnectionStatus{referral.ConnectionAccepted, referral.ConnectionFailed}},
		{"completed", []referral.ConnectionStatus{referral.ConnectionAccepted, referral.ConnectionInProgress, referral.ConnectionCompleted}},
		{"dropped out", []referral.ConnectionStatus{referral.ConnectionAccepted, referral.ConnectionInProgress, referral.ConnectionFailed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := f.connect(t, f.accepted(t).ID, svc)
			held := f.capacity(t, svc).Held
			for i, to := range tt.path {
				f.moveConnection(t, f.editorOrWorker(to), c.ID, to, reasonFor(to))
				if got := f.capacity(t, svc).Held; i < len(tt.path)-1 && got != held {
					t.Fatalf("after %s held %d, want %d", to, got, held)
				}
			}
			if got := f.capacity(t, svc).Held; got != held-1 {
				t.Fatalf("held %d after ending, want %d", got, held-1)
			}
		})
	}
}

// editorOrWorker is who makes a move: the link worker cancels, the VCSE
// does the rest.
func (f *fixture) editorOrWorker(to referral.ConnectionStatus) context.Context {
	if to == referral.ConnectionCancelled {
		return f.worker
	}
	return f.editor
}

func reasonFor(to referral.ConnectionStatus) string {
	return map[referral.ConnectionStatus]string{referral.ConnectionRejected: "not_eligible",
		referral.ConnectionFailed: "dropped_out"}[to]
}

func TestWaitingListIsPromotedOldestFirst(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Men's shed", places(1, 3))
	holder := f.connect(t, f.accepted(t).ID, svc)
	var waiting []referral.Connection
	for range 2 {
		f.now = f.now.Add(time.Minute)
		waiting = append(waiting, f.connect(t, f.accepted(t).ID, svc))
	}
	if waiting[0].Status != referral.ConnectionWaitlisted || waiting[0].RequestedAt != nil {
		t.Fatalf("second connection %s, requested %v; want waitlisted", waiting[0].Status, waiting[0].RequestedAt)
	}
	if c := f.capacity(t, svc); c.Held != 1 || c.Waiting != 2 {
		t.Fatalf("held %d waiting %d", c.Held, c.Waiting)
	}
	f.now = f.now.Add(time.Hour)
	f.moveConnection(t, f.worker, waiting[1].ID, referral.ConnectionCancelled, "")
	if c := f.capacity(t, svc); c.Held != 1 || c.Waiting != 1 {
		t.Fatalf("cancelling from the list: held %d waiting %d", c.Held, c.Waiting)
	}
	f.moveConnection(t, f.editor, holder.ID, referral.ConnectionRejected, "no_capacity")
	promoted, err := f.ref.Connection(f.worker, waiting[0].ID)
	if err != nil || promoted.Status != referral.ConnectionRequested || !promoted.RequestedAt.Equal(f.now) {
		t.Fatalf("oldest waiting: %s requested %v, %v", promoted.Status, promoted.RequestedAt, err)
	}
	if last := promoted.History[len(promoted.History)-1]; last.From != "waitlisted" || last.By != "" {
		t.Fatalf("promotion recorded as %+v, want by Kith itself", last)
	}
	if c := f.capacity(t, svc); c.Held != 1 || c.Waiting != 0 {
		t.Fatalf("after promotion: held %d waiting %d", c.Held, c.Waiting)
	}
}

func TestPauseRefusesNewConnectionsAndKeepsExisting(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Knit and natter", places(5, 0))
	kept := f.connect(t, f.accepted(t).ID, svc)
	if _, err := f.dir.Pause(f.editor, svc, directory.PauseInput{Reason: "Volunteer on leave"}); err != nil {
		t.Fatal(err)
	}
	next := f.accepted(t)
	_, _, err := f.ref.Connect(f.worker, next.ID, referral.ConnectionInput{ServiceID: svc, Reason: "Likes knitting"}, "")
	wantRefusal(t, err, directory.ReasonPaused)
	f.moveConnection(t, f.editor, kept.ID, referral.ConnectionAccepted, "")
	if c := f.capacity(t, svc); c.Held != 1 {
		t.Fatalf("held %d while paused, want the one kept", c.Held)
	}
	if _, err := f.dir.Resume(f.editor, svc); err != nil {
		t.Fatal(err)
	}
	f.connect(t, next.ID, svc)
}

// TestWeeklyCapResetsOnLondonMonday uses the night the clocks go forward:
// the new week starts at 23:00 UTC on Sunday.
func TestWeeklyCapResetsOnLondonMonday(t *testing.T) {
	f := newFixture(t)
	cap := 2
	hundred := 100
	svc := f.service(t, f.org, "Walking netball", &directory.CapacityInput{Maximum: &hundred, WeeklyCap: &cap})
	f.now = time.Date(2026, 3, 29, 22, 30, 0, 0, time.UTC) // 23:30 BST, Sunday
	for range cap {
		f.connect(t, f.accepted(t).ID, svc)
	}
	late := f.accepted(t)
	_, _, err := f.ref.Connect(f.worker, late.ID, referral.ConnectionInput{ServiceID: svc, Reason: "Keen"}, "")
	wantRefusal(t, err, directory.ReasonWeeklyCap)
	f.now = time.Date(2026, 3, 29, 23, 5, 0, 0, time.UTC) // 00:05 BST, Monday
	if c := f.connect(t, late.ID, svc); c.Status != referral.ConnectionRequested {
		t.Fatalf("after the week turned: %s", c.Status)
	}
}

func TestConnectRefusals(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Choir", places(5, 0))
	unassured := f.service(t, f.newOrg(t, "New group"), "Coffee morning", places(5, 0))
	open := f.accepted(t)
	f.connect(t, open.ID, svc)
	noConsent := validInput()
	noConsent.Consent.ShareServices = false
	quiet, _, err := f.ref.CreateReferral(f.worker, noConsent, "")
	if err != nil {
		t.Fatal(err)
	}
	f.move(t, quiet.ID, referral.Move{Status: referral.StatusAccepted})
	tests := []struct {
		name, referral, service, reason string
	}{
		{"not accepted yet", f.newReferral(t).ID, svc, referral.ReasonNotOpen},
		{"no consent to share", quiet.ID, svc, referral.ReasonNoConsent},
		{"already connected", open.ID, svc, referral.ReasonAlreadyConnected},
		{"not quality assured", open.ID, unassured, directory.ReasonNotReferralReady},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := f.ref.Connect(f.worker, tt.referral, referral.ConnectionInput{ServiceID: tt.service, Reason: "x"}, "")
			wantRefusal(t, err, tt.reason)
		})
	}
	_, _, err = f.ref.Connect(f.worker, open.ID, referral.ConnectionInput{ServiceID: "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55", Reason: "x"}, "")
	if p, _ := err.(directory.Problems); p["service_id"] == "" {
		t.Fatalf("unknown service: %v", err)
	}
	if n := f.count(t, `SELECT count(*) FROM connections`); n != 1 {
		t.Fatalf("%d connections after refusals, want 1", n)
	}
	if _, _, err := f.ref.Connect(f.otherWorker, open.ID, referral.ConnectionInput{ServiceID: svc, Reason: "x"}, ""); err != directory.ErrNotFound {
		t.Fatalf("another team connecting: %v", err)
	}
}

func TestOnlyTheRightSideMovesAConnection(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Allotment club", places(5, 0))
	c := f.connect(t, f.accepted(t).ID, svc)
	tests := []struct {
		name string
		who  context.Context
		to   referral.ConnectionStatus
		kind error
	}{
		{"another organisation's editor", f.stranger, referral.ConnectionAccepted, directory.ErrForbidden},
		{"another team's link worker", f.otherWorker, referral.ConnectionCancelled, directory.ErrForbidden},
		{"the link worker accepting for the service", f.worker, referral.ConnectionAccepted, directory.ErrForbidden},
		{"the service cancelling for the link worker", f.editor, referral.ConnectionCancelled, directory.ErrForbidden},
		{"completing before it starts", f.editor, referral.ConnectionCompleted, directory.ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.ref.MoveConnection(tt.who, c.ID, referral.ConnectionMove{Status: tt.to})
			wantKind(t, err, tt.kind)
		})
	}
	after, _ := f.ref.Connection(f.worker, c.ID)
	if after.Status != referral.ConnectionRequested || len(after.History) != 1 || f.capacity(t, svc).Held != 1 {
		t.Fatalf("refused moves changed the connection: %s, %d events", after.Status, len(after.History))
	}
	if _, err := f.ref.InboxItem(f.stranger, c.ID); err != directory.ErrForbidden {
		t.Fatalf("another organisation reading the connection: %v", err)
	}
}

// TestResponseTargetInWorkingDays sends a request on a Friday to a service
// that answers within two working days: it is due on Tuesday and overdue
// from Wednesday, for both sides.
func TestResponseTargetInWorkingDays(t *testing.T) {
	f := newFixture(t)
	two := 2
	five := 5
	svc := f.service(t, f.org, "Debt advice drop-in", &directory.CapacityInput{Maximum: &five, ResponseDays: &two})
	r := f.accepted(t)
	f.now = time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC) // Friday
	c := f.connect(t, r.ID, svc)
	if c.RespondBy == nil || *c.RespondBy != "2026-03-10" || c.Overdue {
		t.Fatalf("respond by %v, overdue %v", c.RespondBy, c.Overdue)
	}
	f.now = time.Date(2026, 3, 10, 23, 30, 0, 0, time.UTC) // Tuesday, 23:30 in London
	if page := f.inbox(t, true); page.Total != 0 {
		t.Fatalf("overdue on its last day: %+v", page.Items)
	}
	f.now = time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	if page := f.inbox(t, true); page.Total != 1 || !page.Items[0].Overdue {
		t.Fatalf("inbox on Wednesday: %+v", page)
	}
	caseload, err := f.ref.Caseload(f.worker, referral.CaseloadFilter{TeamID: f.team, Flag: referral.FlagConnectionOverdue, Limit: 10})
	if err != nil || caseload.Total != 1 || caseload.Items[0].ID != r.ID {
		t.Fatalf("link worker's view: %+v %v", caseload, err)
	}
	load, err := f.ref.ServiceLoad(f.editor, svc)
	if err != nil || *load.Overdue != 1 {
		t.Fatalf("load: %+v %v", load, err)
	}
}

func (f *fixture) inbox(t *testing.T, overdue bool) referral.InboxPage {
	t.Helper()
	page, err := f.ref.Inbox(f.editor, referral.InboxFilter{Overdue: overdue, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func TestServiceLoad(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Tai chi", places(20, 0))
	var conns []referral.Connection
	for i := range 6 {
		f.now = start.Add(time.Duration(i) * 7 * 24 * time.Hour)
		conns = append(conns, f.connect(t, f.accepted(t).ID, svc))
	}
	f.now = f.now.Add(48 * time.Hour)
	for i, c := range conns[:5] {
		f.moveConnection(t, f.editor, c.ID, referral.ConnectionAccepted, "")
		if i < 2 {
			f.moveConnection(t, f.editor, c.ID, referral.ConnectionFailed, "did_not_attend")
		} else {
			f.moveConnection(t, f.editor, c.ID, referral.ConnectionInProgress, "")
		}
	}
	l, err := f.ref.ServiceLoad(f.editor, svc)
	if err != nil {
		t.Fatal(err)
	}
	received := 0
	for _, w := range l.Weeks {
		received += *w.Received
	}
	if len(l.Weeks) != 12 || received != 6 || *l.ActiveNow != 4 || *l.AcceptanceRate != 1 ||
		*l.DidNotAttendRate != 0.4 || l.MedianResponseHours == nil {
		t.Fatalf("load %+v", l)
	}
	if l.Weeks[11].WeekStarting != "2026-04-06" {
		t.Fatalf("last week starts %s, want this week's Monday", l.Weeks[11].WeekStarting)
	}
	commissioner, _ := f.user(t, directory.UserInput{Email: "c@icb.example", Role: directory.RoleCommissioner})
	seen, err := f.ref.ServiceLoad(commissioner, svc)
	if err != nil || seen.ActiveNow != nil || seen.Weeks[11].Received != nil || *seen.Weeks[0].Received != 0 ||
		*seen.DidNotAttendRate != 0.4 {
		t.Fatalf("commissioners see counts of five or more, and no others: %+v %v", seen, err)
	}
	if _, err := f.ref.ServiceLoad(f.stranger, svc); err != directory.ErrForbidden {
		t.Fatalf("another organisation's editor: %v", err)
	}
}

// TestInboxPages reads an inbox a page at a time: newest first, the total
// counting every connection, and a page past the end empty.
func TestInboxPages(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Lunch club", places(10, 0))
	var ids []string
	for range 5 {
		f.now = f.now.Add(time.Minute)
		ids = append(ids, f.connect(t, f.accepted(t).ID, svc).ID)
	}
	for _, c := range []struct {
		offset int
		want   []string
	}{{0, []string{ids[4], ids[3]}}, {2, []string{ids[2], ids[1]}}, {4, []string{ids[0]}}, {5, nil}} {
		page, err := f.ref.Inbox(f.editor, referral.InboxFilter{Limit: 2, Offset: c.offset})
		var got []string
		for _, it := range page.Items {
			got = append(got, it.ID)
		}
		wantTotal := 5
		if c.want == nil {
			wantTotal = 0
		}
		if err != nil || page.Total != wantTotal || !slices.Equal(got, c.want) {
			t.Errorf("offset %d: total %d, %v, %v; want %d, %v", c.offset, page.Total, got, err, wantTotal, c.want)
		}
	}
}
