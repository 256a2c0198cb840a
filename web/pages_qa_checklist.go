package web

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/qa"
)

// The VCSE's quality assurance checklist: each item with where it stands,
// what is missing or expiring at the top, an answer and evidence upload per
// item, and sending the filled-in items for review. Field ids are
// "items.<key>.<field>", as the store names problems on submission.

type vcseChecklistPage struct {
	Tiers     []qaTierLine
	Todo      []qaTodoLine
	Items     []vcseChecklistItem
	Drafts    int
	Suspended string
}

// qaTodoLine is one thing an organisation must do for its assurance.
type qaTodoLine struct {
	Key, Title, Reason string
}

type vcseChecklistItem struct {
	qa.Item
	Prefix            string
	Required          string
	State             vcseTag
	Note              string
	Draft             bool
	Files, DraftFiles qaEvidenceList
	Date              dateField
	Attestation       []option
	// Settled items (verified and not expiring) fold their forms away.
	Settled bool
}

// qaEvidenceList is what the "vcse-evidence" partial draws.
type qaEvidenceList struct {
	Files  []qaEvidenceFile
	Inline bool
}

type qaEvidenceFile struct {
	ID, Filename, Kind, Size, Uploaded string
	Image                              bool
}

var qaRequiredNames = map[qa.Tier]string{
	qa.TierSignposting: "Needed to be listed", qa.TierReferral: "Needed to receive referrals",
	qa.TierVulnerableAdults: "Needed to work with adults at risk", qa.TierChildren: "Needed to work with children",
}

func (s *server) vcseChecklistPage(c *fiber.Ctx) error {
	return s.renderVCSEChecklist(c, fiber.StatusOK, nil)
}

// renderVCSEChecklist draws the checklist; posted, when a form failed, holds
// what was sent and its problems, over the answers the store holds.
func (s *server) renderVCSEChecklist(c *fiber.Ctx, status int, posted *form) error {
	org, err := myOrganisation(c)
	if err != nil {
		return err
	}
	a, err := s.qa.Assessment(c.UserContext(), org)
	if err != nil {
		return err
	}
	f := vcseChecklistValues(a)
	if posted != nil {
		for k, vs := range posted.values {
			f.values[k] = vs
		}
		f.errors, f.order, f.general = posted.errors, posted.order, posted.general
	}
	todo, err := s.qa.Todo(c.UserContext(), org)
	if err != nil {
		return err
	}
	p := vcseChecklistPage{Tiers: qaTierLines(a.Assurance), Todo: qaTodoLines(todo.Items)}
	if a.Assurance.Suspension != nil {
		p.Suspended = a.Assurance.Suspension.Reason
	}
	for _, st := range a.Items {
		p.Items = append(p.Items, s.vcseChecklistItem(st, f))
		if st.Draft != nil {
			p.Drafts++
		}
	}
	v := s.view(c, "Quality assurance checklist")
	v.Form, v.Data = f, p
	return s.render(c, status, "vcse-qa-checklist", v)
}

var qaTodoReasons = map[string]string{
	"missing": "not provided yet", "draft": "filled in but not yet sent for review",
	"rejected": "turned down by the reviewer", "expired": "expired", "expiring": "expires soon",
}

func qaTodoLines(items []qa.TodoItem) []qaTodoLine {
	out := make([]qaTodoLine, len(items))
	for i, it := range items {
		reason := qaTodoReasons[it.Reason]
		switch {
		case it.Reason == "rejected" && it.Note != "":
			reason += ": " + it.Note
		case (it.Reason == "expired" || it.Reason == "expiring") && it.ExpiresAt != nil:
			reason += " (" + londonDate(*it.ExpiresAt) + ")"
		}
		out[i] = qaTodoLine{Key: it.Key, Title: it.Title, Reason: reason}
	}
	return out
}

// qaAnswerOf is the answer to show an editor: their unsent draft, or what
// they sent last.
func qaAnswerOf(st qa.ItemState) *qa.Response {
	if st.Draft != nil {
		return st.Draft
	}
	return st.Latest
}

// vcseChecklistValues fills the answer fields from what the store holds.
func vcseChecklistValues(a qa.Assessment) *form {
	f := newForm(nil)
	for _, st := range a.Items {
		r := qaAnswerOf(st)
		if r == nil {
			continue
		}
		prefix := "items." + st.Key + "."
		f.Set(prefix+"reference", r.Reference)
		f.Set(prefix+"attested_by", r.AttestedBy)
		if r.Attestation != nil {
			f.Set(prefix+"attestation", map[bool]string{true: "yes", false: "no"}[*r.Attestation])
		}
		if d, err := time.Parse(time.DateOnly, r.EvidenceDate); err == nil {
			f.Set(prefix+"evidence_date-day", fmt.Sprint(d.Day()))
			f.Set(prefix+"evidence_date-month", fmt.Sprint(int(d.Month())))
			f.Set(prefix+"evidence_date-year", fmt.Sprint(d.Year()))
		}
	}
	return f
}

func (s *server) vcseChecklistItem(st qa.ItemState, f *form) vcseChecklistItem {
	prefix := "items." + st.Key + "."
	it := vcseChecklistItem{Item: st.Item, Prefix: prefix, Required: qaRequiredNames[st.RequiredFrom], Draft: st.Draft != nil,
		Attestation: []option{{Value: "yes", Label: "Yes"}, {Value: "no", Label: "No"}},
		Date:        newDateField(f, prefix+"evidence_date", st.DateLabel, "For example, 31 3 2026", "")}
	if it.Required == "" {
		it.Required = "Optional"
	}
	it.State, it.Note = s.qaItemState(st)
	inDate := st.ExpiresAt == nil || st.ExpiresAt.Sub(s.now()) > qa.ExpiringWithin
	it.Settled = st.Draft == nil && st.State == qa.StateVerified && inDate && !vcseHasErrorFor(f, prefix)
	if st.Latest != nil {
		it.Files = qaEvidenceOf(st.Latest.Evidence, false)
	}
	if st.Draft != nil {
		it.DraftFiles = qaEvidenceOf(st.Draft.Evidence, false)
	}
	return it
}

func vcseHasErrorFor(f *form, prefix string) bool {
	for _, k := range f.order {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// qaItemState is where one checklist item stands, in words.
func (s *server) qaItemState(st qa.ItemState) (vcseTag, string) {
	now := s.now()
	switch {
	case st.State == qa.StateRejected && st.Latest != nil:
		return vcseTag{"Rejected", "nhsuk-tag--red"}, "The reviewer said: " + st.Latest.ReviewNote
	case st.State == qa.StateSubmitted:
		return vcseTag{"Waiting for review", "nhsuk-tag--yellow"}, ""
	case st.State == qa.StateVerified && st.Expired:
		return vcseTag{"Expired", "nhsuk-tag--red"}, "Expired on " + londonDate(*st.ExpiresAt) + ". Send current evidence."
	case st.State == qa.StateVerified && st.ExpiresAt != nil && st.ExpiresAt.Sub(now) <= qa.ExpiringWithin:
		return vcseTag{"Expiring soon", "nhsuk-tag--orange"}, "Expires on " + londonDate(*st.ExpiresAt) + ". Send current evidence before then."
	case st.State == qa.StateVerified && st.ExpiresAt != nil:
		return vcseTag{"Verified", "nhsuk-tag--green"}, "Valid until " + londonDate(*st.ExpiresAt)
	case st.State == qa.StateVerified:
		return vcseTag{"Verified", "nhsuk-tag--green"}, ""
	}
	return vcseTag{"Missing", "nhsuk-tag--grey"}, ""
}

var qaEvidenceKinds = map[string]string{
	qa.TypePDF: "PDF", qa.TypePNG: "PNG image", qa.TypeJPEG: "JPEG image", qa.TypeDOCX: "Word document",
}

func qaEvidenceOf(files []qa.EvidenceFile, inline bool) qaEvidenceList {
	out := qaEvidenceList{Inline: inline}
	for _, e := range files {
		out.Files = append(out.Files, qaEvidenceFile{ID: e.ID, Filename: e.Filename, Kind: qaEvidenceKinds[e.ContentType],
			Size: qaFileSize(e.Size), Uploaded: londonTime(e.UploadedAt),
			Image: e.ContentType == qa.TypePNG || e.ContentType == qa.TypeJPEG})
	}
	return out
}

func qaFileSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return plural(n, "byte")
}

// vcseChecklistPost does what the button pressed asks: save one item's
// answers, upload evidence for it, confirm the listings, or send every
// filled-in item for review. Every form posts to the checklist's own
// address, so a form shown again with problems is still the checklist.
func (s *server) vcseChecklistPost(c *fiber.Ctx) error {
	org, err := myOrganisation(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	key := f.Value("key")
	switch f.Value("action") {
	case "save":
		return s.vcseChecklistSave(c, f, org, key)
	case "upload":
		return s.vcseChecklistUpload(c, f, org, key)
	case "confirm":
		return s.vcseChecklistConfirm(c, org)
	case "submit":
		return s.vcseChecklistSubmit(c, f, org)
	}
	return errBadParam("action", "must be save, upload, confirm or submit")
}

// vcseChecklistSave saves the answers to one item as a draft.
func (s *server) vcseChecklistSave(c *fiber.Ctx, f *form, org, key string) error {
	prefix := "items." + key + "."
	in := qa.ItemInput{Reference: f.Value(prefix + "reference"), EvidenceDate: dateValue(f, prefix+"evidence_date", "Enter a real date, for example 31 3 2026"),
		AttestedBy: f.Value(prefix + "attested_by")}
	if a := f.Value(prefix + "attestation"); a != "" {
		yes := a == "yes"
		in.Attestation = &yes
	}
	if f.Valid() {
		_, err := s.qa.SaveItem(c.UserContext(), org, key, in)
		if err == nil {
			flash(c, "Saved. Send it for review when you are ready.")
			return redirect(c, "/app/organisation/qa#item-"+key)
		}
		if !s.vcseAbsorbChecklist(c, f, err, org, key) {
			return err
		}
	}
	return s.renderVCSEChecklist(c, fiber.StatusUnprocessableEntity, f)
}

// vcseChecklistUpload adds one evidence file to an item. Its type is judged
// by the store from its bytes, not its name.
func (s *server) vcseChecklistUpload(c *fiber.Ctx, f *form, org, key string) error {
	field := "items." + key + ".file"
	data, name := s.vcseUploadedFile(c, f, field)
	if f.Valid() {
		ev, err := s.qa.AddEvidence(c.UserContext(), org, key, name, data)
		if err == nil {
			flash(c, "Uploaded "+ev.Filename+". Send it for review when the item is complete.")
			return redirect(c, "/app/organisation/qa#item-"+key)
		}
		if !s.vcseAbsorbChecklist(c, f, err, org, key) {
			return err
		}
	}
	return s.renderVCSEChecklist(c, fiber.StatusUnprocessableEntity, f)
}

// vcseUploadedFile reads the posted file, or records why it cannot.
func (s *server) vcseUploadedFile(c *fiber.Ctx, f *form, field string) ([]byte, string) {
	fh, err := c.FormFile("file")
	if err != nil || fh.Size == 0 {
		f.Fail(field, "Choose a file to upload")
		return nil, ""
	}
	if fh.Size > qa.MaxEvidenceSize {
		f.Fail(field, fmt.Sprintf("The file is %s; files must be at most %d MB", qaFileSize(int(fh.Size)), qa.MaxEvidenceSize>>20))
		return nil, ""
	}
	r, err := fh.Open()
	if err != nil {
		f.Fail(field, "The file could not be read; try uploading it again")
		return nil, ""
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, qa.MaxEvidenceSize+1))
	if err != nil {
		f.Fail(field, "The file could not be read; try uploading it again")
	}
	return data, strings.Clone(fh.Filename)
}

// vcseChecklistSubmit sends every filled-in item for review; the store names
// what is still incomplete.
func (s *server) vcseChecklistSubmit(c *fiber.Ctx, f *form, org string) error {
	rs, err := s.qa.Submit(c.UserContext(), org)
	if err == nil {
		flash(c, fmt.Sprintf("Sent %s for review. A reviewer will check them.", plural(len(rs), "item")))
		return redirect(c, "/app/organisation/qa")
	}
	if !s.vcseAbsorbChecklist(c, f, err, org, "") {
		return err
	}
	return s.renderVCSEChecklist(c, fiber.StatusUnprocessableEntity, f)
}

func (s *server) vcseChecklistConfirm(c *fiber.Ctx, org string) error {
	if _, err := s.qa.ConfirmListing(c.UserContext(), org); err != nil {
		return err
	}
	flash(c, "Thank you: you confirmed your listings are accurate")
	return redirect(c, "/app/organisation/qa")
}

// vcseAbsorbChecklist places the store's problems beside the item's fields:
// problems from saving one item name its fields bare ("reference"), those
// from submitting name "items.<key>.<field>".
func (s *server) vcseAbsorbChecklist(c *fiber.Ctx, f *form, err error, org, key string) bool {
	titles := map[string]string{}
	if a, aerr := s.qa.Assessment(c.UserContext(), org); aerr == nil {
		for _, it := range a.Items {
			titles[it.Key] = it.Title
		}
	}
	return vcseAbsorb(f, err, func(k, msg string) (string, string) {
		if k == "items" {
			return "submit", msg
		}
		if !strings.HasPrefix(k, "items.") {
			k = "items." + key + "." + k
		}
		item, field, _ := strings.Cut(strings.TrimPrefix(k, "items."), ".")
		return k, titles[item] + ": " + qaItemProblem(field, msg)
	})
}

var qaItemNouns = map[string]string{"file": "the file", "evidence_date": "the date", "reference": "the answer", "attested_by": "the name"}

// qaItemProblem words one problem with a checklist answer.
func qaItemProblem(field, msg string) string {
	if rest, ok := strings.CutPrefix(msg, "is required: "); ok {
		return "enter " + rest
	}
	for _, verb := range []string{"is ", "must ", "has "} {
		if strings.HasPrefix(msg, verb) && qaItemNouns[field] != "" {
			return qaItemNouns[field] + " " + msg
		}
	}
	return msg
}
