package web

import (
	"strings"

	"kith/directory"
)

// navFor is the header navigation for each kind of user: where their daily
// work starts.
func navFor(u *directory.User, current string) []navItem {
	items := []navItem{{Label: "Find a group", Href: "/"}}
	if u != nil {
		items = append(items, roleNav[u.Role]...)
	}
	out := make([]navItem, len(items))
	for i, it := range items {
		it.Current = it.Href == current || (it.Href != "/" && strings.HasPrefix(current, it.Href+"/"))
		out[i] = it
	}
	return out
}

var roleNav = map[directory.Role][]navItem{
	directory.RoleLinkWorker: {
		{Label: "Caseload", Href: "/app/caseload"},
		{Label: "New referral", Href: "/app/referrals/new"},
	},
	directory.RoleVCSEEditor: {
		{Label: "My organisation", Href: "/app/organisation"},
		{Label: "Referrals", Href: "/app/inbox"},
		{Label: "Quality assurance", Href: "/app/organisation/qa"},
	},
	directory.RoleQAReviewer: {
		{Label: "Review queue", Href: "/app/qa"},
		{Label: "Moderation", Href: "/app/admin/moderation"},
		{Label: "Problem reports", Href: "/app/admin/reports"},
	},
	directory.RoleCommissioner: {
		{Label: "Insight", Href: "/app/insight"},
	},
	directory.RoleAdmin: {
		{Label: "Admin", Href: "/app/admin"},
		{Label: "Moderation", Href: "/app/admin/moderation"},
		{Label: "Review queue", Href: "/app/qa"},
		{Label: "Problem reports", Href: "/app/admin/reports"},
	},
}

// homeFor is where signing in takes each kind of user.
func homeFor(u *directory.User) string {
	if items := roleNav[u.Role]; len(items) > 0 {
		return items[0].Href
	}
	return "/"
}

// roleName is how the header names a user's role.
func roleName(r directory.Role) string {
	if n, ok := roleNames[r]; ok {
		return n
	}
	return string(r)
}

var roleNames = map[directory.Role]string{
	directory.RoleAdmin: "administrator", directory.RoleQAReviewer: "quality reviewer",
	directory.RoleLinkWorker: "link worker", directory.RoleVCSEEditor: "community organisation",
	directory.RoleCommissioner: "commissioner",
}
