// Package publish writes a rendered site into its destination folder
// atomically: files go to a new folder beside it, which replaces the old
// one in one step only when everything was written.
package publish
