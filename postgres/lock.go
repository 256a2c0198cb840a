package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Processes sharing one embedded cluster coordinate through two flock(2)
// files in the data directory. flock locks belong to the open file
// description, so two opens in one process exclude each other exactly like
// two processes do, and the kernel drops them when a process dies, even by
// SIGKILL, so a crashed user can never pin the cluster.
const (
	// startLockName is held exclusively while a process inspects, starts
	// or stops the cluster, so those steps never interleave.
	startLockName = "pg.start.lock"
	// usersLockName is held shared by every live user; whoever can take it
	// exclusively (while holding the start lock) is the last user.
	usersLockName = "pg.users.lock"
)

// lockPollInterval is how often a blocked lock is retried. Polling with
// LOCK_NB, rather than a blocking flock, lets a cancelled context end the
// wait; a competitor's cluster start takes about a second, so 25 ms adds
// no noticeable delay.
const lockPollInterval = 25 * time.Millisecond

// lockFile is one open lock file.
type lockFile struct {
	f *os.File
}

// openLockFile opens (creating if needed) a lock file. flock needs no write
// access, so opening read-only lets processes of other users share it.
func openLockFile(path string) (*lockFile, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	return &lockFile{f: f}, nil
}

// lock waits until the lock is held in the given mode (syscall.LOCK_SH or
// syscall.LOCK_EX) or ctx ends.
func (l *lockFile) lock(ctx context.Context, how int) error {
	t := time.NewTicker(lockPollInterval)
	defer t.Stop()
	for {
		ok, err := l.tryLock(how)
		if err != nil || ok {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for lock %s: %w", l.f.Name(), context.Cause(ctx))
		case <-t.C:
		}
	}
}

// tryLock takes the lock in the given mode if nobody conflicting holds it.
func (l *lockFile) tryLock(how int) (bool, error) {
	err := flockRetry(l.f, how|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("lock %s: %w", l.f.Name(), err)
	}
	return true, nil
}

// unlock drops whatever lock is held, keeping the file open.
func (l *lockFile) unlock() error {
	if err := flockRetry(l.f, syscall.LOCK_UN); err != nil {
		return fmt.Errorf("unlock %s: %w", l.f.Name(), err)
	}
	return nil
}

// close drops the lock and the file.
func (l *lockFile) close() error {
	return l.f.Close()
}

func flockRetry(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			return err
		}
	}
}
