package postgres

import (
	"context"
	"errors"
	"syscall"
)

// Crash stops the server the way a power cut or the OOM killer would
// (pg_ctl stop -m immediate): no checkpoint, every connection dropped, crash
// recovery at the next start. Every process using the cluster loses it; the
// fault tests use it to show that Kith survives that.
func (l *Local) Crash(ctx context.Context) error {
	if err := l.startLock.lock(ctx, syscall.LOCK_EX); err != nil {
		return err
	}
	defer l.startLock.unlock()
	_, err := l.run(ctx, "pg_ctl", "stop", "-m", "immediate", "-w", "-t", "60", "-D", l.dir)
	return err
}

// Restart starts a stopped server again on the port it had, so the DSNs
// already handed out stay good and their holders reconnect unaided, as they
// would to an external server that came back.
func (l *Local) Restart(ctx context.Context) error {
	if err := l.startLock.lock(ctx, syscall.LOCK_EX); err != nil {
		return err
	}
	defer l.startLock.unlock()
	running, err := l.isRunning(ctx)
	switch {
	case err != nil:
		return err
	case running:
		return errors.New("embedded postgres: restart: the server is already running")
	}
	return l.startOn(ctx, l.port)
}
