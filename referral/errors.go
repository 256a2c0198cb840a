package referral

import "kith/directory"

// Refusal codes this package adds to directory's (full, weekly_cap, paused,
// not_referral_ready), as the API reports them.
const (
	ReasonInvalidTransition = "invalid_transition"
	ReasonNotOpen           = "referral_not_open"
	ReasonNoConsent         = "no_consent"
	ReasonAlreadyConnected  = "already_connected"
	ReasonKeyReused         = "idempotency_key_reused"
	ReasonNoTeam            = "no_team"
)

var refusalMessages = map[string]string{
	ReasonNotOpen:          "the referral is not open: accept it first, or it has ended",
	ReasonNoConsent:        "the person has not agreed to share their details with services",
	ReasonAlreadyConnected: "the person already has an open connection to this service",
	ReasonKeyReused:        "this Idempotency-Key was already used for a different request",
	ReasonNoTeam:           "no link-worker team is taking self-referrals yet",
}

func refuse(code string) error {
	return &directory.Refusal{Code: code, Message: refusalMessages[code]}
}

// denied is the error for a caller who may not do something: anonymous
// callers are asked to sign in, others are refused.
func denied(u *directory.User) error {
	if u == nil {
		return directory.ErrUnauthenticated
	}
	return directory.ErrForbidden
}
