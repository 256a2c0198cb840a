package postgres

import (
	"context"
	"log/slog"
	"time"

	"github.com/lib/pq"
)

// Listen subscribes to a NOTIFY channel on its own connection and returns a
// channel that receives a value (coalesced: at most one waiting) for every
// notification, and once after each reconnect, since notifications sent
// while disconnected are lost. It stops when ctx ends.
func Listen(ctx context.Context, dsn, channel string, log *slog.Logger) (<-chan struct{}, error) {
	wake := make(chan struct{}, 1)
	poke := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	l := pq.NewListener(dsn, 100*time.Millisecond, 10*time.Second, func(ev pq.ListenerEventType, err error) {
		switch ev {
		case pq.ListenerEventReconnected:
			poke()
		case pq.ListenerEventConnectionAttemptFailed, pq.ListenerEventDisconnected:
			if log != nil {
				log.Warn("listen connection lost", "channel", channel, "err", err)
			}
		}
	})
	if err := l.Listen(channel); err != nil {
		l.Close()
		return nil, MapError(err)
	}
	go func() {
		defer l.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case <-l.Notify:
				poke()
			}
		}
	}()
	return wake, nil
}
