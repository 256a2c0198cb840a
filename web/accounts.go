package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

func (s *server) listUsers(c *fiber.Ctx) error {
	us, err := s.dir.Users(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": us})
}

func (s *server) createUser(c *fiber.Ctx) error {
	var in directory.UserInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.dir.CreateUser(c.UserContext(), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(u)
}

func (s *server) listTeams(c *fiber.Ctx) error {
	if directory.UserFrom(c.UserContext()) == nil {
		return directory.ErrUnauthenticated
	}
	ts, err := s.dir.Teams(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": ts})
}

func (s *server) createTeam(c *fiber.Ctx) error {
	var in directory.TeamInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	t, err := s.dir.CreateTeam(c.UserContext(), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(t)
}
