// Package gazetteer answers what a name is: a country, a city or region
// and the country it lies in, a national body, an organisation and its
// aliases, a given name. Mark turns a sentence's tokens into per-token
// class bits, the features a sequence tagger reads; Place, CountryOf and
// Organization resolve a name once a caller has found it.
//
// The tables are embedded and built once per process by Default. Cities,
// regions and given names come from open data (data/SOURCES.md), merged
// with the project's curated lists by the command in internal/build.
package gazetteer
