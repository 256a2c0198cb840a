package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

const sessionCookie = "kith_session"

// authenticate puts the session's user, if any, into the request context. A
// stale or unknown cookie just means anonymous.
func (s *server) authenticate(c *fiber.Ctx) error {
	token := c.Cookies(sessionCookie)
	if token == "" {
		return c.Next()
	}
	u, err := s.dir.UserBySession(c.UserContext(), strings.Clone(token))
	switch {
	case errors.Is(err, directory.ErrUnauthenticated):
		c.ClearCookie(sessionCookie)
	case err != nil:
		return err
	default:
		c.SetUserContext(directory.WithUser(c.UserContext(), u))
	}
	return c.Next()
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *server) login(c *fiber.Ctx) error {
	var in loginRequest
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	token, u, err := s.dir.Login(c.UserContext(), in.Email, in.Password)
	if errors.Is(err, directory.ErrUnauthenticated) {
		return fiber.NewError(fiber.StatusUnauthorized, "that email and password do not match an account")
	}
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: c.Protocol() == "https", MaxAge: int(directory.SessionTTL.Seconds()),
	})
	return c.JSON(u)
}

func (s *server) logout(c *fiber.Ctx) error {
	if token := c.Cookies(sessionCookie); token != "" {
		if err := s.dir.Logout(c.UserContext(), strings.Clone(token)); err != nil {
			return err
		}
	}
	c.ClearCookie(sessionCookie)
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *server) whoami(c *fiber.Ctx) error {
	u := directory.UserFrom(c.UserContext())
	if u == nil {
		return directory.ErrUnauthenticated
	}
	return c.JSON(u)
}
