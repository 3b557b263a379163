// Package email makes the email edition of a weekly issue: an HTML body
// built to survive mail clients (tables, inline styles, no script, every
// link absolute), a plain-text alternative with the same content, and the
// two together as one multipart message ready to send or to import into
// a mail program. It is the issue as its page shows it: numbered, and
// with the week's edition file its headline, the editor's note, the lead
// and featured stories, the rest by country and the week in brief.
//
// Everything it writes follows from the issue and the configuration
// alone, so two builds of the same site give the same bytes: the date is
// the last day and the MIME boundary a hash of the content.
package email
