package fs

import (
	"fmt"

	"osplay/kernel/abi"
)

// Errno is a Linux error number returned by a file-system operation. The
// kernel stores it into the calling process's errno.
type Errno int

// The errors the file system reports, with Linux's numbers.
const (
	ENOENT  Errno = abi.ENOENT
	EBADF   Errno = abi.EBADF
	EACCES  Errno = abi.EACCES
	EEXIST  Errno = abi.EEXIST
	ENOTDIR Errno = abi.ENOTDIR
	EISDIR  Errno = abi.EISDIR
	EINVAL  Errno = abi.EINVAL
	EMFILE  Errno = abi.EMFILE
	ESPIPE  Errno = abi.ESPIPE
	EPERM   Errno = abi.EPERM
	EIO     Errno = abi.EIO
	ENOMEM  Errno = abi.ENOMEM
	EFBIG   Errno = 27
	ENOSPC  Errno = 28

	ENAMETOOLONG Errno = 36
	ENOTEMPTY    Errno = 39
	EADDRINUSE   Errno = 98
)

var errnoText = map[Errno]string{
	ENOENT:       "No such file or directory",
	EBADF:        "Bad file descriptor",
	EACCES:       "Permission denied",
	EEXIST:       "File exists",
	ENOTDIR:      "Not a directory",
	EISDIR:       "Is a directory",
	EINVAL:       "Invalid argument",
	EMFILE:       "Too many open files",
	ESPIPE:       "Illegal seek",
	EPERM:        "Operation not permitted",
	EIO:          "Input/output error",
	ENOMEM:       "Cannot allocate memory",
	EFBIG:        "File too large",
	ENOSPC:       "No space left on device",
	ENOTEMPTY:    "Directory not empty",
	ENAMETOOLONG: "File name too long",
	EADDRINUSE:   "Address already in use",
}

func (e Errno) Error() string {
	if s, ok := errnoText[e]; ok {
		return s
	}
	return fmt.Sprintf("errno %d", int(e))
}
