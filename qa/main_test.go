package qa_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// start is the tests' "today": every clock begins here.
var start = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

type fixture struct {
	db       *postgres.DB
	dir      *directory.Store
	qa       *qa.Store
	now      time.Time
	org      string
	editor   context.Context // vcse_editor of org
	reviewer context.Context // qa_reviewer
	admin    context.Context
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{db: pgtest.New(t), now: start}
	f.dir = directory.NewStore(f.db)
	f.qa = qa.NewStore(f.db, f.dir, func() time.Time { return f.now })
	f.admin = directory.WithUser(context.Background(), directory.SystemUser())
	f.org = f.newOrg(t, "Roker Walkers")
	f.editor = f.user(t, "ed@roker.example", directory.RoleVCSEEditor, f.org)
	f.reviewer = f.user(t, "rev@kith.example", directory.RoleQAReviewer, "")
	return f
}

func (f *fixture) newOrg(t *testing.T, name string) string {
	t.Helper()
	org, _, err := f.dir.CreateOrganisation(f.admin, directory.OrganisationInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return org.ID
}

func (f *fixture) user(t *testing.T, email string, role directory.Role, org string) context.Context {
	t.Helper()
	u, err := f.dir.CreateUser(f.admin, directory.UserInput{Email: email, Role: role, OrganisationID: org, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	return directory.WithUser(context.Background(), &u)
}

func (f *fixture) status(t *testing.T, tier qa.Tier) qa.TierStatus {
	t.Helper()
	all, err := f.qa.Statuses(context.Background(), []string{f.org})
	if err != nil {
		t.Fatal(err)
	}
	return all[f.org].At(tier)
}

func (f *fixture) wantStatus(t *testing.T, tier qa.Tier, want qa.Status) {
	t.Helper()
	if got := f.status(t, tier); got.Status != want {
		t.Fatalf("status at %s on %s = %s, want %s", tier, f.now.Format(time.DateOnly), got.Status, want)
	}
}

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

func currentTemplate(t *testing.T, s *qa.Store) qa.Template {
	t.Helper()
	ts, err := s.Templates(context.Background())
	if err != nil || len(ts) == 0 {
		t.Fatalf("templates: %v", err)
	}
	return ts[0]
}

// answer fills in a complete draft for it: evidence dated so it is valid for
// a year from the fixture's clock, or insuranceExpiry for expiry-dated items.
func (f *fixture) answer(t *testing.T, ctx context.Context, org string, it qa.Item, insuranceExpiry time.Time) {
	t.Helper()
	in := qa.ItemInput{Reference: "CIO 1187654"}
	if it.Needs(qa.NeedsDate) {
		in.EvidenceDate = f.now.AddDate(0, 0, -7).Format(time.DateOnly)
		if it.Validity == qa.ValidUntilEvidenceDate {
			in.EvidenceDate = insuranceExpiry.Format(time.DateOnly)
		}
	}
	if it.Needs(qa.NeedsAttestation) {
		yes := true
		in.Attestation, in.AttestedBy = &yes, "Jean Robson"
	}
	if _, err := f.qa.SaveItem(ctx, org, it.Key, in); err != nil {
		t.Fatalf("save %s: %v", it.Key, err)
	}
	if it.Needs(qa.NeedsDocument) {
		if _, err := f.qa.AddEvidence(ctx, org, it.Key, it.Key+".pdf", minimalPDF); err != nil {
			t.Fatalf("evidence %s: %v", it.Key, err)
		}
	}
}

// fill answers every item required at tier, submits, has the reviewer verify
// each submission and confirms the listing.
func (f *fixture) fill(t *testing.T, tier qa.Tier, insuranceExpiry time.Time) {
	t.Helper()
	for _, it := range currentTemplate(t, f.qa).Items {
		if it.RequiredAt(tier) && !it.Needs(qa.NeedsListing) {
			f.answer(t, f.editor, f.org, it, insuranceExpiry)
		}
	}
	rs, err := f.qa.Submit(f.editor, f.org)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	for _, r := range rs {
		if _, err := f.qa.Review(f.reviewer, r.ID, true, ""); err != nil {
			t.Fatalf("verify %s: %v", r.ItemKey, err)
		}
	}
	if _, err := f.qa.ConfirmListing(f.editor, f.org); err != nil {
		t.Fatal(err)
	}
}

var minimalPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// docx builds a ZIP archive holding the named parts.
func docx(t testing.TB, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<w:document/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func wantKind(t *testing.T, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error %v, want kind %v", err, kind)
	}
}
