package directory

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"

	"kith/geo"
	"kith/postgres"
)

// A session ends SessionIdle after its last use, and SessionTTL after it
// began however busy it is, so a token left in a shared browser or copied
// from one stops working within a working day.
const (
	SessionTTL  = 12 * time.Hour
	SessionIdle = 2 * time.Hour
)

// CreateUser adds an account. Admins may do it through the API; the command
// line runs as the system itself (see SystemUser).
func (s *Store) CreateUser(ctx context.Context, in UserInput) (User, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return User{}, forbiddenOrAnonymous(u)
	}
	if err := in.Validate(); err != nil {
		return User{}, err
	}
	if in.AreaCode != "" {
		if _, ok := geo.LocalAuthority(in.AreaCode); !ok {
			return User{}, Problems{"area_code": "is not a local authority code such as E08000024"}
		}
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return User{}, err
	}
	const q = `
INSERT INTO users (email, name, password_hash, role, organisation_id, team_id, area_code)
VALUES ($1, $2, $3, $4, NULLIF($5, '')::uuid, NULLIF($6, '')::uuid, $7)
RETURNING id, email, name, role, organisation_id, team_id, area_code, created_at`
	var u User
	err = s.db.GetContext(ctx, &u, q, in.Email, in.Name, hash, in.Role, in.OrganisationID, in.TeamID, in.AreaCode)
	return u, userProblems(postgres.MapError(err))
}

// userProblems turns constraint failures into answers a person can act on.
func userProblems(err error) error {
	var pe *postgres.Error
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Constraint {
	case "users_email_idx":
		return Problems{"email": "is already in use"}
	case "users_organisation_id_fkey":
		return Problems{"organisation_id": "is not an organisation in the directory"}
	case "users_team_id_fkey":
		return Problems{"team_id": "is not a team"}
	}
	return err
}

// SystemUser is the identity command-line tools act as: an admin that is not
// a row in the users table, so it has no id and its versions no author.
func SystemUser() *User {
	return &User{Email: "system", Role: RoleAdmin}
}

const userColumns = `u.id, u.email, u.name, u.role, u.organisation_id, u.team_id, u.area_code, u.created_at`

// Login checks an email and password and opens a session, returning its
// token. Unknown emails cost the same time as wrong passwords.
func (s *Store) Login(ctx context.Context, email, password string) (string, User, error) {
	u, err := s.checkCredentials(ctx, email, password)
	if err != nil {
		return "", User{}, err
	}
	token, err := s.openSession(ctx, u.ID)
	return token, u, err
}

// checkCredentials returns the enabled account email and password belong to,
// or ErrUnauthenticated.
func (s *Store) checkCredentials(ctx context.Context, email, password string) (User, error) {
	const q = `SELECT ` + userColumns + `, u.password_hash FROM users u
WHERE lower(u.email) = lower($1) AND NOT u.disabled`
	var row struct {
		User
		Hash string `db:"password_hash"`
	}
	err := s.db.GetContext(ctx, &row, q, strings.TrimSpace(email))
	if err != nil && !isNoRows(err) {
		return User{}, postgres.MapError(err)
	}
	if isNoRows(err) {
		row.Hash = dummyHash
	}
	ok, herr := CheckPassword(row.Hash, password)
	if err != nil || herr != nil || !ok {
		return User{}, ErrUnauthenticated
	}
	return row.User, nil
}

// dummyHash is checked against when the email is unknown, so response time
// does not reveal which emails have accounts.
var dummyHash, _ = HashPassword("no such user, no such password")

func (s *Store) openSession(ctx context.Context, userID string) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(raw)
	now := s.now().UTC()
	// The user's dead sessions go as a new one starts, so the table holds
	// only live ones without a sweeper.
	const q = `
WITH gone AS (DELETE FROM sessions WHERE user_id = $2 AND (expires_at <= $3 OR last_seen_at <= $5))
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)`
	_, err := s.db.ExecContext(ctx, q, tokenHash(token), userID, now, now.Add(SessionTTL), now.Add(-SessionIdle))
	return token, postgres.MapError(err)
}

func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// sessionTouch is how stale a session's last use may get before a request
// records a new one. Recording every request made every request a write,
// and made one person's parallel requests queue on their session's row; the
// price is that an idle session may end up to this much before SessionIdle.
const sessionTouch = time.Minute

// UserBySession returns the user a live session token belongs to and, at
// most once every sessionTouch, marks the session used now.
func (s *Store) UserBySession(ctx context.Context, token string) (*User, error) {
	const q = `
SELECT ` + userColumns + `, s.last_seen_at
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND NOT u.disabled`
	now, hash := s.now().UTC(), tokenHash(token)
	var row struct {
		User
		LastSeen time.Time `db:"last_seen_at"`
	}
	err := s.db.Lookups().GetContext(ctx, &row, q, hash, now, now.Add(-SessionIdle))
	if isNoRows(err) {
		return nil, ErrUnauthenticated
	}
	if err != nil {
		return nil, postgres.MapError(err)
	}
	if now.Sub(row.LastSeen) >= sessionTouch {
		const touch = `UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`
		if _, err := s.db.ExecContext(ctx, touch, hash, now); err != nil {
			return nil, postgres.MapError(err)
		}
	}
	return &row.User, nil
}

// Logout ends a session.
func (s *Store) Logout(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash(token))
	return postgres.MapError(err)
}

// Users lists accounts for admins.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return nil, forbiddenOrAnonymous(u)
	}
	var out []User
	err := s.db.SelectContext(ctx, &out, `SELECT `+userColumns+` FROM users u ORDER BY lower(u.email)`)
	return nonNil(out), postgres.MapError(err)
}

// TeamLinkWorkers lists the active link workers of a team by name, for
// assigning its referrals; the team's own link workers and admins may.
func (s *Store) TeamLinkWorkers(ctx context.Context, teamID string) ([]User, error) {
	u := UserFrom(ctx)
	mine := u.Is(RoleLinkWorker) && u.TeamID != nil && *u.TeamID == teamID
	if !mine && !u.Is(RoleAdmin) {
		return nil, forbiddenOrAnonymous(u)
	}
	const q = `SELECT ` + userColumns + ` FROM users u
WHERE u.team_id = $1 AND u.role = 'link_worker' AND NOT u.disabled ORDER BY u.name, u.email`
	var out []User
	err := s.db.SelectContext(ctx, &out, q, teamID)
	return nonNil(out), postgres.MapError(err)
}

// CreateTeam adds a link-worker team; admins only.
func (s *Store) CreateTeam(ctx context.Context, in TeamInput) (Team, error) {
	return s.PutTeam(ctx, uuid.NewString(), in)
}

// PutTeam creates or renames team id; admins only. The demo uses fixed ids so
// loading it twice leaves one copy.
func (s *Store) PutTeam(ctx context.Context, id string, in TeamInput) (Team, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return Team{}, forbiddenOrAnonymous(u)
	}
	if err := in.Validate(); err != nil {
		return Team{}, err
	}
	const q = `
INSERT INTO teams (id, name, kind, area_code) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, area_code = EXCLUDED.area_code
RETURNING id, name, kind, area_code, created_at`
	var t Team
	err := postgres.MapError(s.db.GetContext(ctx, &t, q, id, in.Name, in.Kind, in.AreaCode))
	var pe *postgres.Error
	if errors.As(err, &pe) && pe.Constraint == "teams_name_key" {
		return Team{}, Problems{"name": "a team with this name already exists"}
	}
	return t, err
}

// Teams lists teams by name.
func (s *Store) Teams(ctx context.Context) ([]Team, error) {
	var out []Team
	err := s.db.SelectContext(ctx, &out, `SELECT id, name, kind, area_code, created_at FROM teams ORDER BY name`)
	return nonNil(out), postgres.MapError(err)
}
