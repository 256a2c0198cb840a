package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// page reads limit and offset, defaulting limit to def and capping it at max.
func page(c *fiber.Ctx, def, max int) (limit, offset int, err error) {
	limit, err = intParam(c, "limit", def, 1, max)
	if err != nil {
		return 0, 0, err
	}
	offset, err = intParam(c, "offset", 0, 0, 1_000_000)
	return limit, offset, err
}

func intParam(c *fiber.Ctx, name string, def, lo, hi int) (int, error) {
	raw := c.Query(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, errBadParam(name, fmt.Sprintf("must be a whole number from %d to %d", lo, hi))
	}
	return n, nil
}

// idParam returns the :id path parameter; a malformed id cannot name anything,
// so it is simply not found.
func idParam(c *fiber.Ctx) (string, error) {
	id := strings.Clone(c.Params("id"))
	if !directory.ValidID(id) {
		return "", directory.ErrNotFound
	}
	return id, nil
}

// maxJSONBody bounds JSON request bodies, which the app's body limit does
// not: that limit is sized for evidence uploads.
const maxJSONBody = 1 << 20

// decodeJSON reads a JSON request body into v, rejecting other content types,
// unknown fields and trailing data so that typos do not silently do nothing.
func decodeJSON(c *fiber.Ctx, v any) error {
	if len(c.Body()) > maxJSONBody {
		return fiber.NewError(fiber.StatusRequestEntityTooLarge, "JSON bodies may be at most 1 MiB")
	}
	if !strings.HasPrefix(strings.ToLower(c.Get(fiber.HeaderContentType)), fiber.MIMEApplicationJSON) {
		return fiber.NewError(fiber.StatusUnsupportedMediaType, "send the body as application/json")
	}
	if !utf8.Valid(c.Body()) {
		// encoding/json would quietly turn the bad bytes into U+FFFD.
		return errBadParam("body", "is not valid UTF-8 text")
	}
	dec := json.NewDecoder(bytes.NewReader(c.Body()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errBadParam("body", jsonProblem(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errBadParam("body", "must hold exactly one JSON object")
	}
	return nil
}

func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q must be %s", te.Field, te.Type.String())
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("is not valid JSON (at byte %d)", se.Offset)
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field") {
		return strings.TrimPrefix(msg, "json: ")
	}
	return "is not valid JSON"
}
