package directory

import (
	"context"
	"errors"

	"github.com/jmoiron/sqlx"

	"kith/postgres"
)

// PasswordChange is what a signed-in user gives to change their password.
type PasswordChange struct {
	Current string `json:"current_password"`
	New     string `json:"new_password"`
}

// ChangePassword sets the acting user's new password once their current one
// is confirmed, ends every session they hold and returns the token of a new
// one: whoever else knew the old password or held a session is shut out.
// Wrong current passwords count towards the account's sign-in throttle, so
// a session left open does not become a way to guess at speed.
func (s *Store) ChangePassword(ctx context.Context, in PasswordChange) (string, error) {
	u := UserFrom(ctx)
	if u == nil || u.ID == "" {
		return "", ErrUnauthenticated
	}
	p := Problems{}
	if in.Current == "" {
		p.Add("current_password", "is required")
	}
	p.checkNewPassword("new_password", in.New, u.Email)
	if in.New == in.Current {
		p.Add("new_password", "must differ from your current password")
	}
	if err := p.Err(); err != nil {
		return "", err
	}
	account := throttleKey("account", u.Email)
	if err := s.throttled(ctx, account, nil); err != nil {
		return "", err
	}
	if _, err := s.checkCredentials(ctx, u.Email, in.Current); errors.Is(err, ErrUnauthenticated) {
		if ferr := s.loginFailed(ctx, account); ferr != nil {
			return "", ferr
		}
		return "", Problems{"current_password": "is not your current password"}
	} else if err != nil {
		return "", err
	}
	hash, err := HashPassword(in.New)
	if err != nil {
		return "", err
	}
	err = s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, u.ID, hash); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, u.ID)
		return err
	})
	if err != nil {
		return "", postgres.MapError(err)
	}
	return s.openSession(ctx, u.ID)
}
