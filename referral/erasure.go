package referral

import "kith/directory"

// ErasureReasons are why a person's data may be erased: they asked (UK GDPR
// article 17), the retention period ran out, or it was recorded about the
// wrong person.
var ErasureReasons = []string{"subject_request", "retention_expired", "recorded_in_error"}

// Erasure asks for a person's identifying data to be removed.
type Erasure struct {
	Reason string `json:"reason"`
}

// Validate insists on a coded reason: free text here could itself name the
// person.
func (e Erasure) Validate() error {
	p := directory.Problems{}
	p.OneOf("reason", e.Reason, ErasureReasons)
	return p.Err()
}

// ErasedName is what an erased person is called from then on.
const ErasedName = "Erased"
