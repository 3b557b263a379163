// Package importer turns raw articles into content files: ingest reads
// what the page says, extract what it is about, and the importer decides
// where the file goes without ever overwriting what a person edited.
package importer
