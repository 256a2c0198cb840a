package web

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// person marks the answer as holding person data, which no cache may keep,
// and returns the request's context naming the route for the audit trail.
func (s *server) person(c *fiber.Ctx) context.Context {
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return referral.WithRoute(c.UserContext(), c.Method()+" "+c.Route().Path)
}

// idempotencyKey is the client's Idempotency-Key header, if any.
func idempotencyKey(c *fiber.Ctx) string { return strings.Clone(c.Get("Idempotency-Key")) }

// created answers 201 with v, saying when it is the replay of an earlier
// request with the same Idempotency-Key.
func created(c *fiber.Ctx, v any, replayed bool) error {
	if replayed {
		c.Set("Idempotent-Replayed", "true")
	}
	return c.Status(fiber.StatusCreated).JSON(v)
}

func (s *server) createReferral(c *fiber.Ctx) error {
	var in referral.ReferralInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	r, replayed, err := s.ref.CreateReferral(s.person(c), in, idempotencyKey(c))
	if err != nil {
		return err
	}
	return created(c, r, replayed)
}

// rateLimit allows max requests per window from each client address (see
// clientAddr: behind a proxy, Kith must be told to trust it to tell people
// apart), in this process.
type rateLimit struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	seen   map[string]*hits
	addr   func(*fiber.Ctx) string
}

type hits struct {
	start time.Time
	n     int
}

func newRateLimit(max int, window time.Duration, addr func(*fiber.Ctx) string) *rateLimit {
	return &rateLimit{max: max, window: window, seen: map[string]*hits{}, addr: addr}
}

func (l *rateLimit) handler(c *fiber.Ctx) error {
	if !l.allow(l.addr(c), time.Now()) {
		return fiber.NewError(fiber.StatusTooManyRequests, "too many requests from here; please try again later")
	}
	return c.Next()
}

func (l *rateLimit) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seen) > 10000 {
		for k, h := range l.seen {
			if now.Sub(h.start) >= l.window {
				delete(l.seen, k) // forget old windows so the map cannot grow without bound
			}
		}
	}
	h := l.seen[key]
	if h == nil || now.Sub(h.start) >= l.window {
		l.seen[key] = &hits{start: now, n: 1}
		return true
	}
	h.n++
	return h.n <= l.max
}

// selfRefer answers with a receipt only: whoever sent the form may not be
// the person, so nothing about them is sent back.
func (s *server) selfRefer(c *fiber.Ctx) error {
	var in referral.SelfReferralInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	rec, err := s.ref.SelfRefer(s.person(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(rec)
}

// myCaseload is the signed-in link worker's own referrals.
func (s *server) myCaseload(c *fiber.Ctx) error {
	u := directory.UserFrom(c.UserContext())
	switch {
	case u == nil:
		return directory.ErrUnauthenticated
	case !u.Is(directory.RoleLinkWorker):
		return directory.ErrForbidden
	}
	return s.caseload(c, referral.CaseloadFilter{TeamID: *u.TeamID, LinkWorkerID: u.ID})
}

func (s *server) teamCaseload(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	f := referral.CaseloadFilter{TeamID: id, Unassigned: c.QueryBool("unassigned")}
	if f.LinkWorkerID = c.Query("link_worker"); f.LinkWorkerID != "" && !directory.ValidID(f.LinkWorkerID) {
		return errBadParam("link_worker", "must be a user id (a UUID)")
	}
	return s.caseload(c, f)
}

func (s *server) caseload(c *fiber.Ctx, f referral.CaseloadFilter) error {
	var err error
	if f.Limit, f.Offset, err = page(c, 50, 200); err != nil {
		return err
	}
	if raw := c.Query("status"); raw != "" {
		if f.Status, err = referral.ParseStatus(raw); err != nil {
			return errBadParam("status", err.Error())
		}
	}
	if f.Flag = c.Query("flag"); f.Flag != "" && f.Validate() != nil {
		return errBadParam("flag", "must be one of "+strings.Join(referral.Flags, ", "))
	}
	p, err := s.ref.Caseload(s.person(c), f)
	if err != nil {
		return err
	}
	return c.JSON(p)
}

// readJSON answers with what read returns for the :id in the path.
func readJSON[T any](s *server, c *fiber.Ctx, read func(context.Context, string) (T, error)) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	v, err := read(s.person(c), id)
	if err != nil {
		return err
	}
	return c.JSON(v)
}

// change decodes the JSON body and answers status with what write makes of
// it for the :id in the path.
func change[In, Out any](s *server, c *fiber.Ctx, status int, write func(context.Context, string, In) (Out, error)) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in In
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	v, err := write(s.person(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(status).JSON(v)
}

func (s *server) getReferral(c *fiber.Ctx) error    { return readJSON(s, c, s.ref.Referral) }
func (s *server) listContacts(c *fiber.Ctx) error   { return readJSON(s, c, s.ref.Contacts) }
func (s *server) listOutcomes(c *fiber.Ctx) error   { return readJSON(s, c, s.ref.Outcomes) }
func (s *server) listUnmetNeeds(c *fiber.Ctx) error { return readJSON(s, c, s.ref.UnmetNeeds) }
func (s *server) referralSummary(c *fiber.Ctx) error {
	return readJSON(s, c, s.ref.Summary)
}
func (s *server) referralAudit(c *fiber.Ctx) error { return readJSON(s, c, s.ref.Audit) }

func (s *server) moveReferral(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusOK, s.ref.Move)
}
func (s *server) recordConsent(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusCreated, s.ref.RecordConsent)
}
func (s *server) addContact(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusCreated, s.ref.AddContact)
}
func (s *server) saveWhatMatters(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusOK, s.ref.SaveWhatMatters)
}
func (s *server) savePlan(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusCreated, s.ref.SavePlan)
}
func (s *server) recordUnmetNeed(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusCreated, s.ref.RecordUnmetNeed)
}

type assignBody struct {
	LinkWorkerID string `json:"link_worker_id"`
}

func (s *server) assignReferral(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusOK, func(ctx context.Context, id string, in assignBody) (referral.Referral, error) {
		return s.ref.Assign(ctx, id, in.LinkWorkerID)
	})
}

func (s *server) recordOutcome(c *fiber.Ctx) error {
	measure, stage := strings.Clone(c.Params("measure")), strings.Clone(c.Params("stage"))
	return change(s, c, fiber.StatusOK, func(ctx context.Context, id string, in referral.OutcomeInput) (referral.Outcome, error) {
		return s.ref.RecordOutcome(ctx, id, measure, stage, in)
	})
}

// getPlan shows the latest plan, or ?version=N.
func (s *server) getPlan(c *fiber.Ctx) error {
	version, err := intParam(c, "version", 0, 0, 100000)
	if err != nil {
		return err
	}
	return readJSON(s, c, func(ctx context.Context, id string) (referral.PlanView, error) {
		return s.ref.Plan(ctx, id, version)
	})
}

// planText is the plan as plain text the person can print and keep.
func (s *server) planText(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	v, err := s.ref.Plan(s.person(c), id, 0)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
	c.Set(fiber.HeaderContentDisposition, `inline; filename="my-plan.txt"`)
	return c.SendString(v.Text())
}

// referralFHIR exports the referral as a FHIR R4 message bundle.
func (s *server) referralFHIR(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	sum, err := s.ref.Summary(s.person(c), id)
	if err != nil {
		return err
	}
	return c.JSON(sum.Bundle(), "application/fhir+json; charset=utf-8")
}
