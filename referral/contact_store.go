package referral

import (
	"context"

	"github.com/jmoiron/sqlx"

	"kith/directory"
	"kith/postgres"
)

// AddContact logs a contact with the person. The first contact that
// happened (not a missed one) sets the time to first contact and moves an
// accepted referral on to first_contact.
func (s *Store) AddContact(ctx context.Context, id string, in ContactInput) (Contact, error) {
	var out Contact
	err := s.withReferral(ctx, id, actionChange, "contact", func(tx *sqlx.Tx, st state, a act) error {
		if err := in.Validate(s.now()); err != nil {
			return err
		}
		if st.Status.Ended() {
			return refuse(ReasonNotOpen)
		}
		if today(in.at).Before(today(st.ReceivedAt)) {
			return directory.Problems{"at": "must not be before the referral was received"}
		}
		var err error
		out, err = addContact(ctx, tx, st, in, a)
		if err != nil || in.DidNotAttend || st.Status != StatusAccepted {
			return err
		}
		return move(ctx, tx, st, Move{Status: StatusFirstContact}, a)
	})
	return out, err
}

func addContact(ctx context.Context, tx *sqlx.Tx, st state, in ContactInput, a act) (Contact, error) {
	const q = `
WITH c AS (
    INSERT INTO referral_contacts (referral_id, kind, at, duration_minutes, notes, did_not_attend, recorded_by,
                                   recorded_at)
    VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid, $8) RETURNING *),
r AS (UPDATE referrals SET first_contact_at = LEAST(first_contact_at, $3) WHERE id = $1 AND NOT $6)
SELECT c.id, c.kind, c.at, c.duration_minutes, c.notes, c.did_not_attend, COALESCE(u.name, '') AS recorded_by,
       c.recorded_at
FROM c LEFT JOIN users u ON u.id = c.recorded_by`
	var out Contact
	err := tx.GetContext(ctx, &out, q, st.ID, in.Kind, in.at, in.DurationMinutes, in.Notes, in.DidNotAttend,
		a.by(), a.at)
	return out.local(), err
}

func (c Contact) local() Contact {
	c.At, c.RecordedAt = london(c.At), london(c.RecordedAt)
	return c
}

// Contacts lists the contacts with a person, newest first.
func (s *Store) Contacts(ctx context.Context, id string) ([]Contact, error) {
	const q = `
SELECT c.id, c.kind, c.at, c.duration_minutes, c.notes, c.did_not_attend, COALESCE(u.name, '') AS recorded_by,
       c.recorded_at
FROM referral_contacts c LEFT JOIN users u ON u.id = c.recorded_by
WHERE c.referral_id = $1 ORDER BY c.at DESC, c.id`
	var out []Contact
	err := s.withReferral(ctx, id, actionRead, "contacts", func(tx *sqlx.Tx, _ state, _ act) error {
		return postgres.MapError(tx.SelectContext(ctx, &out, q, id))
	})
	for i := range out {
		out[i] = out[i].local()
	}
	return nonNil(out), err
}
