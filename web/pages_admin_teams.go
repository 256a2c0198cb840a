package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/geo"
)

// teamsData is the teams page: every link-worker team and the form to add
// one.
type teamsData struct {
	Teams dataTable
	Kinds []option
	Areas []option
}

// teamKindLabels name the kinds of team in plain words.
var teamKindLabels = map[string]string{
	"pcn": "Primary care network", "local_authority": "Local authority", "vcse": "Voluntary sector", "other": "Other",
}

var teamFieldNames = namedFields(map[string]string{"name": "Team name", "kind": "Kind of team", "area_code": "Area"})

func (s *server) teamsPage(c *fiber.Ctx) error {
	return s.renderTeams(c, fiber.StatusOK, s.view(c, "Link-worker teams"))
}

func (s *server) renderTeams(c *fiber.Ctx, status int, v *view) error {
	teams, err := s.dir.Teams(c.UserContext())
	if err != nil {
		return err
	}
	d := teamsData{Areas: areaOptions("No particular area"), Teams: dataTable{Caption: "Every link-worker team, by name",
		Head: heads([]string{"Team", "Kind", "Area"}), Empty: "There are no teams yet."}}
	for _, k := range directory.TeamKinds {
		d.Kinds = append(d.Kinds, option{Value: k, Label: teamKindLabels[k]})
	}
	for _, t := range teams {
		area := ""
		if t.AreaCode != "" {
			name, _ := geo.LocalAuthority(t.AreaCode)
			area = name + " (" + t.AreaCode + ")"
		}
		d.Teams.Rows = append(d.Teams.Rows, []cell{textCell(t.Name), textCell(teamKindLabels[t.Kind]), textCell(area)})
	}
	v.Back, v.Data = "/app/admin/users", d
	return s.render(c, status, "admin_teams", v)
}

func (s *server) createTeamPost(c *fiber.Ctx) error {
	v := s.view(c, "Link-worker teams")
	f := formOf(c)
	v.Form = f
	in := directory.TeamInput{Name: f.Value("name"), Kind: f.Value("kind"), AreaCode: f.Value("area_code")}
	if in.Name == "" {
		f.Fail("name", "Enter the team's name")
	}
	if in.AreaCode != "" {
		if _, ok := geo.LocalAuthority(in.AreaCode); !ok {
			f.Fail("area_code", "Choose a local authority from the list")
		}
	}
	if f.Valid() {
		t, err := s.dir.CreateTeam(c.UserContext(), in)
		if err == nil {
			flash(c, "Team added: "+t.Name)
			return redirect(c, "/app/admin/teams")
		}
		if !absorbNamed(f, err, teamFieldNames) {
			return err
		}
	}
	return s.renderTeams(c, fiber.StatusUnprocessableEntity, v)
}
