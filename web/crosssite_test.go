package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"osplay/api"
)

// postForm posts an HTML form from a page of site, as a browser does:
// with the page's origin.
func postForm(c *http.Client, site, path string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequest("POST", site+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", site)
	return c.Do(req)
}

// Every state-changing endpoint refuses another site's page (by Origin,
// else Referer) and a body a page could send without asking (text/plain,
// a form) from a client that names no page; it serves this site's pages,
// the embedded ones included, and programs that send JSON.
func TestCrossSiteRequestsRefused(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	run := `{"main":"int main(void){return 0;}"}`
	endpoints := []struct{ path, body string }{
		{"/api/run", run},
		{"/api/check", `{"workload":"x"}`},
		{"/api/exercises/nfork-children/check", `{"files":{}}`},
		{"/api/exercises/u/none/check", `{"files":{}}`},
		{"/api/shares", run},
		{"/x/u/new", "titleEn=x"},
		{"/x/u/none/edit", "titleEn=x"},
	}
	for _, e := range endpoints {
		for _, tc := range []struct {
			name                 string
			origin, referer, typ string
			refused              bool
		}{
			{"same origin", srv.URL, "", "application/json", false},
			{"same origin, a form", srv.URL, "", "application/x-www-form-urlencoded", false},
			{"same-origin referer", "", srv.URL + "/embed/x/nfork-children", "application/json", false},
			{"another origin", "https://evil.example", "", "application/json", true},
			{"another origin, text", "https://evil.example", "", "text/plain", true},
			{"another scheme", strings.Replace(srv.URL, "http:", "https:", 1), "", "application/json", true},
			{"opaque origin", "null", "", "application/json", true},
			{"another site's referer", "", "https://evil.example/page", "application/json", true},
			{"no origin, JSON", "", "", "application/json; charset=utf-8", false},
			{"no origin, text", "", "", "text/plain", true},
			{"no origin, a form", "", "", "application/x-www-form-urlencoded", true},
			{"no origin, no type", "", "", "", true},
		} {
			req, _ := http.NewRequest("POST", srv.URL+e.path, strings.NewReader(e.body))
			for k, v := range map[string]string{"Origin": tc.origin, "Referer": tc.referer, "Content-Type": tc.typ} {
				if v != "" {
					req.Header.Set(k, v)
				}
			}
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			code, _ := body["error"].(string)
			if m, ok := body["error"].(map[string]any); ok {
				code, _ = m["code"].(string)
			}
			if refused := resp.StatusCode == http.StatusForbidden && code == "cross_origin"; refused != tc.refused {
				t.Errorf("%s %s: %d %v, refused %v", e.path, tc.name, resp.StatusCode, body, tc.refused)
			}
		}
	}
}
