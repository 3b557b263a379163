// Package site assembles loaded articles into a generator.Site: entries,
// taxonomy terms with their related terms, and weekly issues with their
// editions (number, publishing, lead, featured, in brief). It is pure: no
// I/O, the same input always gives the same site.
package site
