package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/geo"
)

// usersData is the users page: every account and what the create form
// offers.
type usersData struct {
	Users         dataTable
	Roles         []option
	Organisations []option
	Teams         []option
	Areas         []option
	MinPassword   int
}

// roleLabels name the roles in plain words.
var roleLabels = map[directory.Role]string{
	directory.RoleAdmin:        "Admin",
	directory.RoleQAReviewer:   "Quality reviewer",
	directory.RoleLinkWorker:   "Link worker",
	directory.RoleVCSEEditor:   "Community organisation editor",
	directory.RoleCommissioner: "Commissioner",
}

var userFieldNames = namedFields(map[string]string{"email": "Email address", "name": "Name", "role": "Role",
	"password": "Password", "organisation_id": "Organisation", "team_id": "Team", "area_code": "Area"})

func (s *server) usersPage(c *fiber.Ctx) error {
	return s.renderUsers(c, fiber.StatusOK, s.view(c, "Users and roles"))
}

func (s *server) renderUsers(c *fiber.Ctx, status int, v *view) error {
	users, teams, err := s.accounts(c)
	if err != nil {
		return err
	}
	orgs, err := s.allOrganisations(c)
	if err != nil {
		return err
	}
	d := usersData{Organisations: orgs, Areas: areaOptions("All of England"), MinPassword: directory.MinPasswordLength}
	for _, r := range directory.Roles {
		d.Roles = append(d.Roles, option{Value: string(r), Label: roleLabels[r]})
	}
	d.Teams = []option{{Value: "", Label: "Choose a team"}}
	for _, t := range teams {
		d.Teams = append(d.Teams, option{Value: t.ID, Label: t.Name})
	}
	d.Users = dataTable{Caption: "Every account, by email address", Head: heads([]string{"Email address", "Name", "Role", "Works for"})}
	for _, u := range users {
		d.Users.Rows = append(d.Users.Rows, []cell{textCell(u.Email), textCell(u.Name), textCell(roleLabels[u.Role]),
			textCell(userBelongs(u, orgs, d.Teams))})
	}
	v.Back, v.Data = "/app/admin", d
	return s.render(c, status, "admin_users", v)
}

// accounts are every user and every link-worker team.
func (s *server) accounts(c *fiber.Ctx) ([]directory.User, []directory.Team, error) {
	users, err := s.dir.Users(c.UserContext())
	if err != nil {
		return nil, nil, err
	}
	teams, err := s.dir.Teams(c.UserContext())
	return users, teams, err
}

// userBelongs says whom an account works for: its organisation, team or area.
func userBelongs(u directory.User, orgs, teams []option) string {
	switch {
	case u.OrganisationID != nil:
		return optionLabel(orgs, *u.OrganisationID)
	case u.TeamID != nil:
		return optionLabel(teams, *u.TeamID)
	case u.Role == directory.RoleCommissioner && u.AreaCode == "":
		return "All of England"
	case u.AreaCode != "":
		name, _ := geo.LocalAuthority(u.AreaCode)
		return name + " (" + u.AreaCode + ")"
	}
	return ""
}

func optionLabel(opts []option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

// allOrganisations lists every published organisation for the picker,
// with a first choice that picks none.
func (s *server) allOrganisations(c *fiber.Ctx) ([]option, error) {
	const pageSize = 500
	out := []option{{Value: "", Label: "Choose an organisation"}}
	for offset := 0; ; offset += pageSize {
		p, err := s.dir.Organisations(c.UserContext(), pageSize, offset)
		if err != nil {
			return nil, err
		}
		for _, o := range p.Items {
			out = append(out, option{Value: o.ID, Label: o.Name})
		}
		if offset+pageSize >= p.Total {
			return out, nil
		}
	}
}

// areaOptions are the local authorities, after a first choice meaning none.
func areaOptions(none string) []option {
	out := []option{{Value: "", Label: none}}
	for _, la := range geo.LocalAuthorities() {
		out = append(out, option{Value: la.Code, Label: la.Name})
	}
	return out
}

// createUserPost adds an account. Only the membership the role needs is sent
// to the store: the form shows every membership field, and a team left
// chosen for someone made an editor is not a mistake worth an error.
func (s *server) createUserPost(c *fiber.Ctx) error {
	v := s.view(c, "Users and roles")
	f := formOf(c)
	v.Form = f
	in := directory.UserInput{Email: f.Value("email"), Name: f.Value("name"), Role: directory.Role(f.Value("role")),
		Password: f.values.Get("password")}
	switch in.Role {
	case directory.RoleVCSEEditor:
		in.OrganisationID = f.Value("organisation_id")
	case directory.RoleLinkWorker:
		in.TeamID = f.Value("team_id")
	case directory.RoleCommissioner:
		in.AreaCode = f.Value("area_code")
	}
	checkUserForm(f, in)
	if f.Valid() {
		u, err := s.dir.CreateUser(c.UserContext(), in)
		if err == nil {
			flash(c, "Account created for "+u.Email+": give them their password in person or by phone, never by email")
			return redirect(c, "/app/admin/users")
		}
		if !absorbNamed(f, err, userFieldNames) {
			return err
		}
	}
	f.Set("password", "")
	return s.renderUsers(c, fiber.StatusUnprocessableEntity, v)
}

// checkUserForm asks for what the form needs in the words of the form;
// the store checks the rest.
func checkUserForm(f *form, in directory.UserInput) {
	if in.Email == "" {
		f.Fail("email", "Enter their email address")
	}
	switch {
	case in.Role == "":
		f.Fail("role", "Choose what they do in Kith")
	case in.Role == directory.RoleVCSEEditor && in.OrganisationID == "":
		f.Fail("organisation_id", "Choose the organisation they keep listings for")
	case in.Role == directory.RoleLinkWorker && in.TeamID == "":
		f.Fail("team_id", "Choose the team they work in")
	}
	if len(in.Password) < directory.MinPasswordLength {
		f.Fail("password", fmt.Sprintf("Enter a password of at least %d characters", directory.MinPasswordLength))
	}
}
