// Package corpus writes synthetic digest articles for benchmarks: the shape
// of ../shared/bench/gencorpus.py (front matter with countries, people,
// organizations, an event and topics; several paragraphs naming them) from
// a seed, so two runs of a benchmark read the same files.
package corpus
