package web

import (
	"net/http"
	"testing"

	"osplay/api"
)

// HEAD is answered wherever GET is, with GET's status and no body.
func TestHeadWhereGet(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/", 200},
		{"/play", 200},
		{"/x", 200},
		{"/x/nfork-children", 200},
		{"/embed/x/nfork-children", 200},
		{"/healthz", 200},
		{"/api/exercises", 200},
		{"/static/css/osplay.css", 200},
		{"/x/no-such-exercise", 404},
	} {
		req, _ := http.NewRequest("HEAD", srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("HEAD %s: %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
	}
}
