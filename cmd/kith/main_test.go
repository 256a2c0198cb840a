package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) {
	if os.Getenv(asKith) != "" {
		main()
		os.Exit(0)
	}
	pgtest.Main(m)
}

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestUnknownCommandAndHelp(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"frobnicate"}, envOf(nil), nil, &out); err == nil {
		t.Fatal("unknown command accepted")
	}
	out.Reset()
	if err := run(t.Context(), []string{"help"}, envOf(nil), nil, &out); err != nil || !strings.Contains(out.String(), "kith serve") {
		t.Fatalf("help: %v %q", err, out.String())
	}
}

func TestUserAndTeamCommands(t *testing.T) {
	_, dsn := pgtest.NewURL(t)
	env := envOf(map[string]string{"DATABASE_URL": dsn, "KITH_LOG_LEVEL": "warn"})
	var out bytes.Buffer
	if err := run(t.Context(), []string{"team", "add", "--name", "Coalfields PCN"}, env, nil, &out); err != nil {
		t.Fatal(err)
	}
	var teamID string
	fmt.Sscanf(out.String()[strings.Index(out.String(), "(id ")+4:], "%36s", &teamID)
	out.Reset()
	args := []string{"user", "add", "--email", "sam@pcn.example", "--role", "link_worker", "--team", teamID}
	if err := run(t.Context(), args, env, strings.NewReader("a long password\n"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "created link_worker sam@pcn.example") {
		t.Fatalf("output %q", out.String())
	}
	err := run(t.Context(), []string{"user", "add", "--email", "x@pcn.example", "--role", "link_worker"}, env, strings.NewReader("a long password\n"), &out)
	if err == nil || !strings.Contains(err.Error(), "team_id") {
		t.Fatalf("link worker without a team: %v", err)
	}
	err = run(t.Context(), []string{"user", "add", "--email", "y@pcn.example", "--role", "admin"}, env, strings.NewReader(""), &out)
	if err == nil || !strings.Contains(err.Error(), "password") {
		t.Fatalf("no password on stdin: %v", err)
	}
}

// The path `make run` takes: no DATABASE_URL, so serve starts the embedded
// cluster, answers /readyz, and stops everything on cancel.
func TestServeOnEmbeddedCluster(t *testing.T) {
	dataDir := pgtest.DataDir(t)
	addr := freeAddr(t)
	env := envOf(map[string]string{"KITH_DATA": dataDir, "KITH_ADDR": addr, "KITH_LOG_LEVEL": "warn"})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, env, nil, &bytes.Buffer{}) }()

	waitReady(t, "http://"+addr+"/readyz", done)
	resp, err := http.Get("http://" + addr + "/api/taxonomy_terms")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("taxonomy: %v %v", resp, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v on shutdown", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Fatal("still listening after shutdown")
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitReady(t *testing.T, url string, done chan error) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v", err)
		default:
		}
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("server never became ready")
}
