package referral

import (
	"time"

	"github.com/google/uuid"
)

// FHIR code systems and identifiers the export uses.
const (
	fhirNHSNumber    = "https://fhir.nhs.uk/Id/nhs-number"
	fhirBaRSEvents   = "https://fhir.nhs.uk/CodeSystem/message-events-bars"
	fhirKithNeeds    = "https://kith.example/taxonomy/needs"
	fhirKithReferral = "https://kith.example/Id/referral"
	fhirKithStatus   = "https://kith.example/CodeSystem/referral-status"
)

// Bundle is a FHIR R4 message bundle shaped like the NHS Booking and
// Referral Standard's: a MessageHeader, then the ServiceRequest it is about,
// the Task tracking it and the Patient.
type Bundle struct {
	ResourceType string        `json:"resourceType"`
	ID           string        `json:"id"`
	Type         string        `json:"type"`
	Timestamp    string        `json:"timestamp"`
	Entry        []BundleEntry `json:"entry"`
}

// BundleEntry is one resource of a bundle.
type BundleEntry struct {
	FullURL  string `json:"fullUrl"`
	Resource any    `json:"resource"`
}

type coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

type concept struct {
	Coding []coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

type reference struct {
	Reference string `json:"reference,omitempty"`
	Display   string `json:"display,omitempty"`
}

type identifier struct {
	System string `json:"system"`
	Value  string `json:"value"`
}

type messageHeader struct {
	ResourceType string      `json:"resourceType"`
	ID           string      `json:"id"`
	EventCoding  coding      `json:"eventCoding"`
	Source       source      `json:"source"`
	Focus        []reference `json:"focus"`
}

type source struct {
	Name     string `json:"name"`
	Endpoint string `json:"endpoint"`
}

type serviceRequest struct {
	ResourceType string       `json:"resourceType"`
	ID           string       `json:"id"`
	Identifier   []identifier `json:"identifier"`
	Status       string       `json:"status"`
	Intent       string       `json:"intent"`
	Code         concept      `json:"code"`
	Priority     string       `json:"priority"`
	Subject      reference    `json:"subject"`
	AuthoredOn   string       `json:"authoredOn"`
	Requester    reference    `json:"requester"`
	Performer    []reference  `json:"performer"`
	ReasonCode   []concept    `json:"reasonCode"`
}

type task struct {
	ResourceType   string       `json:"resourceType"`
	ID             string       `json:"id"`
	Status         string       `json:"status"`
	BusinessStatus concept      `json:"businessStatus"`
	StatusReason   *concept     `json:"statusReason,omitempty"`
	Intent         string       `json:"intent"`
	Focus          reference    `json:"focus"`
	For            reference    `json:"for"`
	AuthoredOn     string       `json:"authoredOn"`
	LastModified   string       `json:"lastModified"`
	Owner          reference    `json:"owner"`
	Output         []taskOutput `json:"output,omitempty"`
}

type taskOutput struct {
	Type        concept `json:"type"`
	ValueString string  `json:"valueString"`
}

type patient struct {
	ResourceType string       `json:"resourceType"`
	ID           string       `json:"id"`
	Identifier   []identifier `json:"identifier,omitempty"`
	Name         []concept    `json:"name"`
	BirthDate    string       `json:"birthDate"`
}

// requestStatus is the ServiceRequest status BaRS expects: active while the
// team works on it, revoked when declined or redirected, completed when
// closed.
func (s Status) requestStatus() string {
	switch {
	case s == StatusClosed:
		return "completed"
	case s.Ended():
		return "revoked"
	}
	return "active"
}

// taskStatus is the FHIR Task status of a referral at s.
func (s Status) taskStatus() string {
	switch s {
	case StatusReceived:
		return "requested"
	case StatusAccepted:
		return "accepted"
	case StatusDeclined, StatusRedirected:
		return "rejected"
	case StatusClosed:
		return "completed"
	}
	return "in-progress"
}

// Bundle exports the summary as a FHIR R4 message bundle for the
// referrer's system.
func (s Summary) Bundle() Bundle {
	ns := uuid.MustParse(s.ReferralID)
	taskID := uuid.NewSHA1(ns, []byte("task")).String()
	headerID := uuid.NewSHA1(ns, []byte("message/"+string(s.Status))).String()
	header := messageHeader{ResourceType: "MessageHeader", ID: headerID,
		EventCoding: coding{System: fhirBaRSEvents, Code: "servicerequest-response"},
		Source:      source{Name: "Kith: " + s.Team, Endpoint: "urn:uuid:" + s.TeamID},
		Focus:       []reference{{Reference: "urn:uuid:" + s.ReferralID}}}
	return Bundle{ResourceType: "Bundle", ID: uuid.NewSHA1(ns, []byte("bundle/"+string(s.Status))).String(),
		Type: "message", Timestamp: fhirTime(s.UpdatedAt),
		Entry: []BundleEntry{
			{FullURL: "urn:uuid:" + headerID, Resource: header},
			{FullURL: "urn:uuid:" + s.ReferralID, Resource: s.serviceRequest()},
			{FullURL: "urn:uuid:" + taskID, Resource: s.task(taskID)},
			{FullURL: "urn:uuid:" + s.PersonID, Resource: s.patient()},
		}}
}

func (s Summary) serviceRequest() serviceRequest {
	reasons := []concept{}
	for _, n := range s.Needs {
		reasons = append(reasons, concept{Coding: []coding{{System: fhirKithNeeds, Code: n.Code, Display: n.Name}}})
	}
	if s.Reason != "" {
		reasons = append(reasons, concept{Text: s.Reason})
	}
	return serviceRequest{ResourceType: "ServiceRequest", ID: s.ReferralID,
		Identifier: []identifier{{System: fhirKithReferral, Value: s.ReferralID}},
		Status:     s.Status.requestStatus(), Intent: "order",
		Code:     concept{Coding: []coding{snomed(SNOMEDReferral)}},
		Priority: s.Urgency, Subject: reference{Reference: "urn:uuid:" + s.PersonID, Display: s.Person.Name},
		AuthoredOn: fhirTime(s.ReceivedAt),
		Requester:  reference{Display: s.Referrer.Name + ", " + s.Referrer.Organisation},
		Performer:  []reference{{Display: s.Team}}, ReasonCode: reasons}
}

func (s Summary) task(id string) task {
	t := task{ResourceType: "Task", ID: id, Status: s.Status.taskStatus(), Intent: "order",
		BusinessStatus: concept{Coding: []coding{{System: fhirKithStatus, Code: string(s.Status)}}},
		Focus:          reference{Reference: "urn:uuid:" + s.ReferralID},
		For:            reference{Reference: "urn:uuid:" + s.PersonID},
		AuthoredOn:     fhirTime(s.ReceivedAt), LastModified: fhirTime(s.UpdatedAt),
		Owner: reference{Display: s.Team}}
	reason := concept{Text: s.because()}
	if s.Status == StatusDeclined {
		reason.Coding = []coding{snomed(SNOMEDDeclined)}
	}
	if reason.Text != "" {
		t.StatusReason = &reason
	}
	if s.EndedAt != nil {
		t.Output = []taskOutput{{Type: concept{Text: "Summary for the GP record"}, ValueString: s.Narrative}}
	}
	return t
}

func (s Summary) patient() patient {
	p := patient{ResourceType: "Patient", ID: s.PersonID, Name: []concept{{Text: s.Person.Name}},
		BirthDate: s.Person.DateOfBirth}
	if s.Person.NHSNumber != "" {
		p.Identifier = []identifier{{System: fhirNHSNumber, Value: s.Person.NHSNumber}}
	}
	return p
}

func snomed(code string) coding {
	return coding{System: SNOMEDSystem, Code: code, Display: snomedDisplay[code]}
}

func fhirTime(t time.Time) string { return t.Format(time.RFC3339) }
