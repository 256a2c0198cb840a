package postgres

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lib/pq"
)

// ErrNoBinaries is returned (wrapped) when no PostgreSQL server binaries can be found.
var ErrNoBinaries = errors.New("no PostgreSQL server binaries found")

// pgVersionDirs is where Debian-style packages put each major version's
// server binaries. It is a variable so tests can search an empty tree.
var pgVersionDirs = "/usr/lib/postgresql/*/bin"

const (
	// Kith connects as the superuser: the cluster is private to it, so a
	// lesser role would guard nothing and CREATE DATABASE needs the power.
	localSuperuser = "kith"
	localDatabase  = "kith"

	// fallbackClusterRoot holds clusters whose data dir the unprivileged
	// server user cannot reach.
	fallbackClusterRoot = "/var/lib/kith"

	// clusterOptions suit a developer machine: loopback only, no Unix socket
	// (its path can exceed the 107-byte limit under deep data dirs), and
	// modest memory. fsync stays on so a crash never corrupts the data.
	clusterOptions = "-c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
		"-c shared_buffers=128MB -c max_connections=100 -c TimeZone=UTC"

	startAttempts  = 3
	readyTimeout   = 30 * time.Second
	releaseTimeout = 2 * time.Minute
	logTailLines   = 20
)

// Local is a private PostgreSQL cluster under a data directory, shared by every kith process using that directory.
type Local struct {
	dataDir  string
	dir      string // the cluster: dataDir/pg, or a fallback when the server user cannot reach dataDir
	bin      string
	runAs    *serverUser // nil: the current user
	log      *slog.Logger
	port     int
	password string

	startLock, usersLock *lockFile

	mu       sync.Mutex
	released bool
}

// serverUser is the unprivileged account the server runs as when kith runs
// as root, because PostgreSQL refuses to run as root. The server gets all
// of its groups, which is also what the reachability check assumes.
type serverUser struct {
	name     string
	uid, gid uint32
	groups   []uint32
}

// StartLocal makes sure the cluster under dataDir/pg is initialised and running (starting it if no other process has), registers this process as a user of it, and returns it. logger may be nil.
func StartLocal(ctx context.Context, dataDir string, logger *slog.Logger) (*Local, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	l, err := newLocal(ctx, dataDir, logger)
	if err != nil {
		return nil, err
	}
	if l.startLock, err = openLockFile(filepath.Join(l.dataDir, startLockName)); err != nil {
		return nil, err
	}
	if l.usersLock, err = openLockFile(filepath.Join(l.dataDir, usersLockName)); err != nil {
		l.startLock.close()
		return nil, err
	}
	if err := l.join(ctx); err != nil {
		l.closeLocks()
		return nil, err
	}
	return l, nil
}

// DSN returns a lib/pq connection string for database name db on the cluster (e.g. "postgres" or "kith").
func (l *Local) DSN(db string) string {
	return fmt.Sprintf("host=127.0.0.1 port=%d user=%s password=%s dbname=%s sslmode=disable",
		l.port, localSuperuser, quoteConnValue(l.password), quoteConnValue(db))
}

// Release unregisters this process; the last process to release stops the cluster cleanly (pg_ctl stop -m fast). Safe to call twice.
//
// Release usually runs on the way out, after the caller's context has been
// cancelled, and leaving the server running would waste the machine's
// memory, so it keeps only ctx's values and gives itself releaseTimeout.
func (l *Local) Release(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released {
		return nil
	}
	l.released = true
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
	defer cancel()
	err := l.leave(ctx)
	return errors.Join(err, l.closeLocks())
}

func newLocal(ctx context.Context, dataDir string, logger *slog.Logger) (*Local, error) {
	bin, err := findBinaries(ctx)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, fmt.Errorf("embedded postgres: %w", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("embedded postgres: create data dir: %w", err)
	}
	runAs, err := lookupServerUser()
	if err != nil {
		return nil, err
	}
	l := &Local{dataDir: abs, bin: bin, runAs: runAs, log: logger}
	if l.dir, err = l.placeCluster(); err != nil {
		return nil, err
	}
	return l, nil
}

// join brings the cluster up under the start lock and registers this
// process as a user before letting go, so a concurrent Release can never
// see zero users between the two.
func (l *Local) join(ctx context.Context) error {
	if err := l.startLock.lock(ctx, syscall.LOCK_EX); err != nil {
		return err
	}
	defer l.startLock.unlock()
	err := l.bringUp(ctx)
	if err == nil {
		err = l.usersLock.lock(ctx, syscall.LOCK_SH)
	}
	if err != nil {
		// Do not leave behind a server that nobody will ever stop, even
		// if the failure was ctx ending.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
		defer cancel()
		return errors.Join(err, l.stopIfUnused(ctx))
	}
	return nil
}

func (l *Local) bringUp(ctx context.Context) error {
	if err := l.ensureInitialised(ctx); err != nil {
		return err
	}
	secret, err := os.ReadFile(l.secretPath())
	if err != nil {
		return fmt.Errorf("embedded postgres: read the superuser password (if it is lost, remove %s to start afresh, losing its data): %w", l.dir, err)
	}
	l.password = strings.TrimSpace(string(secret))
	if err := l.ensureRunning(ctx); err != nil {
		return err
	}
	return l.ensureDatabase(ctx)
}

// leave drops this process's registration and, if it was the last user,
// stops the server.
func (l *Local) leave(ctx context.Context) error {
	if err := l.usersLock.unlock(); err != nil {
		return err
	}
	if err := l.startLock.lock(ctx, syscall.LOCK_EX); err != nil {
		return err
	}
	defer l.startLock.unlock()
	return l.stopIfUnused(ctx)
}

// stopIfUnused must be called with the start lock held: that keeps new
// users out while the exclusive users lock proves nobody else is in.
func (l *Local) stopIfUnused(ctx context.Context) error {
	last, err := l.usersLock.tryLock(syscall.LOCK_EX)
	if err != nil || !last {
		return err
	}
	defer l.usersLock.unlock()
	return l.stop(ctx)
}

func (l *Local) closeLocks() error {
	return errors.Join(l.startLock.close(), l.usersLock.close())
}

func (l *Local) secretPath() string { return filepath.Join(l.dataDir, "pg.secret") }

// logPath is inside the cluster because the server user can always write
// there, whereas under root it may not be able to write to the data dir.
func (l *Local) logPath() string { return filepath.Join(l.dir, "server.log") }

func quoteConnValue(s string) string {
	return `'` + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + `'`
}

// findBinaries returns the directory holding postgres, initdb and pg_ctl.
func findBinaries(ctx context.Context) (string, error) {
	if dir, ok := pgConfigBindir(ctx); ok {
		return dir, nil
	}
	if dir, ok := newestVersionDir(); ok {
		return dir, nil
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir != "" && hasServerBinaries(dir) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("%w: install them (Debian/Ubuntu: apt-get install postgresql) or set DATABASE_URL to use an existing server", ErrNoBinaries)
}

// pgConfigBindir asks pg_config, which knows the layout of non-Debian
// installs; it may belong to a client-only package, hence the check.
func pgConfigBindir(ctx context.Context) (string, bool) {
	pgConfig, err := exec.LookPath("pg_config")
	if err != nil {
		return "", false
	}
	out, err := exec.CommandContext(ctx, pgConfig, "--bindir").Output()
	if err != nil {
		return "", false
	}
	dir := strings.TrimSpace(string(out))
	return dir, hasServerBinaries(dir)
}

func newestVersionDir() (string, bool) {
	matches, _ := filepath.Glob(pgVersionDirs) // only ErrBadPattern, impossible for a fixed pattern
	var best string
	var bestVersion []int
	for _, dir := range matches {
		v, ok := parseMajorVersion(filepath.Base(filepath.Dir(dir)))
		if ok && hasServerBinaries(dir) && slices.Compare(v, bestVersion) > 0 {
			best, bestVersion = dir, v
		}
	}
	return best, best != ""
}

// parseMajorVersion reads "15" or "9.6" so that 10 sorts above 9.6.
func parseMajorVersion(s string) ([]int, bool) {
	var v []int
	for part := range strings.SplitSeq(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil, false
		}
		v = append(v, n)
	}
	return v, true
}

func hasServerBinaries(dir string) bool {
	for _, name := range []string{"postgres", "initdb", "pg_ctl"} {
		if !executable(filepath.Join(dir, name)) {
			return false
		}
	}
	return true
}

func executable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// lookupServerUser returns nil when not root: then the server simply runs
// as the current user.
func lookupServerUser() (*serverUser, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		var unknown user.UnknownUserError
		if errors.As(err, &unknown) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("embedded postgres: look up user %s: %w", name, err)
		}
		return newServerUser(u)
	}
	return nil, errors.New("embedded postgres: PostgreSQL will not run as root and there is no postgres or nobody user to run it as: create one (useradd --system postgres) or run kith as an ordinary user")
}

func newServerUser(u *user.User) (*serverUser, error) {
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	gids, err3 := u.GroupIds()
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, fmt.Errorf("embedded postgres: user %s: %w", u.Username, err)
	}
	su := &serverUser{name: u.Username, uid: uint32(uid), gid: uint32(gid)}
	for _, g := range gids {
		if n, err := strconv.ParseUint(g, 10, 32); err == nil {
			su.groups = append(su.groups, uint32(n))
		}
	}
	return su, nil
}

// placeCluster picks the cluster directory. Under root the server user
// must be able to walk down to it; rather than loosening permissions the
// owner chose (a checkout in a private /root, say), an unreachable data dir
// gets its cluster in a fixed system location, named after the data dir.
func (l *Local) placeCluster() (string, error) {
	dir := filepath.Join(l.dataDir, "pg")
	if l.runAs == nil {
		return dir, nil
	}
	blocked := l.runAs.firstUnreachable(l.dataDir)
	if blocked == "" {
		return dir, nil
	}
	// Every spelling of the data dir must map to the same cluster.
	resolved, err := filepath.EvalSymlinks(l.dataDir)
	if err != nil {
		return "", fmt.Errorf("embedded postgres: %w", err)
	}
	sum := sha256.Sum256([]byte(resolved))
	alt := filepath.Join(fallbackClusterRoot, "pg-"+hex.EncodeToString(sum[:])[:12])
	if err := makeFallbackRoot(); err != nil {
		return "", err
	}
	if b := l.runAs.firstUnreachable(fallbackClusterRoot); b != "" {
		return "", fmt.Errorf("embedded postgres: user %s can reach neither %s nor %s (blocked at %s)", l.runAs.name, l.dataDir, fallbackClusterRoot, b)
	}
	l.log.Info("embedded PostgreSQL cluster kept outside the data dir because the server user cannot reach it",
		"user", l.runAs.name, "data_dir", l.dataDir, "no_search_permission", blocked, "cluster_dir", alt)
	return alt, nil
}

func makeFallbackRoot() error {
	err := os.Mkdir(fallbackClusterRoot, 0o755)
	if err == nil {
		err = os.Chmod(fallbackClusterRoot, 0o755) // whatever the umask, the server user must get in
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	return nil
}

// firstUnreachable returns the first directory on the way to dir that u
// may not search, or "" if u can reach dir. Both the path as given and its
// symlink-free form are walked, since following a link needs both.
func (u *serverUser) firstUnreachable(dir string) string {
	paths := []string{dir}
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		paths = append(paths, real)
	}
	for _, p := range paths {
		for _, a := range ancestors(p) {
			if !u.canSearch(a) {
				return a
			}
		}
	}
	return ""
}

// ancestors lists "/" down to p inclusive.
func ancestors(p string) []string {
	list := []string{p}
	for d := filepath.Dir(p); d != list[0]; d = filepath.Dir(d) {
		list = append([]string{d}, list...)
	}
	return list
}

// canSearch applies the owner/group/other rule the kernel uses: only the
// first class that matches counts. ACLs are ignored.
func (u *serverUser) canSearch(dir string) bool {
	fi, err := os.Stat(dir)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	mode := fi.Mode().Perm()
	switch {
	case st.Uid == u.uid:
		return mode&0o100 != 0
	case st.Gid == u.gid || slices.Contains(u.groups, st.Gid):
		return mode&0o010 != 0
	default:
		return mode&0o001 != 0
	}
}

func (l *Local) ensureInitialised(ctx context.Context) error {
	_, err := os.Stat(filepath.Join(l.dir, "PG_VERSION"))
	if errors.Is(err, fs.ErrNotExist) {
		return l.initCluster(ctx)
	}
	if err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	return l.adoptCluster()
}

// initCluster runs initdb in a scratch directory and renames the result
// into place, so a cluster directory only ever exists complete: an
// interrupted first run leaves nothing that looks initialised.
func (l *Local) initCluster(ctx context.Context) error {
	scratch := l.dir + ".init"
	if err := os.RemoveAll(scratch); err != nil {
		return fmt.Errorf("embedded postgres: clear leftover %s: %w", scratch, err)
	}
	if err := l.mkdirOwned(scratch); err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	password := rand.Text()
	// initdb, running as the server user, reads the password from a file
	// that only that user may read, next to the new cluster.
	pwfile := filepath.Join(scratch, "pwfile")
	if err := l.writeFileOwned(pwfile, password+"\n"); err != nil {
		return err
	}
	data := filepath.Join(scratch, "data")
	if err := l.initdb(ctx, data, pwfile); err != nil {
		return err
	}
	if err := writeSecret(l.secretPath(), password); err != nil {
		return err
	}
	if err := os.Rename(data, l.dir); err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	l.log.Info("initialised embedded PostgreSQL cluster", "dir", l.dir)
	return nil
}

func (l *Local) initdb(ctx context.Context, dir, pwfile string) error {
	args := []string{"-D", dir, "-U", localSuperuser, "--pwfile=" + pwfile, "-E", "UTF8",
		"--auth-host=scram-sha-256", "--auth-local=peer"}
	out, err := l.run(ctx, "initdb", append(slices.Clip(args), "--locale=C.UTF-8")...)
	if err != nil && strings.Contains(out, "locale") {
		l.log.Info("C.UTF-8 locale unavailable; initialising with the C locale")
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("embedded postgres: %w", err)
		}
		_, err = l.run(ctx, "initdb", append(args, "--locale=C")...)
	}
	return err
}

// writeSecret replaces the password file atomically so a reader never sees
// half a password; it stays the invoking user's, readable by nobody else.
func writeSecret(path, password string) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("embedded postgres: write password file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("embedded postgres: write password file: %w", err)
	}
	return nil
}

// adoptCluster makes an existing cluster usable by the server user: a data
// dir first used without root (or copied) may belong to someone else, and
// PostgreSQL insists on owning its directory with no access for others.
func (l *Local) adoptCluster() error {
	fi, err := os.Stat(l.dir)
	if err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	owner := fi.Sys().(*syscall.Stat_t).Uid
	switch {
	case l.runAs != nil && owner != l.runAs.uid:
		l.log.Info("handing the embedded PostgreSQL cluster to its server user", "dir", l.dir, "user", l.runAs.name)
		if err := l.chownTree(l.dir); err != nil {
			return err
		}
	case l.runAs == nil && owner != uint32(os.Geteuid()):
		return fmt.Errorf("embedded postgres: %s belongs to uid %d: run kith as that user, or as root", l.dir, owner)
	}
	if fi.Mode().Perm() != 0o700 {
		if err := os.Chmod(l.dir, 0o700); err != nil {
			return fmt.Errorf("embedded postgres: %w", err)
		}
	}
	return nil
}

func (l *Local) chownTree(root string) error {
	err := filepath.WalkDir(root, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, int(l.runAs.uid), int(l.runAs.gid))
	})
	if err != nil {
		return fmt.Errorf("embedded postgres: chown %s: %w", root, err)
	}
	return nil
}

func (l *Local) mkdirOwned(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	return l.chownToServer(dir)
}

func (l *Local) writeFileOwned(path, content string) error {
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	return l.chownToServer(path)
}

func (l *Local) chownToServer(path string) error {
	if l.runAs == nil {
		return nil
	}
	if err := os.Chown(path, int(l.runAs.uid), int(l.runAs.gid)); err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	return nil
}

// ensureRunning reuses a server another process started, or starts one.
func (l *Local) ensureRunning(ctx context.Context) error {
	running, err := l.isRunning(ctx)
	if err != nil {
		return err
	}
	if !running {
		return l.startServer(ctx)
	}
	if l.port, err = readPidFileLine(l.dir, 4); err != nil {
		return err
	}
	l.log.Debug("using the running embedded PostgreSQL", "dir", l.dir, "port", l.port)
	return nil
}

// isRunning trusts pg_ctl rather than the mere presence of postmaster.pid,
// which a crashed server leaves behind.
func (l *Local) isRunning(ctx context.Context) (bool, error) {
	_, err := os.Stat(filepath.Join(l.dir, "postmaster.pid"))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	_, err = l.run(ctx, "pg_ctl", "status", "-D", l.dir)
	var exit *exec.ExitError
	switch {
	case err == nil:
		return l.postmasterAlive(ctx)
	case errors.As(err, &exit) && exit.ExitCode() == 3: // "no server running"
		return false, nil
	}
	return false, err
}

// postmasterAlive double-checks pg_ctl, which counts a zombie postmaster
// as running. After a crash the zombie lingers until init reaps it, which
// some container inits do lazily (and kith running as PID 1 never does);
// PostgreSQL will not start until it is gone, so wait for that.
func (l *Local) postmasterAlive(ctx context.Context) (bool, error) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		return true, nil // no procfs to ask: pg_ctl's word is all there is
	}
	pid, err := readPidFileLine(l.dir, 1)
	if err != nil {
		return false, err
	}
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	for {
		state, err := procState(pid)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return false, nil
		case err != nil || state != 'Z':
			return true, nil // no better knowledge than pg_ctl's
		}
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("embedded postgres: the crashed server (PID %d) is a zombie nobody reaps; run kith under an init that does (docker run --init): %w", pid, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// procState returns the state letter from /proc/PID/stat, which follows
// the command name in parentheses (a name that may itself contain ")").
func procState(pid int) (byte, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 || i+2 >= len(b) {
		return 0, fmt.Errorf("unexpected /proc/%d/stat", pid)
	}
	return b[i+2], nil
}

// readPidFileLine reads a number from postmaster.pid: line 1 is the
// postmaster's PID, line 4 its port.
func readPidFileLine(dir string, line int) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return 0, fmt.Errorf("embedded postgres: %w", err)
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) < line {
		return 0, fmt.Errorf("embedded postgres: postmaster.pid has no line %d", line)
	}
	n, err := strconv.Atoi(strings.TrimSpace(lines[line-1]))
	if err != nil {
		return 0, fmt.Errorf("embedded postgres: line %d of postmaster.pid: %w", line, err)
	}
	return n, nil
}

// startServer retries because the free port can be taken between probing
// and binding, and because a crashed server's children may briefly hold on.
func (l *Local) startServer(ctx context.Context) error {
	err := l.startOnFreePort(ctx)
	for attempt := 2; err != nil && attempt <= startAttempts && ctx.Err() == nil; attempt++ {
		l.log.Warn("embedded PostgreSQL did not start; retrying", "err", err)
		time.Sleep(time.Duration(attempt-1) * 500 * time.Millisecond)
		err = l.startOnFreePort(ctx)
	}
	if err != nil {
		return fmt.Errorf("%w\nlast lines of %s:\n%s", err, l.logPath(), tailFile(l.logPath(), logTailLines))
	}
	return nil
}

func (l *Local) startOnFreePort(ctx context.Context) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	return l.startOn(ctx, port)
}

func (l *Local) startOn(ctx context.Context, port int) error {
	began := time.Now()
	opts := fmt.Sprintf("-p %d %s", port, clusterOptions)
	if _, err := l.run(ctx, "pg_ctl", "start", "-w", "-t", "60", "-D", l.dir, "-l", l.logPath(), "-o", opts); err != nil {
		return err
	}
	l.port = port
	l.log.Info("started embedded PostgreSQL", "dir", l.dir, "port", port, "took", time.Since(began).Round(time.Millisecond))
	return nil
}

// freePort asks the kernel for an unused loopback port. The listener is
// closed before PostgreSQL binds, hence the retry in startServer.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("embedded postgres: pick a port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func (l *Local) stop(ctx context.Context) error {
	running, err := l.isRunning(ctx)
	if err != nil || !running {
		return err
	}
	if _, err := l.run(ctx, "pg_ctl", "stop", "-m", "fast", "-w", "-t", "60", "-D", l.dir); err != nil {
		return err
	}
	l.log.Info("stopped embedded PostgreSQL", "dir", l.dir)
	return nil
}

// ensureDatabase waits until the server answers, then creates Kith's
// database the first time. The start lock makes check-then-create safe.
func (l *Local) ensureDatabase(ctx context.Context) error {
	connector, err := pq.NewConnector(l.DSN("postgres"))
	if err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	db := sql.OpenDB(connector)
	defer db.Close()
	if err := pingUntil(ctx, db, readyTimeout); err != nil {
		return fmt.Errorf("embedded postgres on port %d does not answer (log: %s): %w", l.port, l.logPath(), err)
	}
	var exists bool
	err = db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", localDatabase).Scan(&exists)
	if err == nil && !exists {
		_, err = db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(localDatabase))
	}
	if err != nil {
		return fmt.Errorf("embedded postgres: create database %s: %w", localDatabase, err)
	}
	return nil
}

// pingUntil retries while the server cannot be reached or is still
// starting up; any other answer from it (a wrong password, say) is final.
func pingUntil(ctx context.Context, db *sql.DB, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		err := db.PingContext(ctx)
		var pqErr *pq.Error
		if err == nil || errors.As(err, &pqErr) && pqErr.Code != "57P03" { // cannot_connect_now
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// run runs a server binary as the server user. It starts in "/" because
// the server user may not be allowed into the caller's working directory,
// and without PG* variables, which would override what the cluster needs.
func (l *Local) run(ctx context.Context, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, filepath.Join(l.bin, name), args...)
	cmd.Dir = "/"
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "PG") })
	cmd.WaitDelay = 5 * time.Second
	if l.runAs != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{
			Uid: l.runAs.uid, Gid: l.runAs.gid, Groups: l.runAs.groups,
		}}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("embedded postgres: %s %s: %w: %s", name, args[0], err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

// tailFile returns the last n lines of a log for an error message; the
// log only grows, so it reads no more than the end of it.
func tailFile(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Sprintf("(cannot read log: %v)", err)
	}
	defer f.Close()
	const maxTail = 16 << 10
	if fi, err := f.Stat(); err == nil && fi.Size() > maxTail {
		f.Seek(-maxTail, io.SeekEnd)
	}
	b, _ := io.ReadAll(f)
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	return string(bytes.Join(lines[max(0, len(lines)-n):], []byte("\n")))
}
