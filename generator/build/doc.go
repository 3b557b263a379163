// Package build runs the whole pipeline — config, content, site, render,
// assets — for the build and serve commands, so both produce the same
// files from the same folder.
package build
