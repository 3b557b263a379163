// Package tagger finds the names in a tokenized sentence — people, organizations, places, events and
// other names — with an averaged structured perceptron over BIO tags, decoded by Viterbi.
// It proposes candidate spans with a confidence; package extract decides what to keep.
package tagger
