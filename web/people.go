package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// exportPerson answers a subject access request with everything Kith holds
// about the person, as a JSON file to hand over.
func (s *server) exportPerson(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	doc, err := s.ref.Export(s.person(c), id)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="kith-person-`+id+`.json"`)
	c.Type("json")
	return c.Send(doc)
}

// erasePerson removes a person's identifying data, keeping what the
// retention rule keeps.
func (s *server) erasePerson(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in referral.Erasure
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if err := s.ref.Erase(s.person(c), id, in); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
