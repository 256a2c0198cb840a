package directory_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kith/directory"
)

func TestPasswordPolicy(t *testing.T) {
	s := newStore(t)
	tests := []struct {
		name, password, problem string
	}{
		{"long and uncommon", "tea at the bandstand on tuesdays", ""},
		{"eleven characters", "abcdefghijk", "must be at least 12 characters"},
		{"eleven letters and accents count as characters", "ééééééééééé", "must be at least 12 characters"},
		{"common", "qwertyuiop123", "most common passwords"},
		{"common in capitals", "QwErTyUiOp123", "most common passwords"},
		{"common, from the end of the list", "Weihnachtsbaum", "most common passwords"},
		{"the email address", "Sam@PCN.example", "must not be your email address"},
		{"too long", strings.Repeat("x", 257), "must be at most 256 characters"},
		{"not UTF-8", "correct horse \xff battery", "not valid UTF-8"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			email := "sam@pcn.example"
			if tt.problem == "" || !strings.Contains(tt.problem, "email") {
				email = strings.Replace(email, "sam", "sam"+string(rune('a'+i)), 1)
			}
			_, err := s.CreateUser(asAdmin(), directory.UserInput{Email: email, Role: "admin", Password: tt.password})
			if tt.problem == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var p directory.Problems
			if !errors.As(err, &p) || !strings.Contains(p["password"], tt.problem) {
				t.Fatalf("got %v, want a password problem saying %q", err, tt.problem)
			}
		})
	}
}

// clock is a settable time for a store.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func TestSessionsExpireWhenIdleAndAfterTheirLifetime(t *testing.T) {
	c := &clock{now: time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)}
	s := newStore(t).WithClock(c.Now)
	mustUser(t, s, directory.UserInput{Email: "lw@pcn.example", Role: "admin"})
	login := func() string {
		t.Helper()
		token, _, err := s.Login(t.Context(), "lw@pcn.example", "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		return token
	}
	live := func(token string) bool {
		_, err := s.UserBySession(t.Context(), token)
		if err != nil && !errors.Is(err, directory.ErrUnauthenticated) {
			t.Fatal(err)
		}
		return err == nil
	}

	idle := login()
	c.now = c.now.Add(directory.SessionIdle - time.Minute)
	if !live(idle) {
		t.Fatal("session ended before its idle timeout")
	}
	c.now = c.now.Add(directory.SessionIdle + time.Second)
	if live(idle) {
		t.Fatal("session outlived its idle timeout")
	}

	busy := login()
	started := c.now
	for c.now.Before(started.Add(directory.SessionTTL - time.Hour)) {
		c.now = c.now.Add(time.Hour)
		if !live(busy) {
			t.Fatalf("busy session ended after %v", c.now.Sub(started))
		}
	}
	c.now = started.Add(directory.SessionTTL)
	if live(busy) {
		t.Fatal("busy session outlived its lifetime")
	}
}

func TestSignInThrottledPerAccountAndPerAddress(t *testing.T) {
	c := &clock{now: time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)}
	s := newStore(t).WithClock(c.Now)
	for _, email := range []string{"a@pcn.example", "b@pcn.example"} {
		mustUser(t, s, directory.UserInput{Email: email, Role: "admin"})
	}
	const right = "correct horse battery"
	try := func(addr, email, password string) error {
		_, _, err := s.LoginFrom(t.Context(), addr, email, password)
		return err
	}
	for range directory.MaxAccountFailures {
		if err := try("192.0.2.1", "A@pcn.example", "wrong password"); !errors.Is(err, directory.ErrUnauthenticated) {
			t.Fatalf("wrong password: %v", err)
		}
	}
	var throttled *directory.Throttled
	if err := try("192.0.2.9", "a@pcn.example", right); !errors.As(err, &throttled) || throttled.RetryAfter != directory.LoginWindow {
		t.Fatalf("right password after %d failures, from elsewhere: %v, want throttled for the whole window", directory.MaxAccountFailures, err)
	}
	if err := try("192.0.2.1", "b@pcn.example", right); err != nil {
		t.Fatalf("another account from the same address: %v", err)
	}
	c.now = c.now.Add(directory.LoginWindow - time.Minute)
	if err := try("192.0.2.9", "a@pcn.example", right); !errors.As(err, &throttled) || throttled.RetryAfter != time.Minute {
		t.Fatalf("a minute before the window ends: %v", err)
	}
	c.now = c.now.Add(time.Minute)
	if err := try("192.0.2.9", "a@pcn.example", right); err != nil {
		t.Fatalf("after the window: %v", err)
	}

	// Guessing across many accounts from one address.
	for i := range directory.MaxAddressFailures {
		err := try("198.51.100.7", "nobody"+string(rune('a'+i%26))+"@pcn.example", "wrong password")
		if !errors.Is(err, directory.ErrUnauthenticated) {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	if err := try("198.51.100.7", "b@pcn.example", right); !errors.As(err, &throttled) {
		t.Fatalf("right password from a guessing address: %v", err)
	}
	if err := try("198.51.100.8", "b@pcn.example", right); err != nil {
		t.Fatalf("the same account from another address: %v", err)
	}
	var rows int
	if err := s.DB().Get(&rows, `SELECT count(*) FROM login_throttle WHERE encode(key_hash, 'escape') LIKE '%pcn.example%'`); err != nil || rows != 0 {
		t.Fatalf("throttle rows name accounts in clear: %d, %v", rows, err)
	}
}

func TestChangePasswordEndsEverySession(t *testing.T) {
	s := newStore(t)
	u := mustUser(t, s, directory.UserInput{Email: "lw@pcn.example", Role: "admin"})
	first, _, _ := s.Login(t.Context(), "lw@pcn.example", "correct horse battery")
	second, _, _ := s.Login(t.Context(), "lw@pcn.example", "correct horse battery")
	ctx := as(u)
	_, err := s.ChangePassword(ctx, directory.PasswordChange{Current: "not my password", New: "tea at the bandstand"})
	wantProblems(t, err, "current_password")
	_, err = s.ChangePassword(ctx, directory.PasswordChange{Current: "correct horse battery", New: "password1234"})
	wantProblems(t, err, "new_password")
	fresh, err := s.ChangePassword(ctx, directory.PasswordChange{Current: "correct horse battery", New: "tea at the bandstand"})
	if err != nil {
		t.Fatal(err)
	}
	for _, old := range []string{first, second} {
		if _, err := s.UserBySession(t.Context(), old); !errors.Is(err, directory.ErrUnauthenticated) {
			t.Fatalf("a session from before the change still works: %v", err)
		}
	}
	if who, err := s.UserBySession(t.Context(), fresh); err != nil || who.ID != u.ID {
		t.Fatalf("new session: %v", err)
	}
	if _, _, err := s.Login(t.Context(), "lw@pcn.example", "correct horse battery"); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("old password still works: %v", err)
	}
	if _, _, err := s.Login(t.Context(), "lw@pcn.example", "tea at the bandstand"); err != nil {
		t.Fatalf("new password: %v", err)
	}
	if _, err := s.ChangePassword(asAdmin(), directory.PasswordChange{}); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("the system user changing a password: %v", err)
	}
}
