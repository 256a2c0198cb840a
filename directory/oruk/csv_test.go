package oruk_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"kith/directory/oruk"
)

func TestTemplateIsInTheLayoutAndReads(t *testing.T) {
	header, err := csv.NewReader(bytes.NewReader(oruk.Template())).Read()
	if err != nil || !slices.Equal(header, oruk.Columns) {
		t.Fatalf("template header %v (%v), want %v", header, err, oruk.Columns)
	}
	sheet, err := mapper(t).ReadCSV(bytes.NewReader(oruk.Template()))
	if err != nil || len(sheet.Errors) > 0 || len(sheet.Records) != 2 {
		t.Fatalf("template: %d records, errors %v, %v", len(sheet.Records), sheet.Errors, err)
	}
	walk := sheet.Records[0].Service
	if len(walk.Locations) != 2 || len(walk.Schedules) != 3 || !slices.Equal(sheet.Lines[0], []int{2, 3}) {
		t.Errorf("two rows of one service: venues %d, sessions %d, lines %v", len(walk.Locations), len(walk.Schedules), sheet.Lines[0])
	}
	if walk.Schedules[2].LocationID != walk.Locations[1].ID || walk.Areas[0].Name != "Sunderland" || walk.Areas[0].AreaCode != "E08000024" {
		t.Errorf("second venue's session %+v, area %+v", walk.Schedules[2], walk.Areas)
	}
	phone := sheet.Records[1]
	if !slices.Equal(phone.Service.DeliveryModes, []string{"phone"}) || !slices.Equal(phone.Service.Categories, []string{"befriending"}) ||
		phone.Organisation.Identifiers[0].Identifier != "1188888" {
		t.Errorf("phone service %+v, organisation %+v", phone.Service, phone.Organisation)
	}
}

const sheet = `Organisation,Name,Sessions,Min_Age,Free,Languages,Postcode,Latitude,Longitude,Accessibility,Categories,Service_ref
Roker Walkers,Beach walk,Sat 09:00-10:00,,yes,en,SR6 9AA,,,wheelchair;Hearing loop,walking;Rock pooling,
Roker Walkers,Sea swim,Sun 08:00-09:00,eighteen,,,,,,,,
Roker Walkers,,,,,,,,,,,
,,,,,,,,,,,
Roker Walkers,Cliff walk,Sundays at ten,,maybe,Elvish,,54.9,,teleporter,,
Roker Walkers,Beach walk,Wed 18:00-19:00,,,,SR6 8AA,,,,,
Hendon Shed,Woodwork,Mon 10:00-12:00,,no,,sr4 7ab,,,,,shed-1
Hendon Shed,Woodwork (evening),Mon 18:00-20:00,,,,SR4 7AB,,,,,shed-1
`

func TestReadCSVReportsRowsByLine(t *testing.T) {
	s, err := mapper(t).ReadCSV(strings.NewReader(sheet))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Errors {
		got = append(got, e.Error())
	}
	want := []string{
		"line 3: min_age: must be a whole number of years",
		"line 4: organisation and name are required",
		"line 6: sessions: \"Sundays at ten\": write a session like \"Tue 10:00-11:00\" or \"1st Sat 13:30-15:30\"",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	for _, col := range []string{"free", "languages", "latitude", "accessibility"} {
		if !strings.Contains(strings.Join(got, "\n"), "line 6: "+col+": ") {
			t.Errorf("line 6 %s not reported:\n%s", col, strings.Join(got, "\n"))
		}
	}
	if len(s.Records) != 2 {
		t.Fatalf("%d records, want the beach walk and the shed", len(s.Records))
	}
	beach, shed := s.Records[0], s.Records[1]
	if len(beach.Service.Locations) != 2 || !slices.Equal(beach.Service.Locations[0].Accessibility, []string{"wheelchair", "hearing_loop"}) {
		t.Errorf("beach walk venues %+v", beach.Service.Locations)
	}
	if !slices.Equal(beach.Service.Categories, []string{"walking"}) || len(beach.Terms) != 2 || len(beach.Fixes) != 1 {
		t.Errorf("categories %v terms %+v fixes %v", beach.Service.Categories, beach.Terms, beach.Fixes)
	}
	if len(shed.Service.Locations) != 1 || len(shed.Service.Schedules) != 2 || shed.SourceID != "shed-1" {
		t.Errorf("one venue twice is one venue: %+v", shed.Service)
	}
}

func TestReadCSVRefusesAnotherLayout(t *testing.T) {
	for doc, want := range map[string]string{
		"organisation,name,postocde\n": `column "postocde" is not in Kith's layout`,
		"organisation,description\n":   `needs a "name" column`,
		"organisation,name,name\n":     `column "name" appears twice`,
		"":                             "reading the header",
	} {
		if _, err := mapper(t).ReadCSV(strings.NewReader(doc)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", doc, err, want)
		}
	}
}

func TestCSVColumnNamesDirectoryFields(t *testing.T) {
	for field, want := range map[string]string{
		"name": "name", "url": "website", "locations[1].postcode": "postcode", "locations[0].name": "venue",
		"locations[0].lat": "latitude", "schedules[2].closes_at": "sessions", "phones[0].number": "phone",
		"contacts[0].email": "contact_email", "min_age": "min_age", "delivery_modes[0]": "delivery",
	} {
		if got := oruk.CSVColumn(field); got != want {
			t.Errorf("CSVColumn(%q) = %q, want %q", field, got, want)
		}
	}
}

// Excel saves "CSV" as Windows-1252 unless asked otherwise.
func TestReadCSVReadsWindows1252(t *testing.T) {
	s, err := mapper(t).ReadCSV(strings.NewReader("organisation,name,fees\nCaf\xe9 Club,Lunch,\xa35 \x96 pay what you can\n"))
	if err != nil || len(s.Records) != 1 {
		t.Fatalf("%v %+v", err, s)
	}
	r := s.Records[0]
	if r.Organisation.Name != "Café Club" || r.Service.FeesDescription != "£5 – pay what you can" {
		t.Errorf("read %q, %q", r.Organisation.Name, r.Service.FeesDescription)
	}
}
