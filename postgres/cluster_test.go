package postgres

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"
)

func TestFindBinariesNoneFound(t *testing.T) {
	t.Setenv("PATH", "")
	setVersionDirs(t, filepath.Join(t.TempDir(), "*", "bin"))

	_, err := findBinaries(t.Context())
	if !errors.Is(err, ErrNoBinaries) {
		t.Fatalf("err = %v, want ErrNoBinaries", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "apt-get install postgresql") || !strings.Contains(msg, "DATABASE_URL") {
		t.Errorf("message should be one line naming the package and DATABASE_URL, got %q", msg)
	}

	_, err = StartLocal(t.Context(), t.TempDir(), nil)
	if !errors.Is(err, ErrNoBinaries) {
		t.Errorf("StartLocal err = %v, want ErrNoBinaries", err)
	}
}

func TestFindBinariesPrefersNewestVersion(t *testing.T) {
	t.Setenv("PATH", "") // keep the real pg_config out of it
	root := t.TempDir()
	setVersionDirs(t, filepath.Join(root, "*", "bin"))
	for _, v := range []string{"9.6", "10", "16", "notaversion"} {
		fakeBinaries(t, filepath.Join(root, v, "bin"))
	}
	os.Remove(filepath.Join(root, "16", "bin", "pg_ctl")) // incomplete: must be passed over

	got, err := findBinaries(t.Context())
	if want := filepath.Join(root, "10", "bin"); err != nil || got != want {
		t.Fatalf("findBinaries = %q, %v; want %q (10 beats 9.6 numerically)", got, err, want)
	}

	setVersionDirs(t, filepath.Join(t.TempDir(), "*", "bin"))
	t.Setenv("PATH", filepath.Join(root, "9.6", "bin"))
	if got, err := findBinaries(t.Context()); err != nil || got != filepath.Join(root, "9.6", "bin") {
		t.Fatalf("PATH fallback: findBinaries = %q, %v", got, err)
	}
}

func TestLocalSharedAndStoppedByLastRelease(t *testing.T) {
	t.Parallel()
	dataDir := reachableTempDir(t)
	a := startTestLocal(t, dataDir)
	mustQueryLocal(t, a.DSN("kith"))
	mustQueryLocal(t, a.DSN("postgres"))
	checkClusterFiles(t, a)

	b := startTestLocal(t, dataDir)
	if a.port != b.port || a.DSN("kith") != b.DSN("kith") {
		t.Fatalf("second StartLocal got port %d, want the running server's %d", b.port, a.port)
	}

	if err := a.Release(t.Context()); err != nil {
		t.Fatal(err)
	}
	mustQueryLocal(t, b.DSN("kith")) // b still uses it

	// Shutdown paths call Release with a context that is already done.
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	if err := b.Release(cancelled); err != nil {
		t.Fatal(err)
	}
	if err := queryLocal(t, b.DSN("kith")); err == nil {
		t.Fatal("server still answers after the last Release")
	}
	if err := b.Release(t.Context()); err != nil {
		t.Fatalf("second Release: %v", err)
	}
}

func TestLocalRestartKeepsData(t *testing.T) {
	t.Parallel()
	dataDir := reachableTempDir(t)
	first := startTestLocal(t, dataDir)
	execLocal(t, first.DSN("kith"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')")
	if err := first.Release(t.Context()); err != nil {
		t.Fatal(err)
	}

	second := startTestLocal(t, dataDir)
	var v string
	if err := openTestDB(t, second.DSN("kith")).QueryRowContext(t.Context(), "SELECT v FROM kept").Scan(&v); err != nil || v != "still here" {
		t.Fatalf("after restart: %q, %v", v, err)
	}
}

func TestLocalRecoversFromCrashedServer(t *testing.T) {
	t.Parallel()
	dataDir := reachableTempDir(t)
	crashed := startTestLocal(t, dataDir)
	killPostmaster(t, crashed.dir)

	again := startTestLocal(t, dataDir) // postmaster.pid is stale now
	mustQueryLocal(t, again.DSN("kith"))
}

func TestLocalStartFailureShowsServerLog(t *testing.T) {
	t.Parallel()
	dataDir := reachableTempDir(t)
	l := startTestLocal(t, dataDir)
	if err := l.Release(t.Context()); err != nil {
		t.Fatal(err)
	}
	conf, err := os.OpenFile(filepath.Join(l.dir, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err == nil {
		_, err = conf.WriteString("no_such_setting = 1\n")
		conf.Close()
	}
	if err != nil {
		t.Fatal(err)
	}

	_, err = StartLocal(t.Context(), dataDir, nil)
	if err == nil || !strings.Contains(err.Error(), `unrecognized configuration parameter "no_such_setting"`) {
		t.Fatalf("error should quote the server log, got: %v", err)
	}
}

// TestLocalSharedAcrossProcesses runs a second kith-like process (this test
// binary again) on the same data dir, then SIGKILLs it: its flock dies
// with it, so the parent's Release is the last and stops the server.
func TestLocalSharedAcrossProcesses(t *testing.T) {
	t.Parallel()
	dataDir := reachableTempDir(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLocalHelperProcess$")
	cmd.Env = append(os.Environ(), "KITH_PG_HELPER_DIR="+dataDir)
	_, err := cmd.StdinPipe() // the helper holds on until it is killed
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	childPort := helperPort(t, out)

	l := startTestLocal(t, dataDir)
	if l.port != childPort {
		t.Fatalf("parent got port %d, helper process %d", l.port, childPort)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	mustQueryLocal(t, l.DSN("kith"))
	if err := l.Release(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := queryLocal(t, l.DSN("kith")); err == nil {
		t.Fatal("server outlived its last live user")
	}
}

// TestLocalHelperProcess is the other process of TestLocalSharedAcrossProcesses.
func TestLocalHelperProcess(t *testing.T) {
	dataDir := os.Getenv("KITH_PG_HELPER_DIR")
	if dataDir == "" {
		t.Skip("runs only as TestLocalSharedAcrossProcesses's helper")
	}
	l, err := StartLocal(t.Context(), dataDir, nil)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("port", l.port)
	io.Copy(io.Discard, os.Stdin)
}

func helperPort(t *testing.T, out io.Reader) int {
	t.Helper()
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if p, ok := strings.CutPrefix(sc.Text(), "port "); ok {
			port, err := strconv.Atoi(p)
			if err != nil {
				t.Fatal(err)
			}
			return port
		}
		t.Log("helper:", sc.Text())
	}
	t.Fatalf("helper process exited without starting: %v", sc.Err())
	return 0
}

func TestLocalConcurrentStartsShareOneServer(t *testing.T) {
	t.Parallel()
	dataDir := reachableTempDir(t)
	const n = 4
	locals := make([]*Local, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var err error
			if locals[i], err = tryStartLocal(t, dataDir); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	for _, l := range locals {
		if l.port != locals[0].port {
			t.Fatalf("ports differ: %d and %d", l.port, locals[0].port)
		}
	}
	mustQueryLocal(t, locals[0].DSN("kith"))

	for _, l := range locals {
		wg.Go(func() {
			if err := l.Release(t.Context()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := queryLocal(t, locals[0].DSN("kith")); err == nil {
		t.Fatal("server still answers after every user released it")
	}
}

func TestLocalUnreachableDataDirFallsBack(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the cluster to another user")
	}
	t.Parallel()
	private := filepath.Join(reachableTempDir(t), "private")
	if err := os.Mkdir(private, 0o700); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(private, "data")
	sum := sha256.Sum256([]byte(dataDir))
	want := filepath.Join("/var/lib/kith", "pg-"+hex.EncodeToString(sum[:])[:12])
	t.Cleanup(func() { os.RemoveAll(want) }) // runs after the Release below

	l := startTestLocal(t, dataDir)
	if l.dir != want {
		t.Fatalf("cluster at %s, want %s", l.dir, want)
	}
	mustQueryLocal(t, l.DSN("kith"))
	if fi, err := os.Stat(private); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("private dir mode changed: %v %v", fi.Mode(), err)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "pg")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dataDir/pg should not exist, stat: %v", err)
	}
	if blocked := l.runAs.firstUnreachable(dataDir); blocked != private {
		t.Errorf("firstUnreachable = %q, want %q", blocked, private)
	}
}

func setVersionDirs(t *testing.T, pattern string) {
	old := pgVersionDirs
	pgVersionDirs = pattern
	t.Cleanup(func() { pgVersionDirs = old })
}

func fakeBinaries(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"postgres", "initdb", "pg_ctl"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// reachableTempDir skips tests that need a server on machines without
// one, then works like t.TempDir, whose 0700 directories the postgres
// user could not enter when the tests run as root.
func reachableTempDir(t *testing.T) string {
	t.Helper()
	if _, err := findBinaries(t.Context()); err != nil {
		t.Skip(err)
	}
	dir, err := os.MkdirTemp("", "kith-pg-test-")
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// startTestLocal starts a cluster that is released when the test ends.
func startTestLocal(t *testing.T, dataDir string) *Local {
	t.Helper()
	l, err := tryStartLocal(t, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// tryStartLocal is startTestLocal for goroutines, which must not FailNow.
func tryStartLocal(t *testing.T, dataDir string) (*Local, error) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	l, err := StartLocal(ctx, dataDir, slog.New(slog.NewTextHandler(t.Output(), nil)))
	if err != nil {
		return nil, err
	}
	t.Logf("StartLocal took %v", time.Since(start))
	t.Cleanup(func() {
		if err := l.Release(context.Background()); err != nil {
			t.Error(err)
		}
	})
	return l, nil
}

func checkClusterFiles(t *testing.T, l *Local) {
	t.Helper()
	if fi, err := os.Stat(l.secretPath()); err != nil || fi.Mode().Perm() != 0o600 ||
		fi.Sys().(*syscall.Stat_t).Uid != uint32(os.Geteuid()) {
		t.Errorf("pg.secret: %v, %v; want mode 0600 owned by the invoking user", fi.Mode(), err)
	}
	fi, err := os.Stat(l.dir)
	if err != nil {
		t.Fatal(err)
	}
	wantUID := uint32(os.Geteuid())
	if l.runAs != nil {
		wantUID = l.runAs.uid
		if u, _ := user.LookupId(strconv.Itoa(int(wantUID))); u == nil || u.Username != "postgres" {
			t.Errorf("server user %v, want postgres", u)
		}
	}
	if fi.Mode().Perm() != 0o700 || fi.Sys().(*syscall.Stat_t).Uid != wantUID {
		t.Errorf("cluster dir mode %v uid %d; want 0700 uid %d", fi.Mode(), fi.Sys().(*syscall.Stat_t).Uid, wantUID)
	}
	hba, err := os.ReadFile(filepath.Join(l.dir, "pg_hba.conf"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(hba)) {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") && f[len(f)-1] == "trust" {
			t.Errorf("pg_hba.conf trusts: %s", line)
		}
	}
}

// killPostmaster crashes the server and returns once it is dead, though
// possibly not yet reaped: StartLocal must cope with a zombie too.
func killPostmaster(t *testing.T, dir string) {
	t.Helper()
	pid, err := readPidFileLine(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for {
		state, err := procState(pid)
		if err != nil || state == 'Z' {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func openTestDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	c, err := pq.NewConnector(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(c)
	t.Cleanup(func() { db.Close() })
	return db
}

func queryLocal(t *testing.T, dsn string) error {
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	var one int
	return openTestDB(t, dsn).QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

func mustQueryLocal(t *testing.T, dsn string) {
	t.Helper()
	if err := queryLocal(t, dsn); err != nil {
		t.Fatalf("SELECT 1: %v", err)
	}
}

func execLocal(t *testing.T, dsn, stmt string) {
	t.Helper()
	if _, err := openTestDB(t, dsn).ExecContext(t.Context(), stmt); err != nil {
		t.Fatal(err)
	}
}
