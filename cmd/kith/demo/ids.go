package demo

import (
	"strings"

	"github.com/google/uuid"
)

// namespace roots every demo id. Ids are name-based (UUID v5) rather than
// random so that a second load addresses the same rows and the store sees
// nothing to change.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://kith.example/demo/sunderland"))

// newID returns the demo id for a descriptive name such as
// "service/hendon-community-association/2".
func newID(parts ...string) string {
	return uuid.NewSHA1(namespace, []byte(strings.Join(parts, "/"))).String()
}
