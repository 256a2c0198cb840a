// Package e2e holds Kith's browser tests: they build the kith binary, load
// the demo region into a fresh database, start `kith serve` on loopback and
// drive Debian's headless Chromium through each kind of user's daily work.
// Every page visited is checked for console errors, broken same-site links
// and form controls without a label, and main pages are saved as
// screenshots (into the test's artifact directory, and into
// $KITH_SCREENSHOTS when set: `make screenshots` refreshes docs/screenshots).
package e2e
