package web

import "github.com/gofiber/fiber/v2"

// routes is the one place every route is listed.
func (s *server) routes(app *fiber.App) {
	app.Use(s.recoverPanics, s.withDeadline, s.securityHeaders, s.authenticate)

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)

	api := app.Group("/api")
	api.Post("/session", s.login)
	api.Delete("/session", s.logout)
	api.Get("/session", s.whoami)

	api.Get("/organisations", s.listOrganisations)
	api.Post("/organisations", s.createOrganisation)
	api.Get("/organisations/:id", s.getOrganisation)
	api.Put("/organisations/:id", s.updateOrganisation)
	api.Get("/organisations/:id/versions", s.organisationHistory)

	api.Get("/services", s.listServices)
	api.Post("/services", s.createService)
	api.Get("/services/:id", s.getService)
	api.Put("/services/:id", s.updateService)
	api.Get("/services/:id/versions", s.serviceHistory)
	api.Get("/services/:id/capacity", s.getCapacity)
	api.Put("/services/:id/capacity", s.putCapacity)
	api.Post("/services/:id/pause", s.pauseService)
	api.Post("/services/:id/resume", s.resumeService)

	api.Get("/moderation", s.moderationQueue)
	api.Post("/versions/:id/approve", s.approveVersion)
	api.Post("/versions/:id/reject", s.rejectVersion)

	api.Get("/search", s.search)

	api.Get("/taxonomies", s.listTaxonomies)
	api.Get("/taxonomy_terms", s.listTerms)
	api.Get("/postcodes/:postcode", s.lookupPostcode)

	api.Get("/users", s.listUsers)
	api.Post("/users", s.createUser)
	api.Get("/teams", s.listTeams)
	api.Post("/teams", s.createTeam)

	s.qaRoutes(api)
	s.referralRoutes(api)
	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}
