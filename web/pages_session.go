package web

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// signedIn guards /app: anonymous visitors are sent to sign in and brought
// back afterwards.
func (s *server) signedIn(c *fiber.Ctx) error {
	if directory.UserFrom(c.UserContext()) == nil {
		if c.Method() != fiber.MethodGet {
			return directory.ErrUnauthenticated
		}
		return c.Redirect("/login?next="+url.QueryEscape(string(c.Request().RequestURI())), fiber.StatusSeeOther)
	}
	return c.Next()
}

// pageFor lets only the given roles through, with the 403 page for others.
func pageFor(roles ...directory.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !directory.UserFrom(c.UserContext()).Is(roles...) {
			return directory.ErrForbidden
		}
		return c.Next()
	}
}

func (s *server) loginPage(c *fiber.Ctx) error {
	v := s.view(c, "Sign in")
	v.Form.Set("next", safeNext(c.Query("next")))
	return s.render(c, fiber.StatusOK, "login", v)
}

func (s *server) loginPost(c *fiber.Ctx) error {
	v := s.view(c, "Sign in")
	v.Form = formOf(c)
	email, password := v.Form.Value("email"), v.Form.values.Get("password")
	if email == "" {
		v.Form.Fail("email", "Enter your email address")
	}
	if password == "" {
		v.Form.Fail("password", "Enter your password")
	}
	if !v.Form.Valid() {
		return s.render(c, fiber.StatusUnprocessableEntity, "login", v)
	}
	u, err := s.signIn(c, email, password)
	var refused *fiber.Error
	switch {
	case errors.Is(err, errBadLogin):
		v.Form.Fail("email", "Enter the email address and password of your Kith account")
		return s.render(c, fiber.StatusUnauthorized, "login", v)
	case errors.As(err, &refused) && refused.Code == fiber.StatusTooManyRequests:
		v.Form.Fail("email", sentence(refused.Message))
		return s.render(c, fiber.StatusTooManyRequests, "login", v)
	}
	if err != nil {
		return err
	}
	to := safeNext(v.Form.Value("next"))
	if to == "/" {
		to = homeFor(&u)
	}
	return redirect(c, to)
}

func (s *server) logoutPost(c *fiber.Ctx) error {
	if err := s.signOut(c); err != nil {
		return err
	}
	flash(c, "You have signed out")
	return redirect(c, "/")
}

// appHome sends a signed-in user to where their work starts.
func (s *server) appHome(c *fiber.Ctx) error {
	return c.Redirect(homeFor(directory.UserFrom(c.UserContext())), fiber.StatusSeeOther)
}

func (s *server) aboutPage(c *fiber.Ctx) error {
	return s.render(c, fiber.StatusOK, "about", s.view(c, "About Kith"))
}

// safeNext keeps a post-login redirect on this site: a path, not a URL
// another site could use to send someone off after they sign in.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, `\`) {
		return "/"
	}
	return next
}
