package web

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"osplay/api"
	"osplay/exercises"
)

// genericParticle is Korean written for a word whose sound is not known:
// 은(는), 이(가), 을(를), 과(와), (으)로.
var genericParticle = regexp.MustCompile(`은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|과\(와\)|와\(과\)|\(으\)로`)

// The Korean pages choose each particle for its word: none writes both
// forms, in its text or in the strings its scripts carry.
func TestKoreanPagesChooseParticles(t *testing.T) {
	s, srv := testServer(t, api.Limits{})
	pages := []string{"/", "/play", "/play?new=1", "/x", "/x/u/new"}
	for _, c := range s.cards("ko") {
		pages = append(pages, "/play?example="+url.QueryEscape(c.Name))
	}
	list, err := exercises.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		pages = append(pages, "/x/"+x.Slug)
	}
	for _, p := range pages {
		r := get(t, srv.URL+p, map[string]string{"Accept-Language": "ko", "Cookie": "lang=ko"})
		if r.status != 200 {
			t.Errorf("%s: %d", p, r.status)
			continue
		}
		if !strings.Contains(r.body, `<html lang="ko"`) {
			t.Errorf("%s is not in Korean", p)
		}
		if m := genericParticle.FindAllString(r.body, 3); len(m) > 0 {
			i := genericParticle.FindStringIndex(r.body)
			t.Errorf("%s: %v …%s…", p, m, r.body[max(0, i[0]-80):min(len(r.body), i[1]+20)])
		}
	}
}

// No page shows raw Markdown: the home page's cards render `code` as code.
func TestHomeCardsHaveNoBackticks(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	for _, lang := range []string{"ko", "en"} {
		body := get(t, srv.URL+"/?lang="+lang, nil).body
		if i := strings.Index(body, "<script"); i > 0 {
			body = body[:i] // the scripts' data may quote Markdown
		}
		if !strings.Contains(body, `class="card"`) {
			t.Fatalf("%s: no card before the scripts", lang)
		}
		if i := strings.Index(body, "`"); i >= 0 {
			t.Errorf("%s: a backtick in …%s…", lang, body[max(0, i-80):min(len(body), i+40)])
		}
	}
}

// The home page in Korean shows each card in Korean: its source and its
// summary (the lecture's names, as "Lab 3-1" and "seed 002", stay as the
// slides write them).
func TestHomeCardsInKorean(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	body := get(t, srv.URL+"/?lang=ko", nil).body
	cards := regexp.MustCompile(`(?s)<li class="card" data-example="([^"]+)">(.*?)</li>`).FindAllStringSubmatch(body, -1)
	if len(cards) < 30 {
		t.Fatalf("%d cards", len(cards))
	}
	hangul := regexp.MustCompile(`\p{Hangul}`)
	part := func(card, class string) string {
		m := regexp.MustCompile(`(?s)<p class="` + class + `">(.*?)</p>`).FindStringSubmatch(card)
		if m == nil {
			return ""
		}
		return regexp.MustCompile(`(?s)<code>.*?</code>|<[^>]+>`).ReplaceAllString(m[1], "")
	}
	for _, c := range cards {
		for _, class := range []string{"source", "summary"} {
			if text := part(c[2], class); !hangul.MatchString(text) {
				t.Errorf("%s: the card's %s is not in Korean: %q", c[1], class, text)
			}
		}
		if strings.Contains(c[2], " with ") {
			t.Errorf("%s: English in the Korean card: %s", c[1], c[2])
		}
	}
}
