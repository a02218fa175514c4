package store

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The same suite runs against every implementation: SQLite always,
// PostgreSQL when DATABASE_URL names one or a local server answers. With
// CI=true a missing PostgreSQL fails the tests instead of skipping them.

// backend opens fresh, empty stores of one kind; reopen opens the same
// database again (after a close or a crash).
type backend struct {
	name string
	open func(t *testing.T) (s Store, reopen func() Store, writerEnv string)
}

func backends(t *testing.T) []backend {
	list := []backend{{name: "sqlite", open: openSQLiteForTest}}
	if url := postgresForTest(t); url != "" {
		list = append(list, backend{name: "postgres", open: func(t *testing.T) (Store, func() Store, string) {
			return openPostgresForTest(t, url)
		}})
	}
	return list
}

func openSQLiteForTest(t *testing.T) (Store, func() Store, string) {
	dir := t.TempDir()
	open := func() Store {
		s, err := OpenSQLite(context.Background(), dir, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open, "sqlite:" + dir
}

// postgresForTest returns a URL of a reachable PostgreSQL, or "" (the
// tests are skipped) — except under CI, where PostgreSQL must be there.
func postgresForTest(t *testing.T) string {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	candidates := []string{url}
	if url == "" {
		candidates = []string{"postgres://postgres@localhost:5432/postgres?sslmode=disable&connect_timeout=3"}
	}
	var lastErr error
	for _, c := range candidates {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := pgx.Connect(ctx, c)
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return c
		}
		lastErr = err
	}
	switch {
	case os.Getenv("CI") == "true":
		t.Fatalf("PostgreSQL is not available (DATABASE_URL=%q): %v; .ci/run starts one", url, lastErr)
	case url != "":
		t.Fatalf("DATABASE_URL is set but PostgreSQL does not answer: %v", lastErr)
	default:
		t.Logf("PostgreSQL tests skipped: set DATABASE_URL (no local server: %v)", lastErr)
	}
	return ""
}

// openPostgresForTest gives the test a schema of its own, dropped at the end.
func openPostgresForTest(t *testing.T, url string) (Store, func() Store, string) {
	ctx := context.Background()
	schema := "osplay_test_" + hex.EncodeToString(randomBytes(6))
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Error(err)
		}
	})
	scoped := withSearchPath(url, schema)
	open := func() Store {
		s, err := OpenPostgres(ctx, scoped, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open, "postgres:" + scoped
}

// withSearchPath adds search_path to a URL or a key=value connection string.
func withSearchPath(url, schema string) string {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		sep := "?"
		if strings.Contains(url, "?") {
			sep = "&"
		}
		return url + sep + "search_path=" + schema
	}
	return url + " search_path=" + schema
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

func TestStore(t *testing.T) {
	suite := []struct {
		name string
		test func(t *testing.T, s Store, reopen func() Store, writerEnv string)
	}{
		{"ShareRoundTrip", testShareRoundTrip},
		{"ShareLimits", testShareLimits},
		{"ExerciseLifecycle", testExerciseLifecycle},
		{"ExerciseLimits", testExerciseLimits},
		{"CheckToken", testCheckToken},
		{"SettingsCompatible", testSettingsCompatible},
		{"Concurrent", testConcurrent},
		{"Reopen", testReopen},
		{"CrashWhileWriting", testCrashWhileWriting},
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			for _, tc := range suite {
				t.Run(tc.name, func(t *testing.T) {
					s, reopen, env := b.open(t)
					tc.test(t, s, reopen, env)
				})
			}
		})
	}
}

func sample(n int) Snapshot {
	return Snapshot{
		Files: []File{
			{Name: "nfork.c", Text: fmt.Sprintf("#include <stdio.h>\nint main() { printf(\"%d\\n\"); }\n", n)},
			{Name: "input.txt", Text: "한국어 텍스트\n"},
		},
		Main: "nfork.c", Argv: []string{"ls", "-l"}, Stdin: "3\n",
		Settings: Settings{Sched: "rr", Quantum: 4, CPUs: 2, Seed: 7, CtxSwitch: 1, ChildFirst: true,
			Multiprogramming: 2, Resident: 1},
		Exercise: "nfork-children",
	}
}

func testShareRoundTrip(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	id, err := s.PutShare(ctx, sample(1))
	if err != nil {
		t.Fatal(err)
	}
	if len(id) != 11 {
		t.Errorf("id %q: want 11 characters", id)
	}
	got, err := s.Share(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sample(1)) {
		t.Errorf("Share(%s) = %+v, want %+v", id, got, sample(1))
	}
	again, err := s.PutShare(ctx, sample(1))
	if err != nil || again != id {
		t.Errorf("sharing the same snapshot again: %q, %v; want %q", again, err, id)
	}
	other, err := s.PutShare(ctx, sample(2))
	if err != nil || other == id {
		t.Errorf("a different snapshot: %q, %v; want an id other than %q", other, err, id)
	}
	if _, err := s.Share(ctx, "nosuchshare"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
	if _, err := s.Share(ctx, "' OR 1=1 --"); !errors.Is(err, ErrNotFound) {
		t.Errorf("odd id: %v, want ErrNotFound", err)
	}
}

func testShareLimits(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	many := Snapshot{}
	for i := range DefaultLimits.MaxFiles + 1 {
		many.Files = append(many.Files, File{Name: fmt.Sprintf("f%d.c", i), Text: "x"})
	}
	big := sample(1)
	big.Files[0].Text = strings.Repeat("x", DefaultLimits.MaxFileBytes+1)
	huge := Snapshot{}
	for i := range 5 {
		huge.Files = append(huge.Files, File{Name: fmt.Sprintf("f%d.c", i), Text: strings.Repeat("y", DefaultLimits.MaxFileBytes-10)})
	}
	bigStdin := sample(1)
	bigStdin.Stdin = strings.Repeat("z", DefaultLimits.MaxFileBytes+1)
	dup := sample(1)
	dup.Files[1].Name = dup.Files[0].Name
	for _, tc := range []struct {
		name string
		snap Snapshot
		want error
	}{
		{"too many files", many, ErrTooLarge},
		{"file too large", big, ErrTooLarge},
		{"snapshot too large", huge, ErrTooLarge},
		{"stdin too large", bigStdin, ErrTooLarge},
		{"no files", Snapshot{}, ErrInvalid},
		{"same name twice", dup, ErrInvalid},
		{"bad name", Snapshot{Files: []File{{Name: "../x.c", Text: "x"}}}, ErrInvalid},
	} {
		if _, err := s.PutShare(ctx, tc.snap); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

func testExerciseLifecycle(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	a, err := s.CreateExercise(ctx, "---\nslug: mine\n---\n# ko\n안녕\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.ID) != 16 || len(a.Token) < 40 || a.Version != 1 {
		t.Errorf("created %+v: want a 16-character id, a long token, version 1", a)
	}
	b, err := s.CreateExercise(ctx, "another")
	if err != nil {
		t.Fatal(err)
	}
	if b.ID == a.ID || b.Token == a.Token {
		t.Errorf("two exercises share an id or a token: %+v %+v", a, b)
	}
	got, err := s.Exercise(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Token != "" || got.Source != a.Source || got.Version != 1 || !got.Created.Equal(a.Created) {
		t.Errorf("Exercise = %+v, want the source without the token (%+v)", got, a)
	}
	if _, err := s.UpdateExercise(ctx, a.ID, b.Token, "stolen"); !errors.Is(err, ErrForbidden) {
		t.Errorf("update with another exercise's token: %v, want ErrForbidden", err)
	}
	if _, err := s.UpdateExercise(ctx, a.ID, "", "stolen"); !errors.Is(err, ErrForbidden) {
		t.Errorf("update without a token: %v, want ErrForbidden", err)
	}
	up, err := s.UpdateExercise(ctx, a.ID, a.Token, "edited")
	if err != nil {
		t.Fatal(err)
	}
	if up.Version != 2 || up.Source != "edited" || up.Token != "" {
		t.Errorf("UpdateExercise = %+v, want version 2 with the new source", up)
	}
	got, _ = s.Exercise(ctx, a.ID)
	if got.Source != "edited" || got.Version != 2 || got.Updated.Before(got.Created) {
		t.Errorf("after the update: %+v", got)
	}
	if _, err := s.Exercise(ctx, "nosuchexercise00"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
	if _, err := s.UpdateExercise(ctx, "nosuchexercise00", a.Token, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of an unknown id: %v, want ErrNotFound", err)
	}
	// The token is kept only as a hash.
	raw := s.(*sqlStore)
	var n int
	if err := raw.db.QueryRowContext(ctx, raw.d.q(`SELECT COUNT(*) FROM exercises WHERE token_hash = ? OR source LIKE ?`), a.Token, "%"+a.Token+"%").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("the edit token is stored in clear")
	}
}

func testCheckToken(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	a, err := s.CreateExercise(ctx, "mine")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.CreateExercise(ctx, "theirs")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		id, token string
		want      error
	}{
		{"its own token", a.ID, a.Token, nil},
		{"another exercise's token", a.ID, b.Token, ErrForbidden},
		{"no token", a.ID, "", ErrForbidden},
		{"the token's hash", a.ID, tokenHash(a.Token), ErrForbidden},
		{"a token one character short", a.ID, a.Token[:len(a.Token)-1], ErrForbidden},
		{"unknown id", "nosuchexercise00", a.Token, ErrNotFound},
		{"odd id", "' OR 1=1 --", a.Token, ErrNotFound},
	} {
		if err := s.CheckToken(ctx, tc.id, tc.token); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	// Checking changes nothing.
	got, err := s.Exercise(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Source != "mine" || !got.Updated.Equal(a.Updated) {
		t.Errorf("after checking tokens: %+v, want version 1 unchanged", got)
	}
	if _, err := s.UpdateExercise(ctx, a.ID, a.Token, "edited"); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckToken(ctx, a.ID, a.Token); err != nil {
		t.Errorf("the token after an update: %v", err)
	}
}

// testSettingsCompatible reads a snapshot stored before Settings had
// multiprogramming and resident: they are zero, and the rest is kept.
func testSettingsCompatible(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	raw := s.(*sqlStore)
	old := `{"files":[{"name":"a.c","text":"int main() {}\n"}],"settings":{"sched":"rr","quantum":4,"childFirst":true}}`
	if _, err := raw.db.ExecContext(ctx, raw.d.q(`INSERT INTO shares (id, content, created) VALUES (?, ?, ?)`),
		"oldsnapshot", old, time.Now().UnixMilli()); err != nil {
		t.Fatal(err)
	}
	got, err := s.Share(ctx, "oldsnapshot")
	if err != nil {
		t.Fatal(err)
	}
	want := Snapshot{Files: []File{{Name: "a.c", Text: "int main() {}\n"}},
		Settings: Settings{Sched: "rr", Quantum: 4, ChildFirst: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("old snapshot = %+v, want %+v", got, want)
	}
	// Without the new settings a snapshot is stored as before, so it keeps
	// its id.
	content, err := raw.encodeSnapshot(want)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(content), "multiprogramming") || strings.Contains(string(content), "resident") {
		t.Errorf("unset settings are stored: %s", content)
	}
	// With them they survive the round trip (and make another snapshot).
	with := want
	with.Settings.Multiprogramming, with.Settings.Resident = 3, 2
	id, err := s.PutShare(ctx, with)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Share(ctx, id); err != nil || got.Settings != with.Settings {
		t.Errorf("settings after the round trip: %+v, %v; want %+v", got.Settings, err, with.Settings)
	}
	plain, err := s.PutShare(ctx, want)
	if err != nil || plain == id {
		t.Errorf("the same program without the new settings: %q, %v; want an id other than %q", plain, err, id)
	}
}

func testExerciseLimits(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	if _, err := s.CreateExercise(ctx, strings.Repeat("x", DefaultLimits.MaxSourceBytes+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge exercise: %v, want ErrTooLarge", err)
	}
	if _, err := s.CreateExercise(ctx, "  \n"); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty exercise: %v, want ErrInvalid", err)
	}
	if _, err := s.CreateExercise(ctx, "bad \xff utf-8"); !errors.Is(err, ErrInvalid) {
		t.Errorf("invalid UTF-8: %v, want ErrInvalid", err)
	}
	a, err := s.CreateExercise(ctx, "fine")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateExercise(ctx, a.ID, a.Token, strings.Repeat("x", DefaultLimits.MaxSourceBytes+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge update: %v, want ErrTooLarge", err)
	}
}

func testConcurrent(t *testing.T, s Store, _ func() Store, _ string) {
	ctx := context.Background()
	const workers, each = 8, 15
	var wg sync.WaitGroup
	ids := make([][]string, workers)
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id, err := s.PutShare(ctx, sample(w*100+i%5)) // repeats on purpose
				if err != nil {
					errs <- err
					return
				}
				ids[w] = append(ids[w], id)
				a, err := s.CreateExercise(ctx, fmt.Sprintf("exercise %d/%d", w, i))
				if err != nil {
					errs <- err
					return
				}
				if _, err := s.UpdateExercise(ctx, a.ID, a.Token, "updated"); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for w := range workers {
		for i, id := range ids[w] {
			got, err := s.Share(ctx, id)
			if err != nil || !reflect.DeepEqual(got, sample(w*100+i%5)) {
				t.Fatalf("share %s of worker %d: %v", id, w, err)
			}
		}
	}
}

func testReopen(t *testing.T, s Store, reopen func() Store, _ string) {
	ctx := context.Background()
	id, err := s.PutShare(ctx, sample(3))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateExercise(ctx, "kept")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := reopen() // migrates again: nothing to do
	if v, err := schemaVersion(ctx, s2.(*sqlStore).db); err != nil || v != len(migrations)-1 {
		t.Errorf("schema version %d, %v; want %d", v, err, len(migrations)-1)
	}
	if got, err := s2.Share(ctx, id); err != nil || !reflect.DeepEqual(got, sample(3)) {
		t.Errorf("share after reopening: %+v, %v", got, err)
	}
	if _, err := s2.UpdateExercise(ctx, a.ID, a.Token, "still mine"); err != nil {
		t.Errorf("the edit token after reopening: %v", err)
	}
}

// writerEnv tells the test binary to act as a server writing shares.
const writerEnv = "OSPLAY_STORE_TEST_WRITER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(writerEnv); spec != "" {
		os.Exit(writeUntilKilled(spec))
	}
	os.Exit(m.Run())
}

// writeUntilKilled stores share after share and prints "ack N ID" once
// each is acknowledged, until it is killed (or a minute has passed).
func writeUntilKilled(spec string) int {
	ctx := context.Background()
	kind, where, _ := strings.Cut(spec, ":")
	var s Store
	var err error
	if kind == "sqlite" {
		s, err = OpenSQLite(ctx, where, Limits{})
	} else {
		s, err = OpenPostgres(ctx, where, Limits{})
	}
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	deadline := time.Now().Add(time.Minute)
	for i := 0; time.Now().Before(deadline); i++ {
		id, err := s.PutShare(ctx, sample(i))
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Printf("ack %d %s\n", i, id) // os.Stdout is unbuffered: the line leaves now
	}
	return 0
}

// testCrashWhileWriting kills a writing server with SIGKILL and finds
// every share it acknowledged after reopening the database.
func testCrashWhileWriting(t *testing.T, s Store, reopen func() Store, env string) {
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), writerEnv+"="+env)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[int]string{}
	sc := bufio.NewScanner(out)
	const killAfter = 150
	killed := false
	for sc.Scan() {
		var n int
		var id string
		if _, err := fmt.Sscanf(sc.Text(), "ack %d %s", &n, &id); err != nil {
			t.Fatalf("writer: %s", sc.Text())
		}
		acked[n] = id
		if len(acked) == killAfter && !killed {
			cmd.Process.Kill() // SIGKILL: no chance to flush or close anything
			killed = true
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("the writer stopped after %d acknowledgements, before it was killed", len(acked))
	}
	s2 := reopen()
	ctx := context.Background()
	for n, id := range acked {
		got, err := s2.Share(ctx, id)
		if err != nil {
			t.Fatalf("acknowledged share %d (%s) lost after the crash: %v", n, id, err)
		}
		if !reflect.DeepEqual(got, sample(n)) {
			t.Fatalf("acknowledged share %d (%s) changed after the crash", n, id)
		}
	}
	t.Logf("%d acknowledged shares all found after SIGKILL", len(acked))
	// The database still takes writes.
	if _, err := s2.PutShare(ctx, sample(-1)); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(env, "sqlite:") {
		if _, err := os.Stat(filepath.Join(strings.TrimPrefix(env, "sqlite:"), SQLiteFile)); err != nil {
			t.Error(err)
		}
	}
}

func TestSQLitePragmas(t *testing.T) {
	s, _, _ := openSQLiteForTest(t)
	ctx := context.Background()
	db := s.(*sqlStore).db
	// Every connection of the pool has them, not just the first.
	conns := make([]interface{ Close() error }, 0, 3)
	for range 3 {
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var mode string
		var sync int
		c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
		c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
		if mode != "wal" || sync != 2 {
			t.Errorf("connection: journal_mode %q synchronous %d, want wal and 2 (FULL)", mode, sync)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestOpenChoosesBackend(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(context.Background(), Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(filepath.Join(dir, SQLiteFile)); err != nil {
		t.Errorf("no SQLite file in the data directory: %v", err)
	}
	if _, err := Open(context.Background(), Config{}); err == nil {
		t.Error("Open without a data directory or a database URL succeeded")
	}
	if _, err := Open(context.Background(), Config{DatabaseURL: "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"}); err == nil {
		t.Error("Open with an unreachable PostgreSQL succeeded")
	}
}
