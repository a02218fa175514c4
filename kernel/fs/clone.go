package fs

// SetClock gives the tree the clock it stamps times with: a copy of a
// machine gives its tree its own clock.
func (f *FS) SetClock(clock func() Timespec) { f.clock = clock }
