package web

import (
	"context"
	_ "embed" // Kith's OpenAPI document for /oruk
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/directory/oruk"
	"kith/geo"
	"kith/qa"
)

// orukProfile is the profile the feed follows: Open Referral UK's HSDS 3.0
// profile, named as ORUK tooling recognises it.
const (
	orukVersion = "HSDS-UK-3.0"
	orukProfile = "https://docs.openreferraluk.org/en/latest/"
)

//go:embed openapi/oruk.json
var orukOpenAPI []byte

// orukHeaders lets any page read the feed (ORUK compliance asks for it) and
// makes every answer the public's: a signed-in caller sees what anyone sees.
func (s *server) orukHeaders(c *fiber.Ctx) error {
	c.Set(fiber.HeaderAccessControlAllowOrigin, "*")
	c.SetUserContext(directory.WithUser(c.UserContext(), nil))
	return c.Next()
}

func (s *server) orukRoot(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"version": orukVersion, "profile": orukProfile, "openapi_url": c.BaseURL() + "/oruk/openapi.json"})
}

func (s *server) orukOpenAPIDoc(c *fiber.Ctx) error {
	c.Type("json")
	return c.Send(orukOpenAPI)
}

func (s *server) importTemplate(c *fiber.Ctx) error {
	c.Type("csv", "utf-8")
	c.Attachment("kith-import-template.csv")
	return c.Send(oruk.Template())
}

// assuredDates is when each organisation's referral-tier assurance was last
// checked (ORUK's assured_date), for those assured now.
func (s *server) assuredDates(ctx context.Context, orgIDs []string) (map[string]string, error) {
	out := map[string]string{}
	if s.qa == nil || len(orgIDs) == 0 {
		return out, nil
	}
	all, err := s.qa.Statuses(ctx, orgIDs)
	for id, a := range all {
		if d := a.At(qa.TierReferral).AssuredDate; d != nil {
			out[id] = d.In(directory.London).Format(time.DateOnly)
		}
	}
	return out, err
}

// localAuthorities are the codes of the query postcode's local authority,
// as the postcode data has it and as it is now, to match service areas
// written with either.
func localAuthorities(f feedQuery) []string {
	if f.near == nil || f.near.LAD == "" {
		return []string{}
	}
	codes := []string{f.near.LAD}
	if current, ok := geo.CurrentLAD(f.near.LAD); ok && current != f.near.LAD {
		codes = append(codes, current)
	}
	return codes
}
