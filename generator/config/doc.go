// Package config reads a site's briefing.yaml into a generator.Config:
// defaults for what it leaves out, and an error at file:line:col for an
// unknown key or a value of the wrong kind.
package config
