package benchkit

import (
	"context"
	"log/slog"

	"kith/postgres"
	"kith/search"
)

// Follow runs the engine's outbox follower, woken by NOTIFY, as
// `kith serve` does; the returned function stops it.
func Follow(ctx context.Context, e *search.Engine, dsn string, log *slog.Logger) (func(), error) {
	ctx, cancel := context.WithCancel(ctx)
	wake, err := postgres.Listen(ctx, dsn, "kith_outbox", log)
	if err != nil {
		cancel()
		return nil, err
	}
	stop := e.Start(ctx, wake)
	return func() { stop(); cancel() }, nil
}
