package postgres

// MaxStatements is maxStatements, for the external tests.
const MaxStatements = maxStatements
