package demo

import (
	"context"
	"errors"
	"slices"
	"strings"

	"kith/directory"
)

// Password is every demo login's password. It is printed on purpose: the
// demo region is for trying Kith out, never for real people's data.
const Password = "kith-demo-2026"

// sunderland is the local authority the teams and the commissioner serve.
const sunderland = "E08000024"

type team struct{ key, name, kind string }

// teams are the link-worker teams of the region: one per primary care
// network, plus the council's own connector scheme.
var teams = []team{
	{"sunderland-east-pcn", "Sunderland East PCN social prescribing team", "pcn"},
	{"sunderland-west-pcn", "Sunderland West PCN social prescribing team", "pcn"},
	{"sunderland-north-pcn", "Sunderland North PCN social prescribing team", "pcn"},
	{"washington-pcn", "Washington PCN social prescribing team", "pcn"},
	{"coalfields-pcn", "Coalfields PCN social prescribing team", "pcn"},
	{"community-connectors", "Sunderland Community Connectors", "local_authority"},
}

func writeTeams(ctx context.Context, store *directory.Store) error {
	for _, t := range teams {
		in := directory.TeamInput{Name: t.name, Kind: t.kind, AreaCode: sunderland}
		if _, err := store.PutTeam(ctx, newID("team", t.key), in); err != nil {
			return err
		}
	}
	return nil
}

// login is one demo account and whom it acts for.
type login struct {
	in      directory.UserInput
	forWhom string
	user    directory.User
	created bool
}

func logins(r *region) []*login {
	vcse, vcse2 := r.firstOf("community"), r.firstOf("arts")
	add := func(email, name string, role directory.Role, forWhom string) *login {
		return &login{in: directory.UserInput{Email: email, Name: name, Role: role, Password: Password}, forWhom: forWhom}
	}
	l := []*login{
		add("admin@kith.example", "Alison Chambers", directory.RoleAdmin, "the whole directory"),
		add("qa@kith.example", "Priya Nair", directory.RoleQAReviewer, "quality assurance and moderation"),
		add("linkworker@kith.example", "Gemma Robson", directory.RoleLinkWorker, teams[0].name),
		add("linkworker2@kith.example", "Tomasz Nowak", directory.RoleLinkWorker, teams[4].name),
		add("vcse@kith.example", "Lesley Charlton", directory.RoleVCSEEditor, vcse.in.Name),
		add("vcse2@kith.example", "Imran Hussain", directory.RoleVCSEEditor, vcse2.in.Name),
		add("commissioner@kith.example", "David Armstrong", directory.RoleCommissioner, "Sunderland ("+sunderland+")"),
	}
	l[2].in.TeamID, l[3].in.TeamID = newID("team", teams[0].key), newID("team", teams[4].key)
	l[4].in.OrganisationID, l[5].in.OrganisationID = vcse.id, vcse2.id
	l[6].in.AreaCode = sunderland
	return l
}

// writeUsers creates the logins that do not exist yet. An existing one is
// left as it is, password included, so a second run changes nothing.
func writeUsers(ctx context.Context, store *directory.Store, ls []*login) error {
	var existing []directory.User
	for _, l := range ls {
		u, err := store.CreateUser(ctx, l.in)
		var p directory.Problems
		if errors.As(err, &p) && p["email"] != "" {
			if existing == nil {
				if existing, err = store.Users(ctx); err != nil {
					return err
				}
			}
			u, err = findUser(existing, l.in.Email)
		} else {
			l.created = err == nil
		}
		if err != nil {
			return err
		}
		l.user = u
	}
	return nil
}

func findUser(users []directory.User, email string) (directory.User, error) {
	i := slices.IndexFunc(users, func(u directory.User) bool { return strings.EqualFold(u.Email, email) })
	if i < 0 {
		return directory.User{}, errors.New("demo: " + email + " is taken but not listed")
	}
	return users[i], nil
}
