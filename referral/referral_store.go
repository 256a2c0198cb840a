package referral

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// state is what permission checks and status rules need to know about a
// referral, read (and locked, for changes) as a transaction starts.
type state struct {
	ID         string    `db:"id"`
	TeamID     string    `db:"team_id"`
	Status     Status    `db:"status"`
	ReceivedAt time.Time `db:"received_at"`
	LSOA       string    `db:"lsoa"`
	LAD        string    `db:"lad"`
	IMDDecile  int       `db:"imd_decile"`
}

func readState(ctx context.Context, tx *sqlx.Tx, id string, lock bool) (state, error) {
	q := `SELECT r.id, r.team_id, r.status, r.received_at, p.lsoa, p.lad, COALESCE(p.imd_decile, 0) AS imd_decile
FROM referrals r JOIN people p ON p.id = r.person_id WHERE r.id = $1`
	if lock {
		q += ` FOR UPDATE OF r`
	}
	var st state
	return st, notFound(tx.GetContext(ctx, &st, q, id))
}

// notFound maps a missing row to directory.ErrNotFound and other errors to
// their kinds.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return directory.ErrNotFound
	}
	return postgres.MapError(err)
}

// withReferral runs fn in one transaction on referral id once the acting user
// is known to hold it, and audits the access as action on what. To anyone
// else the referral does not exist; fn checks its input, so that they do not
// learn what it would accept either. Changes lock the referral, so two at once
// queue rather than race. Everything fn reads or writes is found by key, so
// the transaction is a KeyTx.
func (s *Store) withReferral(ctx context.Context, id, action, what string, fn func(*sqlx.Tx, state, act) error) error {
	a := s.actNow(ctx)
	return s.db.KeyTx(ctx, func(tx *sqlx.Tx) error {
		st, err := readState(ctx, tx, id, action != actionRead)
		if err != nil {
			return err
		}
		if !holds(a.user, st.TeamID) {
			return directory.ErrNotFound
		}
		if err := fn(tx, st, a); err != nil {
			return err
		}
		return audit(ctx, tx, a, action, what, id)
	})
}

// contactCounts adds a referral's contact figures (alias c) to a query on
// referrals r.
const contactCounts = `
CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE NOT x.did_not_attend) AS contacts,
                           count(*) FILTER (WHERE x.did_not_attend) AS did_not_attend,
                           max(x.at) FILTER (WHERE NOT x.did_not_attend) AS last_contact_at
                    FROM referral_contacts x WHERE x.referral_id = r.id) c`

const referralSelect = `
SELECT r.id, r.team_id, t.name AS team_name, r.link_worker_id, COALESCE(w.name, '') AS link_worker_name,
       p.id AS person_id, p.name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
       COALESCE(p.nhs_number, '') AS nhs_number, p.postcode, p.lsoa, p.lad, COALESCE(p.imd_decile, 0) AS imd_decile,
       p.phone, p.email, p.address, p.contact_by, p.contact_notes, p.language, p.interpreter,
       r.source, r.referrer_name, r.referrer_organisation, r.referrer_phone, r.referrer_email,
       r.reason, r.urgency, r.status, r.status_reason, r.redirected_to, r.received_at, r.status_at,
       r.first_contact_at, c.contacts, c.did_not_attend, c.last_contact_at,
       COALESCE((SELECT json_agg(json_build_object('code', x.code, 'name', x.name) ORDER BY x.name)
                 FROM referral_needs n JOIN taxonomy_terms x ON x.id = n.term_id
                 WHERE n.referral_id = r.id), '[]') AS needs,
       COALESCE((SELECT json_agg(json_build_object('kind', k.kind, 'given', k.given,
                 'recorded_by', k.recorded_by, 'given_at', k.given_at) ORDER BY k.kind)
                 FROM (SELECT DISTINCT ON (kind) * FROM consents WHERE referral_id = r.id
                       ORDER BY kind, given_at DESC, id DESC) k), '[]') AS consents,
       COALESCE((SELECT json_agg(json_build_object('from', e.from_status, 'to', e.to_status,
                 'reason', e.reason, 'note', e.note, 'snomed_code', e.snomed_code,
                 'by', COALESCE(u.name, ''), 'at', e.at) ORDER BY e.id)
                 FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id
                 WHERE e.referral_id = r.id), '[]') AS history
FROM referrals r
JOIN people p ON p.id = r.person_id
JOIN teams t ON t.id = r.team_id
LEFT JOIN users w ON w.id = r.link_worker_id` + contactCounts + `
WHERE r.id = $1`

// referralRow flattens a referral for scanning; it is never sent as JSON.
type referralRow struct {
	Referral
	Person      `json:"-"`
	Referrer    `json:"-"`
	NeedsCol    postgres.JSON[[]Need]    `db:"needs"`
	ConsentsCol postgres.JSON[[]Consent] `db:"consents"`
	HistoryCol  postgres.JSON[[]Event]   `db:"history"`
}

func (r referralRow) referral() Referral {
	out := r.Referral
	out.Person, out.Referrer = r.Person, r.Referrer
	out.Needs, out.Consents, out.History = nonNil(r.NeedsCol.V), nonNil(r.ConsentsCol.V), nonNil(r.HistoryCol.V)
	out.Next = out.Status.Next()
	if out.FirstContactAt != nil {
		d := daysBetween(out.ReceivedAt, *out.FirstContactAt)
		out.DaysToContact = &d
	}
	out.ReceivedAt, out.StatusAt = london(out.ReceivedAt), london(out.StatusAt)
	out.FirstContactAt, out.LastContactAt = londonPtr(out.FirstContactAt), londonPtr(out.LastContactAt)
	for i := range out.Consents {
		out.Consents[i].GivenAt = london(out.Consents[i].GivenAt)
	}
	for i := range out.History {
		out.History[i].At = london(out.History[i].At)
	}
	return out
}

func loadReferral(ctx context.Context, tx *sqlx.Tx, id string) (Referral, error) {
	var row referralRow
	if err := tx.GetContext(ctx, &row, referralSelect, id); err != nil {
		return Referral{}, notFound(err)
	}
	return row.referral(), nil
}

// Referral returns one referral, to its team and admins.
func (s *Store) Referral(ctx context.Context, id string) (Referral, error) {
	var out Referral
	err := s.withReferral(ctx, id, actionRead, "referral", func(tx *sqlx.Tx, _ state, _ act) error {
		var err error
		out, err = loadReferral(ctx, tx, id)
		return err
	})
	return out, err
}

// CreateReferral records a new referral to the acting link worker's team
// (admins name the team). With a key, a retry by the same user returns the
// first answer and creates nothing more; replayed says when that happened.
func (s *Store) CreateReferral(ctx context.Context, in ReferralInput, key string) (r Referral, replayed bool, err error) {
	a := s.actNow(ctx)
	if !a.user.Is(directory.RoleLinkWorker, directory.RoleAdmin) {
		return Referral{}, false, denied(a.user)
	}
	fp := fingerprint(in)
	if err := checkKey(key); err != nil {
		return Referral{}, false, err
	}
	if err := in.Validate(a.at); err != nil {
		return Referral{}, false, err
	}
	team, err := teamFor(a.user, in.TeamID)
	if err != nil {
		return Referral{}, false, err
	}
	err = s.db.KeyTx(ctx, func(tx *sqlx.Tx) error {
		replayed, err = once(ctx, tx, a, "create_referral", key, fp, &r, func() error {
			id := uuid.NewString()
			err := createReferral(ctx, tx, id, in, team, workerFor(a.user, in.LinkWorkerID), a)
			if err == nil {
				r, err = loadReferral(ctx, tx, id)
			}
			return err
		})
		if err != nil {
			return err
		}
		action := actionCreate
		if replayed {
			action = actionRead
		}
		return audit(ctx, tx, a, action, "referral", r.ID)
	})
	return r, replayed, err
}

// teamFor is the team a new referral goes to: a link worker's own, or the
// one an admin names.
func teamFor(u *directory.User, asked string) (string, error) {
	if u.Is(directory.RoleLinkWorker) {
		if asked != "" && asked != *u.TeamID {
			return "", directory.Problems{"team_id": "link workers refer to their own team"}
		}
		return *u.TeamID, nil
	}
	if asked == "" {
		return "", directory.Problems{"team_id": "is required: name the team to refer to"}
	}
	return asked, nil
}

// workerFor is who a new referral is assigned to: whoever was asked for,
// else the link worker making it.
func workerFor(u *directory.User, asked string) string {
	if asked == "" && u.Is(directory.RoleLinkWorker) {
		return u.ID
	}
	return asked
}

// createReferral writes validated referral id as received at a.at, with its
// person, needs, consents and first event.
func createReferral(ctx context.Context, tx *sqlx.Tx, id string, in ReferralInput, team, worker string, a act) error {
	if err := checkWorker(ctx, tx, team, worker); err != nil {
		return err
	}
	if err := checkNeedCodes(ctx, tx, in.Needs); err != nil {
		return err
	}
	if err := insertReferral(ctx, tx, id, in, team, worker, a); err != nil {
		return err
	}
	if err := insertNeeds(ctx, tx, id, in.Needs); err != nil {
		return err
	}
	if err := referralConsents(ctx, tx, id, in.Consent, a); err != nil {
		return err
	}
	return insertEvent(ctx, tx, id, "", Move{Status: StatusReceived}, a)
}

func insertReferral(ctx context.Context, tx *sqlx.Tx, id string, in ReferralInput, team, worker string, a act) error {
	const q = `
WITH p AS (
    INSERT INTO people (name, date_of_birth, nhs_number, postcode, lsoa, lad, imd_decile, phone, email,
                        address, contact_by, contact_notes, language, interpreter, created_at)
    VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6, NULLIF($7, 0), $8, $9, $10, $11, $12, $13, $14, $15)
    RETURNING id)
INSERT INTO referrals (id, person_id, team_id, link_worker_id, source, referrer_name, referrer_organisation,
                       referrer_phone, referrer_email, reason, urgency, status, received_at, status_at, created_by)
SELECT $26, p.id, $16, NULLIF($17, '')::uuid, $18, $19, $20, $21, $22, $23, $24, 'received', $15, $15,
       NULLIF($25, '')::uuid
FROM p`
	h := in.Person
	lsoa, lad, imd := area(h.Postcode)
	_, err := tx.ExecContext(ctx, q, h.Name, h.DateOfBirth, h.NHSNumber, h.Postcode, lsoa, lad, imd, h.Phone,
		h.Email, h.Address, h.ContactBy, h.ContactNotes, h.Language, h.Interpreter, a.at, team, worker,
		in.Source, in.Referrer.Name, in.Referrer.Organisation, in.Referrer.Phone, in.Referrer.Email,
		in.Reason, in.Urgency, a.by(), id)
	return referralProblems(err)
}

// referralProblems turns constraint failures into answers a person can act
// on.
func referralProblems(err error) error {
	var pe *postgres.Error
	if errors.As(postgres.MapError(err), &pe) && pe.Constraint == "referrals_team_id_fkey" {
		return directory.Problems{"team_id": "is not a team"}
	}
	return err
}

// checkWorker insists an assignee is a link worker of the team.
func checkWorker(ctx context.Context, tx *sqlx.Tx, team, worker string) error {
	if worker == "" {
		return nil
	}
	const q = `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND team_id = $2 AND role = 'link_worker'
AND NOT disabled)`
	var ok bool
	if err := tx.GetContext(ctx, &ok, q, worker, team); err != nil {
		return err
	}
	if !ok {
		return directory.Problems{"link_worker_id": "is not a link worker in the team"}
	}
	return nil
}

// checkNeedCodes names, by position, each code that is not in the taxonomy.
func checkNeedCodes(ctx context.Context, tx *sqlx.Tx, codes []string) error {
	const q = `SELECT code FROM taxonomy_terms WHERE code = ANY($1)`
	var known []string
	if err := tx.SelectContext(ctx, &known, q, pq.Array(codes)); err != nil {
		return err
	}
	p := directory.Problems{}
	for i, c := range codes {
		if !slices.Contains(known, c) {
			p.Add(fmt.Sprintf("needs[%d]", i), "%q is not a need in the taxonomy", c)
		}
	}
	return p.Err()
}

func insertNeeds(ctx context.Context, tx *sqlx.Tx, id string, codes []string) error {
	const q = `INSERT INTO referral_needs (referral_id, term_id) SELECT $1, id FROM taxonomy_terms WHERE code = ANY($2)`
	_, err := tx.ExecContext(ctx, q, id, pq.Array(codes))
	return err
}
