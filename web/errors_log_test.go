package web

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"kith/postgres"
)

// A 503 (the database down or slow) is logged as a warning, so an outage
// does not bury its first cause under an error per request; other server
// failures are errors; the caller's mistakes are not logged.
func TestFailuresAreLoggedByKind(t *testing.T) {
	for _, tt := range []struct {
		err   error
		level string
	}{
		{postgres.ErrUnavailable, "level=WARN"},
		{errors.New("boom"), "level=ERROR"},
		{errBadParam("q", "too long"), ""},
	} {
		var buf bytes.Buffer
		s := &server{log: slog.New(slog.NewTextHandler(&buf, nil))}
		app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler})
		app.Get("/api/x", func(*fiber.Ctx) error { return tt.err })
		if _, err := app.Test(httptest.NewRequest("GET", "/api/x", nil)); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		if (tt.level == "") != (got == "") || !strings.Contains(got, tt.level) {
			t.Errorf("%v: logged %q, want %s", tt.err, got, tt.level)
		}
	}
}
