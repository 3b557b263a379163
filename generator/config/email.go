package config

import (
	"fmt"
	"net"
	"net/mail"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/yamldoc"
)

// emailKeys are the keys of the email: section.
var emailKeys = []string{"from", "smtp", "to"}

// emailSection reads
//
//	email:
//	  from: Briefing <briefing@example.org>
//	  to: [readers@example.org]
//	  smtp: smtp.example.org:587
//
// Every address is checked here, so a typo is reported at its line rather
// than by a mail server at send time.
func emailSection(c *generator.Config, d *yamldoc.Doc, p yamldoc.Pair) error {
	if p.Value.Kind != yaml.MappingNode {
		return d.Errorf(p.Value, "email must be a set of keys (from, to, smtp), not %s", describeKind(p.Value))
	}
	var errs generator.ErrorList
	seen := map[string]bool{}
	for i := 0; i+1 < len(p.Value.Content); i += 2 {
		k, v := p.Value.Content[i], p.Value.Content[i+1]
		key := "email." + k.Value
		if seen[k.Value] {
			errs.Add(d.Errorf(k, "%s is given twice", key))
			continue
		}
		seen[k.Value] = true
		switch k.Value {
		case "from":
			s, err := d.String(key, v)
			if err != nil {
				errs.Add(err)
				continue
			}
			if _, err := mail.ParseAddress(s); err != nil {
				errs.Add(d.Errorf(v, "email.from %q is not an email address (want Name <name@example.org>): %v", s, err))
				continue
			}
			c.Email.From = strings.TrimSpace(s)
		case "to":
			list, err := d.Strings(key, v)
			if err != nil {
				errs.Add(err)
				continue
			}
			c.Email.To = nil
			for j, s := range list {
				if _, err := mail.ParseAddress(s); err != nil {
					at := v
					if v.Kind == yaml.SequenceNode {
						at = v.Content[j]
					}
					errs.Add(d.Errorf(at, "email.to %q is not an email address: %v", s, err))
					continue
				}
				c.Email.To = append(c.Email.To, strings.TrimSpace(s))
			}
		case "smtp":
			s, err := d.String(key, v)
			if err != nil {
				errs.Add(err)
				continue
			}
			if err := CheckHostPort(s); err != nil {
				errs.Add(d.Errorf(v, "email.smtp: %v", err))
				continue
			}
			c.Email.SMTP = s
		case "user", "username", "password", "pass", "auth":
			errs.Add(d.Errorf(k, "%s does not belong in briefing.yaml, which is published with the site; set BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD in the environment instead", key))
		default:
			errs.Add(d.Errorf(k, "unknown key %q (known: %s)", key, strings.Join(prefixed(emailKeys), ", ")))
		}
	}
	return errs.Err()
}

// CheckHostPort says whether s is a mail relay's host:port.
func CheckHostPort(s string) error {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		return fmt.Errorf("%q is not host:port (want e.g. smtp.example.org:587): %w", s, err)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("%q: port %q is not a number from 1 to 65535", s, port)
	}
	if host == "" {
		return fmt.Errorf("%q has no host", s)
	}
	return nil
}

func prefixed(keys []string) []string {
	out := slices.Clone(keys)
	for i := range out {
		out[i] = "email." + out[i]
	}
	return out
}

func describeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return strconv.Quote(n.Value)
	}
	return "this"
}
