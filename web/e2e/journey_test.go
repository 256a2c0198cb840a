package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// serviceEditor gives the organisation running a service an editor's
// account, as an admin does when a group joins Kith, and returns its email.
func serviceEditor(t *testing.T, srv *server, serviceID string) string {
	t.Helper()
	admin := signInAPI(t, srv, adminLogin)
	var svc struct {
		OrganisationID string `json:"organisation_id"`
	}
	admin.call("GET", "/api/services/"+serviceID, nil, &svc, 200)
	email := fmt.Sprintf("walk-leader-%d@kith.example", time.Now().UnixNano())
	admin.call("POST", "/api/users", map[string]any{"email": email, "name": "Walk leader", "role": "vcse_editor",
		"organisation_id": svc.OrganisationID, "password": demoPassword}, nil, 201)
	return email
}

// vcseAccepts: the organisation that received a connection finds it in its
// inbox and accepts it, in the browser.
func vcseAccepts(t *testing.T, srv *server, serviceID, conn string) {
	t.Helper()
	b := newTab(t, srv)
	b.signIn(serviceEditor(t, srv, serviceID))
	b.open("/app/inbox")
	link := "a[href='/app/connections/" + conn + "']"
	b.run(chromedp.Click(link, chromedp.ByQuery), chromedp.WaitVisible("form:has(input[value=accepted])", chromedp.ByQuery))
	b.check()
	b.submit("form:has(input[value=accepted]) button", ".nhsuk-notification-banner")
	if tag := b.text(".kith-card-tags"); tag != "Accepted" {
		t.Fatalf("after the group accepted, the connection is %q", tag)
	}
}

// lwSeesAccepted: back on the referral, the link worker sees the group's
// answer on the timeline.
func lwSeesAccepted(t *testing.T, b *tab, id, service string) {
	t.Helper()
	b.open("/app/referrals/" + id)
	if timeline := b.text(".lw-timeline"); !strings.Contains(timeline, "Accepted by the group: "+service) {
		t.Errorf("the timeline does not show %s accepting:\n%s", service, timeline)
	}
}
