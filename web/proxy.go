package web

import (
	"net"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// trustedProxies are the reverse proxies allowed to say, in
// X-Forwarded-For and X-Forwarded-Proto, who the client is and whether it
// used TLS. Nobody else is believed: a client could otherwise pick its own
// address to slip past the sign-in limits.
type trustedProxies []*net.IPNet

// parseProxies reads addresses and CIDR ranges, ignoring ones it cannot
// parse, and returns them in the forms Fiber's TrustedProxies takes.
func parseProxies(list []string) (trustedProxies, []string) {
	var nets trustedProxies
	var names []string
	for _, item := range list {
		item = strings.TrimSpace(item)
		if ip := net.ParseIP(item); ip != nil && ip.To4() != nil {
			item += "/32"
		} else if ip != nil {
			item += "/128"
		}
		if _, n, err := net.ParseCIDR(item); err == nil {
			nets = append(nets, n)
			names = append(names, item)
		}
	}
	return nets, names
}

func (t trustedProxies) trusts(ip net.IP) bool {
	for _, n := range t {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// clientAddr is the address the request came from: the peer, or behind
// trusted proxies the nearest address in X-Forwarded-For that is not one of
// them (proxies append, so addresses further left are the client's to
// invent).
func (s *server) clientAddr(c *fiber.Ctx) string {
	peer := c.Context().RemoteIP()
	if !s.proxies.trusts(peer) {
		return peer.String()
	}
	hops := strings.Split(c.Get(fiber.HeaderXForwardedFor), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip := net.ParseIP(strings.TrimSpace(hops[i]))
		if ip == nil {
			break
		}
		if !s.proxies.trusts(ip) {
			return ip.String()
		}
	}
	return peer.String()
}
