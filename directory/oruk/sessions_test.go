package oruk_test

import (
	"strings"
	"testing"

	"kith/directory/oruk"
)

func TestParseSessions(t *testing.T) {
	for in, want := range map[string]string{
		"Tue 10:00-11:00":                       "WEEKLY TU 10:00-11:00",
		"Mon, Wed 18:30 - 20:00":                "WEEKLY MO,WE 18:30-20:00",
		"Mon-Fri 9am-5pm":                       "WEEKLY MO,TU,WE,TH,FR 09:00-17:00",
		"Fri-Mon 9.30 to 12":                    "WEEKLY FR,SA,SU,MO 09:30-12:00",
		"1st Sat 13:30-15:30; last Fri 2pm-4pm": "MONTHLY 1SA 13:30-15:30|MONTHLY -1FR 14:00-16:00",
		"thursday 12pm-12:30pm":                 "WEEKLY TH 12:00-12:30",
		" ; ":                                   "",
	} {
		scheds, err := oruk.ParseSessions(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		var got []string
		for _, s := range scheds {
			got = append(got, s.Freq+" "+strings.Join(s.ByDay, ",")+" "+s.OpensAt+"-"+s.ClosesAt)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%q: %q, want %q", in, strings.Join(got, "|"), want)
		}
	}
	for _, bad := range []string{"Tuesdays", "Funday 10:00-11:00", "Tue 25:00-26:00", "Tue ten-eleven", "Mon-Funday 9-5"} {
		if _, err := oruk.ParseSessions(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
