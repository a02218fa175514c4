package web

import "github.com/go-chi/chi/v5"

// exerciseRoutes are the addresses of exercises, shares, embedding and
// authoring. Authored exercises live under /x/u/, which no built-in slug
// can take.
func (s *Server) exerciseRoutes(r chi.Router) {
	r.Get("/x", s.exerciseIndex)
	r.Get("/x/{slug}", s.exercisePage)
	r.Get("/x/u/{id}", s.exercisePage)
	r.Get("/x/u/new", s.authorNew)
	r.With(s.limited(s.authoring)).Post("/x/u/new", s.authorCreate)
	r.Get("/x/u/{id}/edit", s.authorEdit)
	r.With(s.limited(s.authoring)).Post("/x/u/{id}/edit", s.authorUpdate)
	r.Get("/s/{id}", s.sharePage)
	r.Get("/embed/x/{slug}", s.embedExercise)
	r.Get("/embed/x/u/{id}", s.embedExercise)
	r.Get("/embed/s/{id}", s.embedShare)
	r.Get("/oembed", s.oembed)

	r.Get("/api/exercises", s.exerciseList)
	r.Get("/api/exercises/{slug}", s.exerciseJSON)
	r.Get("/api/exercises/u/{id}", s.exerciseJSON)
	r.With(s.limited(s.checks)).Post("/api/exercises/{slug}/check", s.exerciseCheck)
	r.With(s.limited(s.checks)).Post("/api/exercises/u/{id}/check", s.exerciseCheck)
	r.With(s.limited(s.shares)).Post("/api/shares", s.shareCreate)
	r.Get("/api/shares/{id}", s.shareJSON)
}
