package web

import (
	"context"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"

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

func (s *server) securityHeaders(c *fiber.Ctx) error {
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("X-Frame-Options", "DENY")
	c.Set("Content-Security-Policy", s.csp)
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
