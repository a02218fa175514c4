package web

import (
	"context"
	"fmt"
	"sync"
	"time"

	"osplay/api/store"
)

// openStore opens the database of shares and authored exercises that the
// configuration names.
func (s *Server) openStore() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := store.Open(ctx, store.Config{DatabaseURL: s.cfg.DatabaseURL, DataDir: s.cfg.DataDir})
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	s.store = &closeOnce{Store: st}
	return nil
}

// closeOnce closes its store at the first Close only: a server is closed
// by its shutdown and, in tests, again by the test's cleanup.
type closeOnce struct {
	store.Store
	once sync.Once
	err  error
}

func (c *closeOnce) Close() error {
	c.once.Do(func() { c.err = c.Store.Close() })
	return c.err
}
