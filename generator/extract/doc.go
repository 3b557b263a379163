// Package extract reads a news article and says what it is about: the
// people, countries, organisations, places and event it names, its topics
// and a short summary, so briefing can file and link articles unaided.
package extract
