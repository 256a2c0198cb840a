package geo

// Attribution is the notice the Open Government Licence requires for the
// data this package embeds. Any page or API that shows postcode locations,
// LSOAs or deprivation deciles must show it (once, e.g. in a footer); it is a
// constant so the web layer cannot drift from docs/DATA.md.
const Attribution = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. " +
	"Contains OS data © Crown copyright and database right 2021. " +
	"Contains Royal Mail data © Royal Mail copyright and database right 2021. " +
	"Contains public sector information licensed under the Open Government Licence v3.0 " +
	"(English Indices of Deprivation 2019, MHCLG). " +
	"LSOA centres and local authority names from the ONS Open Geography Portal via drkane/geo-lookups, " +
	"Open Government Licence v3.0."
