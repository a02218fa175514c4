package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// SQLiteFile is the database's file name in the data directory.
const SQLiteFile = "osplay.db"

// OpenSQLite opens (creating it if needed) the SQLite store in dir.
//
// The database runs in WAL mode with synchronous=FULL: a commit returns
// only once its log record is on disk, so an acknowledged write survives a
// crash of the process or the machine. Writers wait for each other
// (busy_timeout) instead of failing.
func OpenSQLite(ctx context.Context, dir string, lim Limits) (Store, error) {
	if dir == "" {
		return nil, fmt.Errorf("sqlite store: no data directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sqlite store: %w", err)
	}
	path := filepath.Join(dir, SQLiteFile)
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(10000)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // a transaction takes the write lock at BEGIN: no upgrade deadlocks
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	s := &sqlStore{db: db, d: dialect{name: "sqlite"}, lim: lim.withDefaults()}
	if err := s.checkSQLite(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	return s, nil
}

// checkSQLite verifies that the pragmas durability rests on took effect.
func (s *sqlStore) checkSQLite(ctx context.Context) error {
	var mode string
	var sync int
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return err
	}
	if mode != "wal" || sync != 2 {
		return fmt.Errorf("journal_mode %s, synchronous %d: want wal and 2 (FULL)", mode, sync)
	}
	return nil
}
