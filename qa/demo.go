package qa

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"time"
)

// demoPlan is the status the demo gives an organisation by its position in
// the list: mostly assured for referrals, so search has plenty to offer, and
// one of every other status so each screen has something to show.
var demoPlan = []Status{
	StatusAssured, StatusAssured, StatusAssured, StatusExpiring, StatusAssured,
	StatusLapsed, StatusAssured, StatusInProgress, StatusNotStarted, StatusSuspended,
}

var demoPeople = []string{"Jean Robson", "Aisha Khan", "Tom Lawson", "Mary O'Neill", "Dave Pickering", "Priya Shah"}

// demoAnswer is the response the demo gives for one item of an organisation.
type demoAnswer struct {
	state                 string
	reference, attestedBy string
	date                  string // YYYY-MM-DD, or empty
	submitted, reviewed   time.Time
	expires               *time.Time
}

// demoReferences gives realistic references for the default checklist's
// items; %d is filled with a number unique to the organisation.
var demoReferences = map[string]string{
	"legal_form":                 "CIO %d",
	"public_liability_insurance": "Zurich Municipal ZM-PL-%d",
	"ico_registration":           "ZA%d",
	"privacy_notice":             "https://group%d.kith.example/privacy",
	"dbs_checks":                 "Befrienders and walk leaders: Enhanced with adults' barred list (%d checked)",
	"dbs_checks_children":        "Youth session leaders: Enhanced with children's barred list (%d checked)",
}

// demo makes organisation n's verified answer to it, dated so that it is in
// date at now unless the plan says it lapses or is expiring.
func (it Item) demo(n int, plan Status, now time.Time) demoAnswer {
	person := demoPeople[n%len(demoPeople)]
	a := demoAnswer{state: StateVerified, attestedBy: person,
		submitted: now.AddDate(0, 0, -70+n%20), reviewed: now.AddDate(0, 0, -65+n%20)}
	if it.Needs(NeedsReference) {
		a.reference = fmt.Sprintf(cmp.Or(demoReferences[it.Key], person+" (ref %d)"), 1100000+n*37)
	}
	var date *time.Time
	if it.Needs(NeedsDate) {
		days := -60
		switch {
		case it.Key == "public_liability_insurance" && plan == StatusExpiring:
			days = 12
		case it.Key == "public_liability_insurance" && plan == StatusLapsed:
			days = -6
		case it.Validity == ValidUntilEvidenceDate:
			days = 200 + n%90
		}
		d := now.UTC().AddDate(0, 0, days).Truncate(24 * time.Hour)
		date, a.date = &d, d.Format(dateLayout)
	}
	exp := it.ExpiresAt(date, a.submitted)
	a.expires = &exp
	return a
}

// demoPDF is a minimal, valid one-page PDF showing title, standing in for a
// scanned policy or certificate.
func demoPDF(title string) []byte {
	text := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(title)
	stream := fmt.Sprintf("BT /F1 14 Tf 72 760 Td (%s) Tj ET", text)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}
