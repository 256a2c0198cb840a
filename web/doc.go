// Package web is Kith's HTTP face: the Fiber app, every route (listed in
// routes.go and nowhere else), sessions, the JSON API and the one error
// handler that turns error kinds into status codes.
//
// Handlers return errors instead of writing failures themselves, so a bad
// request, a missing record and a database outage each look the same wherever
// they happen.
package web
