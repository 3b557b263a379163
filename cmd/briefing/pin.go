package main

import (
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
)

// installPlaceholder is where the Pages workflow template takes the
// version its install step pins.
const installPlaceholder = "{{BRIEFING_VERSION}}"

// release matches a semantic version tag as the Go module proxy serves
// it: v1.2.3, or v1.2.3-rc.1.
var release = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

// pseudo matches the tail of a Go pseudo-version (v0.0.0-20261201101500-1a2b3c4d5e6f):
// the version of an untagged commit, which the proxy serves only if that
// commit is public, so it is no release to pin a site to.
var pseudo = regexp.MustCompile(`[0-9]{14}-[0-9a-f]{12}$`)

// ownVersion is this binary's version: the one set at release time, or
// the module version go install stamped, "" for a development build.
func ownVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return ""
}

// pinnedVersion is the release the new site's workflow installs: the one
// asked for, or else the one running. @latest is never written: before a
// first release no proxy serves it, and after one a site's build would
// change under it with every release.
func pinnedVersion(asked string) (string, error) {
	v, from := asked, "--briefing-version"
	if v == "" {
		v, from = ownVersion(), "this briefing"
	}
	switch {
	case v == "":
		return "", fmt.Errorf("%w: this briefing is a development build, so a GitHub Pages workflow cannot install the same one", errUnreleased)
	case strings.Contains(v, "+") || pseudo.MatchString(v) || !release.MatchString(v):
		err := fmt.Errorf("%s is version %q, which is not a release tag like v1.2.3 that go install can fetch", from, v)
		if asked == "" {
			err = fmt.Errorf("%w: %w", errUnreleased, err)
		}
		return "", err
	}
	return v, nil
}

// errUnreleased is a briefing with no release to pin a workflow to: a
// site can still be made, its workflow added once a release is named.
var errUnreleased = errors.New("no release to pin")

// workflowHint says how to add the workflow a new site was made without.
const workflowHint = "name a release with --briefing-version vX.Y.Z, or later run `briefing new workflow --briefing-version vX.Y.Z` in the site (README, \"Releases\", says how to publish one)"
