package web

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/search"
)

// errorKinds is the one table from error kind to HTTP status and the message
// a caller sees when the error carries no reason of its own.
var errorKinds = []struct {
	kind    error
	status  int
	message string
}{
	{directory.ErrUnauthenticated, fiber.StatusUnauthorized, "sign in to do this"},
	{directory.ErrForbidden, fiber.StatusForbidden, "you are not allowed to do this"},
	{directory.ErrNotFound, fiber.StatusNotFound, "not found"},
	{directory.ErrConflict, fiber.StatusConflict, "this conflicts with a change made meanwhile; reload and try again"},
	{directory.ErrInvalid, fiber.StatusUnprocessableEntity, "some fields need correcting"},
	{directory.ErrUnavailable, fiber.StatusServiceUnavailable, "the database is unavailable; try again shortly"},
	{search.ErrNotReady, fiber.StatusServiceUnavailable, search.ErrNotReady.Error()},
	{search.ErrIndexFailed, fiber.StatusServiceUnavailable, search.ErrIndexFailed.Error()},
	{context.DeadlineExceeded, fiber.StatusServiceUnavailable, "the request took too long; try again shortly"},
}

// errorBody is the JSON every failure answers with.
type errorBody struct {
	Error    string            `json:"error"`
	Reason   string            `json:"reason,omitempty"`
	Problems map[string]string `json:"problems,omitempty"`
}

// badParam is a malformed query parameter or body: the caller's mistake,
// answered 400 with the parameter named.
type badParam struct{ param, why string }

func (e badParam) Error() string { return e.param + ": " + e.why }

func errBadParam(param, why string) error { return badParam{param, why} }

// errorHandler maps any error a handler returns to a status and a JSON
// body, or for the browser pages to the error page.
func (s *server) errorHandler(c *fiber.Ctx, err error) error {
	status, body := describe(err)
	s.logFailure(c, status, err)
	if !isPage(c.Path()) {
		return c.Status(status).JSON(body)
	}
	if status == fiber.StatusUnauthorized && c.Method() == fiber.MethodGet {
		return c.Redirect("/login?next="+url.QueryEscape(string(c.Request().RequestURI())), fiber.StatusSeeOther)
	}
	v := s.view(c, pageHeadings[status])
	if v.Title == "" {
		v.Title = "Sorry, there is a problem"
	}
	v.Data = errorPage{Status: status, Heading: v.Title, Message: sentence(body.Error)}
	return s.render(c, status, "error", v)
}

// logFailure logs what the server got wrong. A 503 is a warning: while
// the database is down or slow every request answers one, readiness
// already says so, and an error per request would bury the first cause.
func (s *server) logFailure(c *fiber.Ctx, status int, err error) {
	switch {
	case status == fiber.StatusServiceUnavailable:
		s.log.Warn("request not served", "method", c.Method(), "path", c.Path(), "status", status, "err", err)
	case status >= 500:
		s.log.Error("request failed", "method", c.Method(), "path", c.Path(), "status", status, "err", err)
	}
}

type errorPage struct {
	Status           int
	Heading, Message string
}

var pageHeadings = map[int]string{
	fiber.StatusBadRequest:         "Something in that link is not right",
	fiber.StatusUnauthorized:       "You need to sign in",
	fiber.StatusForbidden:          "You cannot see this page",
	fiber.StatusNotFound:           "Page not found",
	fiber.StatusConflict:           "That has changed since you opened it",
	fiber.StatusTooManyRequests:    "Too many attempts",
	fiber.StatusServiceUnavailable: "Kith is busy or unavailable; try again shortly",
}

// isPage reports whether a path is a browser page rather than JSON, the ORUK
// feed or an asset.
func isPage(path string) bool {
	for _, prefix := range []string{"/api/", "/oruk", "/assets/", "/healthz", "/readyz"} {
		if strings.HasPrefix(path, prefix) {
			return false
		}
	}
	return true
}

func describe(err error) (int, errorBody) {
	var bp badParam
	if errors.As(err, &bp) {
		return fiber.StatusBadRequest, errorBody{Error: "bad request: " + bp.Error(), Problems: map[string]string{bp.param: bp.why}}
	}
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return fe.Code, errorBody{Error: fe.Message}
	}
	for _, k := range errorKinds {
		if errors.Is(err, k.kind) {
			return k.status, errorBody{Error: reasonOr(err, k.message), Reason: reasonCode(err), Problems: problemsOf(err)}
		}
	}
	return fiber.StatusInternalServerError, errorBody{Error: "something went wrong on our side; it has been logged"}
}

func reasonOr(err error, fallback string) string {
	var r interface{ Reason() string }
	if errors.As(err, &r) {
		return r.Reason()
	}
	return fallback
}

// reasonCode is the machine-readable reason of a refusal, such as "full".
func reasonCode(err error) string {
	var r interface{ ReasonCode() string }
	if errors.As(err, &r) {
		return r.ReasonCode()
	}
	return ""
}

func problemsOf(err error) map[string]string {
	var p directory.Problems
	if errors.As(err, &p) {
		return p
	}
	return nil
}
