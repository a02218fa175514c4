package web

import (
	"encoding/json"
	"net/url"
	"testing"

	"osplay/api"
	"osplay/exercises"
)

// A text the author gave in one language is stored in both (the format
// needs both) and shown back in the form only in the field it was written
// in: the other field stays as the author left it.
func TestAuthoredTextKeepsItsLanguage(t *testing.T) {
	for _, c := range []struct{ ko, en string }{
		{"프로세스는 몇 개입니까?", ""},
		{"", "How many processes?"},
		{"프로세스는 몇 개입니까?", "How many processes?"},
		{"fork() 뒤의 출력", "fork() 뒤의 출력"}, // the same text in both, with Hangul
	} {
		ko, en := written(both(c.ko, c.en))
		want := c
		if c.ko == c.en {
			want.en = ""
		}
		if ko != want.ko || en != want.en {
			t.Errorf("written(both(%q, %q)) = %q, %q; want %q, %q", c.ko, c.en, ko, en, want.ko, want.en)
		}
	}
}

// An exercise's oEmbed answer is titled with the exercise's title in the
// language asked for.
func TestOEmbedTitleIsTheExercise(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	list, err := exercises.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		for _, lang := range []string{"ko", "en"} {
			r := get(t, srv.URL+"/oembed?url="+url.QueryEscape("/x/"+x.Slug+"?lang="+lang), nil)
			var o struct{ Title string }
			if err := json.Unmarshal([]byte(r.body), &o); err != nil || r.status != 200 {
				t.Fatalf("%s: %d %v", x.Slug, r.status, err)
			}
			if o.Title != x.Title.In(lang) {
				t.Errorf("%s (%s): oEmbed title %q, want %q", x.Slug, lang, o.Title, x.Title.In(lang))
			}
		}
	}
}
