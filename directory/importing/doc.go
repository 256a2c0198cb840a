// Package importing writes directory data read by package oruk (Open
// Referral UK feeds and spreadsheets) into the directory, one record at a
// time, and keeps the summary people read afterwards: what was created,
// updated or left unchanged, and every record refused with its reason.
//
// It is shared by `kith import` and the admin import page, so a file
// imported either way gives the same listings and the same summary. The
// caller chooses who acts (the CLI the system user, the page the signed-in
// admin) through the context, and how progress is shown through a callback.
package importing
