//go:build unix

package hostdir

import (
	iofs "io/fs"
	"os"
	"slices"
	"syscall"
)

// user is who runs osplay, as the host's permission bits see them.
type user struct {
	uid    int
	groups []int // the primary group and the supplementary ones
}

func currentUser() user {
	groups, _ := os.Getgroups()
	return user{uid: os.Getuid(), groups: append(groups, os.Getgid())}
}

// readable reports whether u may read the file that info describes, by its
// permission bits as Linux checks them (access control lists aside): the
// owner's bits for its owner, the group's for a member, the others' for
// the rest; root reads everything. It saves a system call per file of the
// listing; a file it lets through that cannot be read after all fails
// when the program opens it (EACCES).
func (u user) readable(info iofs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || u.uid == 0 {
		return true
	}
	perm := info.Mode().Perm()
	switch {
	case int(st.Uid) == u.uid:
		return perm&0400 != 0
	case slices.Contains(u.groups, int(st.Gid)):
		return perm&0040 != 0
	}
	return perm&0004 != 0
}
