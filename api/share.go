package api

// ShareRequest is the body of POST /api/shares: a program as the
// playground sends it (Program), the exercise it was made on, if any, and
// the view to open first.
type ShareRequest struct {
	Program
	Exercise string `json:"exercise,omitempty"`
	View     string `json:"view,omitempty"`
}

// ShareResponse is the answer: the snapshot's id (the same program and
// settings always get the same one), its address and its embeddable page.
type ShareResponse struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Embed string `json:"embed"`
}

// MaxShareBody bounds the body of POST /api/shares.
const MaxShareBody = 1 << 20
