package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

const (
	csrfCookie  = "kith_csrf"
	csrfField   = "csrf_token"
	csrfHeader  = "X-CSRF-Token"
	flashCookie = "kith_flash"
)

// csrf guards the browser pages with a double-submit token: a random value
// in a SameSite=Strict cookie that every form (and htmx, by header) must
// echo. Another site can make a browser post, but cannot read the cookie to
// put the value in the body.
func (s *server) csrf(c *fiber.Ctx) error {
	token := strings.Clone(c.Cookies(csrfCookie))
	if len(token) < 32 {
		token = newToken()
		c.Cookie(&fiber.Cookie{
			Name: csrfCookie, Value: token, Path: "/", HTTPOnly: true,
			SameSite: fiber.CookieSameSiteStrictMode, Secure: c.Protocol() == "https",
		})
	}
	c.Locals(csrfCookie, token)
	if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
		return c.Next()
	}
	sent := c.Get(csrfHeader)
	if sent == "" {
		sent = c.FormValue(csrfField)
	}
	if subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
		return fiber.NewError(fiber.StatusForbidden, "this form has expired or did not come from Kith; go back, reload the page and try again")
	}
	return c.Next()
}

func csrfToken(c *fiber.Ctx) string {
	t, _ := c.Locals(csrfCookie).(string)
	return t
}

func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// flash leaves a one-line confirmation for the next page the browser shows,
// so a form can post, redirect and still say what happened.
func flash(c *fiber.Ctx, message string) {
	c.Cookie(&fiber.Cookie{
		Name: flashCookie, Value: base64.RawURLEncoding.EncodeToString([]byte(message)), Path: "/",
		HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: c.Protocol() == "https", MaxAge: 60,
	})
}

func takeFlash(c *fiber.Ctx) string {
	raw := c.Cookies(flashCookie)
	if raw == "" {
		return ""
	}
	// Not c.ClearCookie: that cannot delete a cookie set with a path, and
	// the message would show again on every page for its minute.
	c.Cookie(&fiber.Cookie{Name: flashCookie, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: c.Protocol() == "https", Expires: time.Unix(1, 0)})
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return ""
	}
	return string(b)
}

// redirect answers a form post with 303 See Other, so a reload does not
// post again; htmx requests get HX-Redirect instead.
func redirect(c *fiber.Ctx, to string) error {
	if c.Get("HX-Request") == "true" {
		c.Set("HX-Redirect", to)
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.Redirect(to, fiber.StatusSeeOther)
}
