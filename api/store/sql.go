package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// sqlStore is the Store over database/sql; a dialect covers what differs
// between SQLite and PostgreSQL.
type sqlStore struct {
	db  *sql.DB
	d   dialect
	lim Limits
}

type dialect struct {
	name string
	// numbered placeholders ($1, $2…) instead of ?
	numbered bool
	// lock is run first in the migration transaction, so that replicas
	// starting together migrate one after the other.
	lock string
}

// q rewrites a query written with ? placeholders for the dialect.
func (d dialect) q(query string) string {
	if !d.numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// migrations are the schema's versions, in order; each is a list of
// statements run in one transaction. Append new versions; never edit old
// ones. The SQL is the same for both databases.
var migrations = [][]string{
	1: {
		`CREATE TABLE shares (
			id      TEXT PRIMARY KEY,
			content TEXT NOT NULL,
			created BIGINT NOT NULL
		)`,
		`CREATE TABLE exercises (
			id         TEXT PRIMARY KEY,
			token_hash TEXT NOT NULL,
			source     TEXT NOT NULL,
			version    INTEGER NOT NULL,
			created    BIGINT NOT NULL,
			updated    BIGINT NOT NULL
		)`,
	},
}

// migrate brings the schema to the newest version.
func (s *sqlStore) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if s.d.lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.lock); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		applied BIGINT NOT NULL
	)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	newest := len(migrations) - 1
	if current > newest {
		return fmt.Errorf("migrate: the database's schema (version %d) is newer than this program's (%d)", current, newest)
	}
	for v := current + 1; v <= newest; v++ {
		for _, stmt := range migrations[v] {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migrate to version %d: %w", v, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.d.q(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`), v, time.Now().UnixMilli()); err != nil {
			return fmt.Errorf("migrate to version %d: %w", v, err)
		}
	}
	return tx.Commit()
}

// SchemaVersion is the version the schema of an open store is at.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (s *sqlStore) Close() error { return s.db.Close() }

// Share ids are the first idLengths[0] characters of the base64url
// SHA-256 of the snapshot's JSON (66 bits); should two snapshots ever
// share a prefix, the later one takes a longer prefix.
var idLengths = []int{11, 16, 22, 43}

func (s *sqlStore) PutShare(ctx context.Context, snap Snapshot) (string, error) {
	content, err := s.encodeSnapshot(snap)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(content)
	full := base64.RawURLEncoding.EncodeToString(sum[:])
	for _, n := range idLengths {
		id := full[:n]
		res, err := s.db.ExecContext(ctx, s.d.q(`INSERT INTO shares (id, content, created) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`),
			id, string(content), time.Now().UnixMilli())
		if err != nil {
			return "", fmt.Errorf("store share: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 1 {
			return id, nil
		}
		var existing string
		if err := s.db.QueryRowContext(ctx, s.d.q(`SELECT content FROM shares WHERE id = ?`), id).Scan(&existing); err != nil {
			return "", fmt.Errorf("store share: %w", err)
		}
		if existing == string(content) {
			return id, nil // shared before
		}
	}
	return "", fmt.Errorf("store share: every id of this snapshot is taken by another")
}

// encodeSnapshot checks a snapshot against the limits and returns the
// JSON that is stored and hashed.
func (s *sqlStore) encodeSnapshot(snap Snapshot) ([]byte, error) {
	if len(snap.Files) == 0 {
		return nil, fmt.Errorf("%w: a snapshot needs at least one file", ErrInvalid)
	}
	if len(snap.Files) > s.lim.MaxFiles {
		return nil, fmt.Errorf("%w: %d files (at most %d)", ErrTooLarge, len(snap.Files), s.lim.MaxFiles)
	}
	seen := map[string]bool{}
	for _, f := range snap.Files {
		switch {
		case f.Name == "" || len(f.Name) > 128 || strings.ContainsAny(f.Name, "/\x00"):
			return nil, fmt.Errorf("%w: bad file name %q", ErrInvalid, f.Name)
		case seen[f.Name]:
			return nil, fmt.Errorf("%w: two files are named %s", ErrInvalid, f.Name)
		case len(f.Text) > s.lim.MaxFileBytes:
			return nil, fmt.Errorf("%w: %s has %d bytes (at most %d)", ErrTooLarge, f.Name, len(f.Text), s.lim.MaxFileBytes)
		case !utf8.ValidString(f.Text):
			return nil, fmt.Errorf("%w: %s is not UTF-8 text", ErrInvalid, f.Name)
		}
		seen[f.Name] = true
	}
	if len(snap.Stdin) > s.lim.MaxFileBytes {
		return nil, fmt.Errorf("%w: stdin has %d bytes (at most %d)", ErrTooLarge, len(snap.Stdin), s.lim.MaxFileBytes)
	}
	content, err := json.Marshal(snap)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if len(content) > s.lim.MaxSnapshotBytes {
		return nil, fmt.Errorf("%w: the snapshot has %d bytes (at most %d)", ErrTooLarge, len(content), s.lim.MaxSnapshotBytes)
	}
	return content, nil
}

func (s *sqlStore) Share(ctx context.Context, id string) (Snapshot, error) {
	var content string
	err := s.db.QueryRowContext(ctx, s.d.q(`SELECT content FROM shares WHERE id = ?`), id).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return Snapshot{}, ErrNotFound
	}
	if err != nil {
		return Snapshot{}, fmt.Errorf("read share %s: %w", id, err)
	}
	var snap Snapshot
	if err := json.Unmarshal([]byte(content), &snap); err != nil {
		return Snapshot{}, fmt.Errorf("read share %s: %w", id, err)
	}
	return snap, nil
}

// newSecret returns n random bytes.
func newSecret(n int) []byte {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand)
	return b
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newExerciseID is 16 random lower-case letters and digits (80 bits).
func newExerciseID() string { return idEncoding.EncodeToString(newSecret(10)) }

// newToken is a 256-bit edit token.
func newToken() string { return base64.RawURLEncoding.EncodeToString(newSecret(32)) }

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (s *sqlStore) checkSource(source string) error {
	switch {
	case strings.TrimSpace(source) == "":
		return fmt.Errorf("%w: the exercise is empty", ErrInvalid)
	case len(source) > s.lim.MaxSourceBytes:
		return fmt.Errorf("%w: the exercise has %d bytes (at most %d)", ErrTooLarge, len(source), s.lim.MaxSourceBytes)
	case !utf8.ValidString(source):
		return fmt.Errorf("%w: the exercise is not UTF-8 text", ErrInvalid)
	}
	return nil
}

func (s *sqlStore) CreateExercise(ctx context.Context, source string) (Authored, error) {
	if err := s.checkSource(source); err != nil {
		return Authored{}, err
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	a := Authored{ID: newExerciseID(), Token: newToken(), Source: source, Version: 1, Created: now, Updated: now}
	_, err := s.db.ExecContext(ctx, s.d.q(`INSERT INTO exercises (id, token_hash, source, version, created, updated) VALUES (?, ?, ?, ?, ?, ?)`),
		a.ID, tokenHash(a.Token), a.Source, a.Version, now.UnixMilli(), now.UnixMilli())
	if err != nil {
		return Authored{}, fmt.Errorf("store exercise: %w", err)
	}
	return a, nil
}

func (s *sqlStore) Exercise(ctx context.Context, id string) (Authored, error) {
	a, _, err := s.exercise(ctx, s.db, id)
	return a, err
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *sqlStore) exercise(ctx context.Context, db queryer, id string) (Authored, string, error) {
	var a Authored
	var hash string
	var created, updated int64
	err := db.QueryRowContext(ctx, s.d.q(`SELECT id, token_hash, source, version, created, updated FROM exercises WHERE id = ?`), id).
		Scan(&a.ID, &hash, &a.Source, &a.Version, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return Authored{}, "", ErrNotFound
	}
	if err != nil {
		return Authored{}, "", fmt.Errorf("read exercise %s: %w", id, err)
	}
	a.Created, a.Updated = time.UnixMilli(created).UTC(), time.UnixMilli(updated).UTC()
	return a, hash, nil
}

// tokenMatches reports whether token hashes to hash, in time that does
// not depend on where they differ.
func tokenMatches(hash, token string) bool {
	return subtle.ConstantTimeCompare([]byte(hash), []byte(tokenHash(token))) == 1
}

func (s *sqlStore) CheckToken(ctx context.Context, id, token string) error {
	var hash string
	err := s.db.QueryRowContext(ctx, s.d.q(`SELECT token_hash FROM exercises WHERE id = ?`), id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("check the token of exercise %s: %w", id, err)
	}
	if !tokenMatches(hash, token) {
		return ErrForbidden
	}
	return nil
}

func (s *sqlStore) UpdateExercise(ctx context.Context, id, token, source string) (Authored, error) {
	if err := s.checkSource(source); err != nil {
		return Authored{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Authored{}, fmt.Errorf("update exercise %s: %w", id, err)
	}
	defer tx.Rollback()
	a, hash, err := s.exercise(ctx, tx, id)
	if err != nil {
		return Authored{}, err
	}
	if !tokenMatches(hash, token) {
		return Authored{}, ErrForbidden
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	res, err := tx.ExecContext(ctx, s.d.q(`UPDATE exercises SET source = ?, version = version + 1, updated = ? WHERE id = ? AND version = ?`),
		source, now.UnixMilli(), id, a.Version)
	if err != nil {
		return Authored{}, fmt.Errorf("update exercise %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return Authored{}, fmt.Errorf("update exercise %s: changed by someone else meanwhile; try again", id)
	}
	if err := tx.Commit(); err != nil {
		return Authored{}, fmt.Errorf("update exercise %s: %w", id, err)
	}
	a.Source, a.Version, a.Updated = source, a.Version+1, now
	return a, nil
}
