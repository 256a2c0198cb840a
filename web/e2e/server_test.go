package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kith/postgres/pgtest"
)

// server is one `kith serve` with the demo region, shared by the package's
// tests and stopped by TestMain.
type server struct {
	URL    string
	cmd    *exec.Cmd
	exited chan error
	drop   func()
	dir    string
}

var (
	shared     *server
	sharedErr  error
	sharedOnce sync.Once
)

func TestMain(m *testing.M) {
	code := func() int {
		defer func() {
			if shared != nil {
				shared.stop()
			}
		}()
		return m.Run()
	}()
	pgtest.Main(exitWith(code))
}

// exitWith lets TestMain hand pgtest.Main a run that has already happened,
// so the embedded cluster is released after the server has stopped.
type exitWith int

func (e exitWith) Run() int { return int(e) }

// demoServer starts the shared server on first use.
func demoServer(t *testing.T) *server {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = startServer(t) })
	if sharedErr != nil {
		t.Fatalf("e2e: server: %v", sharedErr)
	}
	return shared
}

func startServer(t *testing.T) (*server, error) {
	dir, err := os.MkdirTemp("", "kith-e2e-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir}
	dsn, drop := pgtest.Shared(t)
	s.drop = drop
	bin := filepath.Join(dir, "kith")
	if out, err := exec.Command("go", "build", "-o", bin, "kith/cmd/kith").CombinedOutput(); err != nil {
		return s, fmt.Errorf("build: %v\n%s", err, out)
	}
	addr, err := freeAddr()
	if err != nil {
		return s, err
	}
	env := append(os.Environ(), "DATABASE_URL="+dsn, "KITH_DATA="+filepath.Join(dir, "data"),
		"KITH_ADDR="+addr, "KITH_TILE_URL=off", "KITH_LOG_LEVEL=warn")
	demo := exec.Command(bin, "demo")
	demo.Env = env
	if out, err := demo.CombinedOutput(); err != nil {
		return s, fmt.Errorf("kith demo: %v\n%s", err, out)
	}
	s.cmd = exec.Command(bin, "serve")
	s.cmd.Env = env
	s.cmd.Stdout, s.cmd.Stderr = os.Stderr, os.Stderr
	if err := s.cmd.Start(); err != nil {
		return s, err
	}
	s.URL = "http://" + addr
	exited := make(chan error, 1)
	go func() { exited <- s.cmd.Wait() }()
	s.exited = exited
	return s, waitReady(s.URL, exited, 90*time.Second)
}

func (s *server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(os.Interrupt)
		select {
		case <-s.exited:
		case <-time.After(20 * time.Second):
			s.cmd.Process.Kill()
		}
	}
	if s.drop != nil {
		s.drop()
	}
	os.RemoveAll(s.dir)
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitReady(base string, exited <-chan error, within time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/readyz", nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-exited:
			return fmt.Errorf("kith serve exited before it was ready: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("%s/readyz not ready after %s (last: %v)", base, within, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// demoPassword is every demo login's password (cmd/kith/demo).
const demoPassword = "kith-demo-2026"

// The demo region's logins (cmd/kith/demo/accounts.go).
const (
	adminLogin        = "admin@kith.example"
	qaLogin           = "qa@kith.example"
	linkWorkerLogin   = "linkworker@kith.example"
	linkWorker2Login  = "linkworker2@kith.example"
	vcseLogin         = "vcse@kith.example"
	vcse2Login        = "vcse2@kith.example"
	commissionerLogin = "commissioner@kith.example"
)
