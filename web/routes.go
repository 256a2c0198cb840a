package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral/insight"
)

// routes is the one place every route is listed.
func (s *server) routes(app *fiber.App) {
	app.Use(s.recoverPanics, s.withDeadline, s.securityHeaders, validText, s.authenticate)

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/assets/*", serveAsset)

	api := app.Group("/api")
	api.Post("/session", s.login)
	api.Delete("/session", s.logout)
	api.Get("/session", s.whoami)
	api.Put("/session/password", s.changePassword)

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
	api.Get("/import/template.csv", s.importTemplate)

	api.Get("/users", s.listUsers)
	api.Post("/users", s.createUser)
	api.Get("/teams", s.listTeams)
	api.Post("/teams", s.createTeam)

	// Quality assurance.
	api.Get("/qa/templates", s.listTemplates)
	api.Post("/qa/templates", s.publishTemplate)
	api.Get("/qa/queue", s.reviewQueue)
	api.Get("/qa/todo", s.qaTodo)
	api.Get("/qa/organisations", s.qaOrganisations)
	api.Post("/qa/items/:id/verify", s.verifyItem)
	api.Post("/qa/items/:id/reject", s.rejectItem)
	api.Get("/evidence/:id", s.downloadEvidence)

	api.Get("/organisations/:id/assurance", s.publicAssurance)
	api.Get("/organisations/:id/assessment", s.getAssessment)
	api.Put("/organisations/:id/assessment/items/:key", s.saveItem)
	api.Post("/organisations/:id/assessment/items/:key/evidence", s.uploadEvidence)
	api.Post("/organisations/:id/assessment/submit", s.submitAssessment)
	api.Post("/organisations/:id/suspend", s.suspend)
	api.Post("/organisations/:id/unsuspend", s.unsuspend)
	api.Post("/organisations/:id/confirm-listing", s.confirmListing)

	// The link-worker workflow and the VCSE side of connections.
	api.Post("/referrals", s.createReferral)
	selfReferrals := newRateLimit(5, time.Hour, s.clientAddr) // shared with the self-referral page
	api.Post("/self-referrals", selfReferrals.handler, s.selfRefer)
	api.Get("/caseload", s.myCaseload)
	api.Get("/teams/:id/caseload", s.teamCaseload)
	api.Get("/referrals/:id", s.getReferral)
	api.Post("/referrals/:id/status", s.moveReferral)
	api.Put("/referrals/:id/link-worker", s.assignReferral)
	api.Post("/referrals/:id/consents", s.recordConsent)
	api.Get("/referrals/:id/contacts", s.listContacts)
	api.Post("/referrals/:id/contacts", s.addContact)
	api.Put("/referrals/:id/what-matters", s.saveWhatMatters)
	api.Get("/referrals/:id/plan", s.getPlan)
	api.Put("/referrals/:id/plan", s.savePlan)
	api.Get("/referrals/:id/plan.txt", s.planText)
	api.Get("/referrals/:id/outcomes", s.listOutcomes)
	api.Put("/referrals/:id/outcomes/:measure/:stage", s.recordOutcome)
	api.Get("/referrals/:id/unmet-needs", s.listUnmetNeeds)
	api.Post("/referrals/:id/unmet-needs", s.recordUnmetNeed)
	api.Get("/referrals/:id/summary", s.referralSummary)
	api.Get("/referrals/:id/fhir", s.referralFHIR)
	api.Get("/referrals/:id/audit", s.referralAudit)
	api.Get("/referrals/:id/connections", s.listConnections)
	api.Post("/referrals/:id/connections", s.connect)
	api.Get("/connections", s.inbox)
	api.Get("/connections/:id", s.getConnection)
	api.Post("/connections/:id/status", s.moveConnection)
	api.Get("/services/:id/load", s.serviceLoad)

	// Data protection: subject access and erasure (docs/RELIABILITY.md).
	api.Get("/people/:id/export", s.exportPerson)
	api.Post("/people/:id/erase", s.erasePerson)

	// Commissioner insight: aggregates only, small counts withheld
	// (docs/INSIGHT.md), and the link workers' community work log.
	api.Get("/gaps", s.gaps)
	api.Get("/reports/referrals-by-source", s.report(insight.ReportBySource))
	api.Get("/reports/referrals-by-month", s.report(insight.ReportByMonth))
	api.Get("/reports/referrals-by-need", s.report(insight.ReportByNeed))
	api.Get("/reports/referrals-by-imd", s.report(insight.ReportByIMD))
	api.Get("/reports/referrals-by-age", s.report(insight.ReportByAge))
	api.Get("/reports/triage", s.report(insight.ReportTriage))
	api.Get("/reports/contacts", s.report(insight.ReportContacts))
	api.Get("/reports/connections", s.report(insight.ReportConnections))
	api.Get("/reports/outcomes", s.report(insight.ReportOutcomes))
	api.Get("/reports/community-groups", s.report(insight.ReportCommunityGroups))
	api.Get("/reports/unmet-needs", s.report(insight.ReportUnmetNeeds))
	api.Get("/reports/community-work", s.report(insight.ReportCommunityWork))
	api.Post("/community-work", s.logWork)
	api.Get("/community-work", s.workLog)

	// The Open Referral UK feed: public, read-only, readable from any origin.
	feed := app.Group("/oruk", s.orukHeaders)
	feed.Get("/", s.orukRoot)
	feed.Get("/openapi.json", s.orukOpenAPIDoc)
	feed.Get("/services", s.orukServices)
	feed.Get("/services/:id", s.orukService)
	feed.Get("/service_at_locations", s.orukLinks)
	feed.Get("/service_at_locations/:id", s.orukLink)
	feed.Get("/organizations", s.orukOrganizations)
	feed.Get("/organizations/:id", s.orukOrganization)
	feed.Get("/taxonomies", s.orukTaxonomies)
	feed.Get("/taxonomies/:id", s.orukTaxonomy)
	feed.Get("/taxonomy_terms", s.orukTerms)
	feed.Get("/taxonomy_terms/:id", s.orukTerm)
	// Browser pages: forms carry CSRF tokens; /app needs a session.
	pages := app.Group("", s.csrf)
	pages.Get("/login", s.loginPage)
	pages.Post("/login", s.loginPost)
	pages.Post("/logout", s.logoutPost)
	pages.Get("/about", s.aboutPage)

	// Pages: public directory (search, service page, self-referral, problem reports).
	pages.Get("/", s.publicSearch)
	pages.Get("/services/:id", s.publicService)
	pages.Get("/services/:id/refer", s.publicRefer)
	pages.Post("/services/:id/refer", selfReferrals.handler, s.publicReferPost)
	pages.Get("/services/:id/refer/sent", s.publicReferSent)
	pages.Get("/services/:id/report", s.publicReport)
	pages.Post("/services/:id/report", newRateLimit(10, time.Hour, s.clientAddr).handler, s.publicReportPost)

	work := pages.Group("/app", s.signedIn)
	work.Get("/", s.appHome)

	// Pages: link worker.
	lw := forLinkWorkers
	work.Get("/caseload", lw, s.caseloadPage)
	work.Get("/referrals/new", lw, s.newReferralPage)
	work.Post("/referrals/new", lw, s.newReferralPost)
	work.Get("/referrals/:id", lw, s.referralPage)
	work.Post("/referrals/:id/status", lw, s.referralStatusPost)
	work.Post("/referrals/:id/assign", lw, s.referralAssignPost)
	work.Post("/referrals/:id/consents", lw, s.referralConsentPost)
	work.Post("/referrals/:id/connections/:conn", lw, s.connectionMovePost)
	work.Get("/referrals/:id/contacts", lw, s.contactsPage)
	work.Post("/referrals/:id/contacts", lw, s.contactsPost)
	work.Get("/referrals/:id/plan", lw, s.planPage)
	work.Post("/referrals/:id/plan", lw, s.planPost)
	work.Get("/referrals/:id/plan/print", lw, s.planPrintPage)
	work.Get("/referrals/:id/connect", lw, s.connectPage)
	work.Post("/referrals/:id/connect", lw, s.connectPost)
	work.Get("/referrals/:id/outcomes", lw, s.outcomesPage)
	work.Post("/referrals/:id/outcomes", lw, s.outcomesPost)
	work.Get("/referrals/:id/close", lw, s.closePage)
	work.Post("/referrals/:id/close", lw, s.closePost)

	// Pages: VCSE editor.
	work.Get("/organisation", vcseEditor, s.vcseOrganisationPage)
	work.Post("/organisation", vcseEditor, s.vcseOrganisationSave)
	work.Get("/services/new", vcseEditor, s.vcseNewListingPage)
	work.Post("/services/new", vcseEditor, s.vcseNewListingPost)
	work.Get("/services/:id/edit", vcseEditor, s.vcseEditListingPage)
	work.Post("/services/:id/edit", vcseEditor, s.vcseEditListingPost)
	work.Get("/services/:id/capacity", vcseEditor, s.vcseCapacityPage)
	work.Post("/services/:id/capacity", vcseEditor, s.vcseCapacityPost)
	work.Get("/services/:id/load", vcseEditor, s.vcseLoadPage)
	work.Get("/inbox", vcseEditor, s.vcseInboxPage)
	work.Get("/connections/:id", vcseEditor, s.vcseConnectionPage)
	work.Post("/connections/:id", vcseEditor, s.vcseConnectionPost)
	work.Get("/organisation/qa", vcseEditor, s.vcseChecklistPage)
	work.Post("/organisation/qa", vcseEditor, s.vcseChecklistPost)

	// Pages: QA reviewer.
	work.Get("/qa", qaReviewer, s.qaQueuePage)
	work.Get("/qa/organisations/:id", qaReviewer, s.qaReviewPage)
	work.Post("/qa/organisations/:id", qaReviewer, s.qaReviewPost)

	// Pages: commissioner.
	commissioners := pageFor(directory.RoleCommissioner, directory.RoleAdmin)
	work.Get("/insight", commissioners, s.insightPage)
	work.Get("/insight/areas/:code", commissioners, s.insightAreaPage)

	// Pages: admin.
	admins := pageFor(directory.RoleAdmin)
	work.Get("/admin", admins, s.adminPage)
	work.Get("/admin/users", admins, s.usersPage)
	work.Post("/admin/users", admins, s.createUserPost)
	work.Get("/admin/teams", admins, s.teamsPage)
	work.Post("/admin/teams", admins, s.createTeamPost)
	work.Get("/admin/taxonomy", admins, s.taxonomyPage)
	work.Get("/admin/taxonomy/:code", admins, s.termPage)
	work.Post("/admin/taxonomy/:code", admins, s.updateTermPost)
	work.Get("/admin/qa-templates", admins, s.templatesPage)
	work.Post("/admin/qa-templates", admins, s.publishTemplatePost)
	moderators := pageFor(directory.RoleAdmin, directory.RoleQAReviewer)
	work.Get("/admin/moderation", moderators, s.moderationPage)
	work.Post("/admin/moderation/:id/approve", moderators, s.approvePost)
	work.Post("/admin/moderation/:id/reject", moderators, s.rejectPost)
	work.Get("/admin/reindex", admins, s.reindexPage)
	work.Post("/admin/reindex", admins, s.startReindex)
	work.Get("/admin/import", admins, s.importPage)
	work.Post("/admin/import", admins, s.startImport)

	work.Get("/admin/reports", moderators, s.problemReportsPage)
	work.Post("/admin/reports/:id/resolve", moderators, s.resolveProblemReportPost)

	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}
