// Package search builds the site's full-text index: the words of every
// article, ranked ahead of time, split into shards a browser fetches only
// as a query needs them, beside the names and weeks it filters by.
package search
