package search

import (
	"context"
	"time"

	"kith/qa"
)

// farFuture stands for "assured with nothing due to expire".
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// QAAssurer reads referral readiness from quality assurance.
type QAAssurer struct{ QA *qa.Store }

// ReferralReadyUntil gives, for each organisation assured at the referral
// tier now, the moment that stops unless evidence is renewed.
func (a QAAssurer) ReferralReadyUntil(ctx context.Context, orgIDs []string) (map[string]time.Time, error) {
	statuses, err := a.QA.Statuses(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[string]time.Time, len(statuses))
	for id, s := range statuses {
		t := s.At(qa.TierReferral)
		switch {
		case !t.Status.Assured():
		case t.AssuredUntil == nil:
			out[id] = farFuture
		default:
			out[id] = *t.AssuredUntil
		}
	}
	return out, nil
}
