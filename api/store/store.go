// Package store keeps what osplay's visitors make and must find again:
// shared snapshots of a program with its settings (the Share button's
// /s/{id}) and exercises authored in the browser (no accounts: whoever
// holds an exercise's secret edit token may change it).
//
// One interface, two implementations tested by the same suite: SQLite
// (modernc.org/sqlite, a file under the data directory, WAL) by default,
// PostgreSQL (pgx) when a database URL is given, for several replicas.
// The schema is migrated when the store opens. A write is durable once
// acknowledged: SQLite syncs its log on every commit (synchronous=FULL),
// PostgreSQL commits synchronously. The store knows nothing of HTTP and
// does not interpret what it keeps: the web layer validates an authored
// exercise (package exercises) before storing it.
package store

import (
	"context"
	"errors"
	"time"
)

// Store keeps shares and authored exercises. It is safe for concurrent use.
type Store interface {
	// PutShare stores an immutable snapshot and returns its id, a short
	// hash of its content: the same snapshot always gets the same id, and
	// storing it again changes nothing.
	PutShare(ctx context.Context, s Snapshot) (id string, err error)
	// Share returns the snapshot with id, or ErrNotFound.
	Share(ctx context.Context, id string) (Snapshot, error)

	// CreateExercise stores a new authored exercise (its Markdown source)
	// and returns it with its id and its secret edit token. The token is
	// returned this once: the store keeps only its hash.
	CreateExercise(ctx context.Context, source string) (Authored, error)
	// Exercise returns the authored exercise with id, without its token,
	// or ErrNotFound.
	Exercise(ctx context.Context, id string) (Authored, error)
	// UpdateExercise replaces the source of exercise id when token is its
	// edit token, and returns it with its new version. A wrong token is
	// ErrForbidden; an unknown id ErrNotFound.
	UpdateExercise(ctx context.Context, id, token, source string) (Authored, error)
	// CheckToken reports whether token is the edit token of exercise id,
	// changing nothing: nil when it is, ErrForbidden when it is not,
	// ErrNotFound for an unknown id.
	CheckToken(ctx context.Context, id, token string) error

	// Close releases the database.
	Close() error
}

// Errors of the store. Others are failures of the database.
var (
	ErrNotFound  = errors.New("not found")
	ErrForbidden = errors.New("wrong edit token")
	ErrTooLarge  = errors.New("too large")
	ErrInvalid   = errors.New("invalid")
)

// File is one file of a snapshot.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Settings are the machine's settings of a snapshot, as the playground's
// program settings.
type Settings struct {
	Sched      string `json:"sched,omitempty"`
	Quantum    int64  `json:"quantum,omitempty"`
	CPUs       int    `json:"cpus,omitempty"`
	Seed       int64  `json:"seed,omitempty"`
	CtxSwitch  int64  `json:"ctxswitch,omitempty"`
	ChildFirst bool   `json:"childFirst,omitempty"`
	Monitor    string `json:"monitor,omitempty"` // hoare or mesa; absent: hoare
	// Degree of multiprogramming (long-term scheduler) and processes kept
	// in memory (medium-term scheduler); 0, or absent in snapshots stored
	// before they existed: no limit.
	Multiprogramming int `json:"multiprogramming,omitempty"`
	Resident         int `json:"resident,omitempty"`
	// The race detector, and a schedule the explorer found ("3@9:4");
	// absent in snapshots stored before them: off, none.
	Races    bool   `json:"races,omitempty"`
	Schedule string `json:"schedule,omitempty"`
}

// Snapshot is a shared program: its files, how it runs, and the exercise
// it was made from, if any.
type Snapshot struct {
	Files    []File   `json:"files"`
	Main     string   `json:"main,omitempty"`
	Argv     []string `json:"argv,omitempty"`
	Stdin    string   `json:"stdin,omitempty"`
	Settings Settings `json:"settings"`
	Exercise string   `json:"exercise,omitempty"` // a built-in slug or an authored exercise's id
	View     string   `json:"view,omitempty"`     // the view to open first
}

// Authored is an exercise written in the browser.
type Authored struct {
	ID      string    `json:"id"`              // in the student's URL; random, not guessable
	Token   string    `json:"token,omitempty"` // the secret edit token: only from CreateExercise
	Source  string    `json:"source"`          // the exercise's Markdown
	Version int       `json:"version"`         // 1 when created, +1 per update
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Limits bound what the store accepts.
type Limits struct {
	MaxFiles         int // files in a snapshot
	MaxFileBytes     int // bytes of one file (and of stdin)
	MaxSnapshotBytes int // bytes of a whole snapshot, as stored
	MaxSourceBytes   int // bytes of an authored exercise's source
}

// DefaultLimits are the limits when Config.Limits is zero.
var DefaultLimits = Limits{
	MaxFiles:         16,
	MaxFileBytes:     64 << 10,
	MaxSnapshotBytes: 256 << 10,
	MaxSourceBytes:   256 << 10,
}

func (l Limits) withDefaults() Limits {
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultLimits.MaxFiles
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultLimits.MaxFileBytes
	}
	if l.MaxSnapshotBytes <= 0 {
		l.MaxSnapshotBytes = DefaultLimits.MaxSnapshotBytes
	}
	if l.MaxSourceBytes <= 0 {
		l.MaxSourceBytes = DefaultLimits.MaxSourceBytes
	}
	return l
}

// Config chooses and configures a store.
type Config struct {
	// DatabaseURL, if set, is a PostgreSQL URL ("postgres://…"): the
	// store is PostgreSQL. Otherwise it is SQLite in DataDir.
	DatabaseURL string
	// DataDir holds the SQLite database, osplay.db (and its -wal and
	// -shm files). It is created if missing.
	DataDir string
	Limits  Limits
}

// Open opens the store that cfg chooses and migrates its schema.
func Open(ctx context.Context, cfg Config) (Store, error) {
	if cfg.DatabaseURL != "" {
		return OpenPostgres(ctx, cfg.DatabaseURL, cfg.Limits)
	}
	return OpenSQLite(ctx, cfg.DataDir, cfg.Limits)
}
