package kernel

// The error numbers of sockets, Linux's values.
const (
	ENXIO           = 6
	ENFILE          = 23
	ENOTSOCK        = 88
	EDESTADDRREQ    = 89
	EPROTOTYPE      = 91
	ENOPROTOOPT     = 92
	EPROTONOSUPPORT = 93
	EOPNOTSUPP      = 95
	EAFNOSUPPORT    = 97
	EADDRINUSE      = 98
	EADDRNOTAVAIL   = 99
	ENETUNREACH     = 101
	ECONNABORTED    = 103
	ECONNRESET      = 104
	ENOBUFS         = 105
	EISCONN         = 106
	ENOTCONN        = 107
	ECONNREFUSED    = 111
	EALREADY        = 114
	EINPROGRESS     = 115
)

func init() {
	for e, n := range map[int][2]string{
		ENOTSOCK: {"ENOTSOCK", "Socket operation on non-socket"}, EDESTADDRREQ: {"EDESTADDRREQ", "Destination address required"},
		EPROTOTYPE: {"EPROTOTYPE", "Protocol wrong type for socket"}, ENOPROTOOPT: {"ENOPROTOOPT", "Protocol not available"},
		EPROTONOSUPPORT: {"EPROTONOSUPPORT", "Protocol not supported"}, EAFNOSUPPORT: {"EAFNOSUPPORT", "Address family not supported by protocol"},
		EADDRINUSE: {"EADDRINUSE", "Address already in use"}, EADDRNOTAVAIL: {"EADDRNOTAVAIL", "Cannot assign requested address"},
		ENETUNREACH: {"ENETUNREACH", "Network is unreachable"}, ECONNABORTED: {"ECONNABORTED", "Software caused connection abort"},
		ECONNRESET: {"ECONNRESET", "Connection reset by peer"}, ENOBUFS: {"ENOBUFS", "No buffer space available"},
		EISCONN: {"EISCONN", "Transport endpoint is already connected"}, ENOTCONN: {"ENOTCONN", "Transport endpoint is not connected"},
		ECONNREFUSED: {"ECONNREFUSED", "Connection refused"}, EALREADY: {"EALREADY", "Operation already in progress"},
		EINPROGRESS: {"EINPROGRESS", "Operation now in progress"},
	} {
		errnoNames[e] = n
	}
}
