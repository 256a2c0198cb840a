package web

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

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
	u, err := s.signIn(c, in.Email, in.Password)
	if err != nil {
		return err
	}
	return c.JSON(u)
}

// errBadLogin is what a wrong email or password gets, in the same words for
// both so the answer does not reveal which accounts exist.
var errBadLogin = fiber.NewError(fiber.StatusUnauthorized, "that email and password do not match an account")

// signIn checks the credentials and starts a session, for the API and the
// sign-in page alike. A session the browser already held is ended: each
// sign-in gets a new token, so one planted before sign-in is worthless.
func (s *server) signIn(c *fiber.Ctx, email, password string) (directory.User, error) {
	token, u, err := s.dir.LoginFrom(c.UserContext(), s.clientAddr(c), email, password)
	var throttled *directory.Throttled
	switch {
	case errors.As(err, &throttled):
		return u, tooManyAttempts(c, throttled.RetryAfter)
	case errors.Is(err, directory.ErrUnauthenticated):
		return u, errBadLogin
	case err != nil:
		return u, err
	}
	if old := c.Cookies(sessionCookie); old != "" {
		if err := s.dir.Logout(c.UserContext(), strings.Clone(old)); err != nil {
			return u, err
		}
	}
	setSession(c, token)
	return u, nil
}

// tooManyAttempts answers a throttled sign-in with 429 and Retry-After.
func tooManyAttempts(c *fiber.Ctx, wait time.Duration) error {
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	minutes := int(math.Ceil(wait.Minutes()))
	return fiber.NewError(fiber.StatusTooManyRequests, "too many sign-in attempts; try again in "+plural(minutes, "minute"))
}

func setSession(c *fiber.Ctx, token string) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: c.Protocol() == "https", MaxAge: int(directory.SessionTTL.Seconds()),
	})
}

// changePassword sets a new password and answers with a new session, every
// other session of the user having ended.
func (s *server) changePassword(c *fiber.Ctx) error {
	var in directory.PasswordChange
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	token, err := s.dir.ChangePassword(c.UserContext(), in)
	var throttled *directory.Throttled
	if errors.As(err, &throttled) {
		return tooManyAttempts(c, throttled.RetryAfter)
	}
	if err != nil {
		return err
	}
	setSession(c, token)
	return c.SendStatus(fiber.StatusNoContent)
}

// signOut ends the request's session, if any.
func (s *server) signOut(c *fiber.Ctx) error {
	if token := c.Cookies(sessionCookie); token != "" {
		if err := s.dir.Logout(c.UserContext(), strings.Clone(token)); err != nil {
			return err
		}
	}
	c.ClearCookie(sessionCookie)
	return nil
}

func (s *server) logout(c *fiber.Ctx) error {
	if err := s.signOut(c); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *server) whoami(c *fiber.Ctx) error {
	u := directory.UserFrom(c.UserContext())
	if u == nil {
		return directory.ErrUnauthenticated
	}
	return c.JSON(u)
}
