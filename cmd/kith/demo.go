package main

import (
	"context"
	"io"
	"log/slog"

	"kith/cmd/kith/demo"
)

func demoCmd(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	return withDatabase(ctx, cfg, log, func(e *env) error {
		_, err := demo.Load(ctx, demo.Stores{Directory: e.dir, QA: e.qa, Referrals: e.ref}, stdout)
		return err
	})
}
