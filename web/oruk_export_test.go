package web

// ORUKQueryParams lets the external tests hold the OpenAPI document to the
// parameters the handlers read.
var ORUKQueryParams = orukQueryParams
