package web

import (
	"context"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// recoverPanics turns a panic into a logged 500 instead of a dropped
// connection, so one bad request cannot take the process down.
func (s *server) recoverPanics(c *fiber.Ctx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic", "path", c.Path(), "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return c.Next()
}

// withDeadline bounds the work a request may cause, so a stalled database
// yields a 503 rather than a hung client.
func (s *server) withDeadline(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), s.timeout)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

// securityHeaders go on every answer, pages, JSON and assets alike: no
// framing, no type sniffing, no referrer to other sites, no powerful browser
// features Kith does not use, and no sharing a browsing context with pages
// that open Kith. HSTS is sent only over TLS, where it means something.
func (s *server) securityHeaders(c *fiber.Ctx) error {
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("X-Frame-Options", "DENY")
	c.Set("Content-Security-Policy", s.csp)
	c.Set("Permissions-Policy", "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)")
	c.Set("Cross-Origin-Opener-Policy", "same-origin")
	if c.Protocol() == "https" {
		c.Set("Strict-Transport-Security", "max-age=31536000")
	}
	return c.Next()
}

// contentSecurityPolicy allows scripts and styles from Kith alone (no inline
// scripts), and images from the tile server when one is configured.
func contentSecurityPolicy(tileURL string) string {
	img := "'self' data:"
	if u, err := url.Parse(strings.ReplaceAll(tileURL, "{s}", "a")); err == nil && u.Host != "" {
		img += " " + u.Scheme + "://" + strings.ReplaceAll(u.Host, "a.", "*.")
	}
	return "default-src 'self'; img-src " + img + "; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
}

// validText refuses a path, query parameter or form field that is not UTF-8
// before any handler sees it: such bytes can be neither stored as text nor
// shown back safely, and would otherwise pass through unnoticed.
func validText(c *fiber.Ctx) error {
	if !utf8.ValidString(c.Path()) {
		return errBadParam("path", "is not valid UTF-8 text")
	}
	bad := ""
	check := func(k, v []byte) {
		if bad == "" && (!utf8.Valid(k) || !utf8.Valid(v)) {
			bad = strings.ToValidUTF8(string(k), "\uFFFD")
		}
	}
	c.Context().QueryArgs().VisitAll(check)
	if strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEApplicationForm) {
		c.Context().PostArgs().VisitAll(check)
	}
	if bad != "" {
		return errBadParam(bad, "is not valid UTF-8 text")
	}
	return c.Next()
}
