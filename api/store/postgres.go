package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// OpenPostgres opens the PostgreSQL store at databaseURL
// ("postgres://user:password@host:5432/db?sslmode=disable"; libpq's
// key=value form works too) and migrates its schema. Replicas that start
// together migrate one at a time (an advisory lock).
//
// Every connection commits synchronously (synchronous_commit=on, whatever
// the server's default): a commit returns once it is on disk.
func OpenPostgres(ctx context.Context, databaseURL string, lim Limits) (Store, error) {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres store: %w", err)
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["synchronous_commit"] = "on"
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &sqlStore{db: db, d: dialect{name: "postgres", numbered: true, lock: "SELECT pg_advisory_xact_lock(7031677)"}, lim: lim.withDefaults()}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres store %s@%s: %w", cfg.User, cfg.Host, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres store: %w", err)
	}
	return s, nil
}
