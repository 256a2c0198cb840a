package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

func (s *server) taxonomyPage(c *fiber.Ctx) error {
	uses, err := s.dir.TermUsage(c.UserContext())
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, u := range uses {
		names[u.ID] = u.Name
	}
	t := dataTable{Caption: "Every category, each after the one it is part of, with how many published listings are filed under it",
		Head: heads([]string{"Category", "Code", "Part of", "Published listings"}, 3)}
	for _, u := range uses {
		name, parent := linkCell(u.Name, "/app/admin/taxonomy/"+u.Code), ""
		name.Note = u.Description
		if u.ParentID != nil {
			parent = names[*u.ParentID]
		}
		t.Rows = append(t.Rows, []cell{name, codeCell(u.Code), textCell(parent), numberCell(strconv.Itoa(u.Services))})
	}
	v := s.view(c, "Needs and activities")
	v.Back, v.Data = "/app/admin", t
	return s.render(c, fiber.StatusOK, "admin_taxonomy", v)
}

// termByCode finds the term with the :code in the path.
func (s *server) termByCode(c *fiber.Ctx) (directory.Term, error) {
	code := strings.Clone(c.Params("code"))
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return directory.Term{}, err
	}
	for _, t := range terms {
		if t.Code == code {
			return t, nil
		}
	}
	return directory.Term{}, directory.ErrNotFound
}

func (s *server) termPage(c *fiber.Ctx) error {
	t, err := s.termByCode(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Change “"+t.Name+"”")
	v.Form.Set("name", t.Name)
	v.Form.Set("description", t.Description)
	v.Back, v.Data = "/app/admin/taxonomy", t
	return s.render(c, fiber.StatusOK, "admin_term", v)
}

var termFieldNames = namedFields(map[string]string{"name": "Label", "description": "Description"})

// updateTermPost relabels a term; its code stays, as feeds and searches
// use it.
func (s *server) updateTermPost(c *fiber.Ctx) error {
	t, err := s.termByCode(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	in := directory.TermInput{Name: f.Value("name"), Description: f.Value("description")}
	if in.Name == "" {
		f.Fail("name", "Enter the label people see for this need")
	}
	if f.Valid() {
		saved, err := s.dir.UpdateTerm(c.UserContext(), t.Code, in)
		if err == nil {
			flash(c, "“"+saved.Name+"” saved: listings filed under it are being updated in search")
			return redirect(c, "/app/admin/taxonomy")
		}
		if !absorbNamed(f, err, termFieldNames) {
			return err
		}
	}
	v := s.view(c, "Change “"+t.Name+"”")
	v.Form, v.Back, v.Data = f, "/app/admin/taxonomy", t
	return s.render(c, fiber.StatusUnprocessableEntity, "admin_term", v)
}
