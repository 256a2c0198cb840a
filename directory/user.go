package directory

import (
	"context"
	"strings"
	"time"
)

// Role is what a user does in Kith; it decides what they may see and change.
type Role string

const (
	RoleAdmin        Role = "admin"
	RoleQAReviewer   Role = "qa_reviewer"
	RoleLinkWorker   Role = "link_worker"
	RoleVCSEEditor   Role = "vcse_editor"
	RoleCommissioner Role = "commissioner"
)

// Roles lists every role, in the order people meet them in the docs.
var Roles = []Role{RoleAdmin, RoleQAReviewer, RoleLinkWorker, RoleVCSEEditor, RoleCommissioner}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// User is a signed-in person. Exactly one of OrganisationID (vcse_editor) and
// TeamID (link_worker) is set for those roles; AreaCode is a commissioner's
// local authority, empty meaning every area.
type User struct {
	ID             string    `db:"id" json:"id"`
	Email          string    `db:"email" json:"email"`
	Name           string    `db:"name" json:"name"`
	Role           Role      `db:"role" json:"role"`
	OrganisationID *string   `db:"organisation_id" json:"organisation_id,omitempty"`
	TeamID         *string   `db:"team_id" json:"team_id,omitempty"`
	AreaCode       string    `db:"area_code" json:"area_code,omitempty"`
	CreatedAt      time.Time `db:"created_at" json:"created_at"`
}

// Is reports whether u has one of roles. A nil user has none.
func (u *User) Is(roles ...Role) bool {
	if u == nil {
		return false
	}
	for _, r := range roles {
		if u.Role == r {
			return true
		}
	}
	return false
}

// EditsOrganisation reports whether u may change organisation id's listings.
func (u *User) EditsOrganisation(id string) bool {
	if u.Is(RoleAdmin) {
		return true
	}
	return u.Is(RoleVCSEEditor) && u.OrganisationID != nil && *u.OrganisationID == id
}

// Moderates reports whether u may approve or reject pending listing changes.
func (u *User) Moderates() bool { return u.Is(RoleAdmin, RoleQAReviewer) }

// UserInput is what `kith user add` and the admin API take.
type UserInput struct {
	Email          string `json:"email"`
	Name           string `json:"name"`
	Role           Role   `json:"role"`
	Password       string `json:"password"`
	OrganisationID string `json:"organisation_id"`
	TeamID         string `json:"team_id"`
	AreaCode       string `json:"area_code"`
}

// Validate checks the input's shape; whether the organisation, team and area
// exist is checked by the store.
func (in *UserInput) Validate() error {
	p := Problems{}
	in.Email = strings.TrimSpace(in.Email)
	p.Text("email", in.Email, true, maxName)
	p.Email("email", in.Email)
	p.Text("name", in.Name, false, maxName)
	if !in.Role.Valid() {
		p.Add("role", "must be one of admin, qa_reviewer, link_worker, vcse_editor, commissioner")
	}
	p.checkNewPassword("password", in.Password, in.Email)
	in.checkMembership(p)
	return p.Err()
}

func (in *UserInput) checkMembership(p Problems) {
	switch in.Role {
	case RoleVCSEEditor:
		p.UUID("organisation_id", in.OrganisationID, true)
	case RoleLinkWorker:
		p.UUID("team_id", in.TeamID, true)
	}
	if in.Role != RoleVCSEEditor && in.OrganisationID != "" {
		p.Add("organisation_id", "only a vcse_editor belongs to an organisation")
	}
	if in.Role != RoleLinkWorker && in.TeamID != "" {
		p.Add("team_id", "only a link_worker belongs to a team")
	}
	if in.Role != RoleCommissioner && in.AreaCode != "" {
		p.Add("area_code", "only a commissioner belongs to an area")
	}
}

// Team is a group of link workers, such as a primary care network's
// social-prescribing team or a council's connector scheme.
type Team struct {
	ID        string    `db:"id" json:"id"`
	Name      string    `db:"name" json:"name"`
	Kind      string    `db:"kind" json:"kind"`
	AreaCode  string    `db:"area_code" json:"area_code,omitempty"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// TeamKinds are the kinds of link-worker team England commissions.
var TeamKinds = []string{"pcn", "local_authority", "vcse", "other"}

// TeamInput creates a team.
type TeamInput struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	AreaCode string `json:"area_code"`
}

// Validate checks a team's fields.
func (in *TeamInput) Validate() error {
	p := Problems{}
	p.Text("name", in.Name, true, maxName)
	if in.Kind == "" {
		in.Kind = "pcn"
	}
	if !oneOf(in.Kind, TeamKinds...) {
		p.Add("kind", "must be one of %s", strings.Join(TeamKinds, ", "))
	}
	return p.Err()
}

type userKey struct{}

// WithUser returns a context carrying the acting user.
func WithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// UserFrom returns the acting user, or nil for an anonymous caller.
func UserFrom(ctx context.Context) *User {
	u, _ := ctx.Value(userKey{}).(*User)
	return u
}
