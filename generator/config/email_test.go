package config

import (
	"slices"
	"testing"
)

func TestParseEmail(t *testing.T) {
	src := "title: T\nemail:\n  from: Gulf Weekly <desk@example.org>\n  to: [a@example.org, \"B <b@example.org>\"]\n  smtp: mail.example.org:587\n"
	cfg, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := cfg.Email
	if e.From != "Gulf Weekly <desk@example.org>" || !slices.Equal(e.To, []string{"a@example.org", "B <b@example.org>"}) || e.SMTP != "mail.example.org:587" {
		t.Errorf("email = %+v", e)
	}
}

func TestParseEmailErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"not a section", "email: desk@example.org\n", `briefing.yaml:1:8: email must be a set of keys (from, to, smtp), not "desk@example.org"`},
		{"bad from", "email:\n  from: desk at example\n", `briefing.yaml:2:9: email.from "desk at example" is not an email address (want Name <name@example.org>): mail: no angle-addr`},
		{"bad to", "email:\n  to:\n    - a@example.org\n    - nobody\n", `briefing.yaml:4:7: email.to "nobody" is not an email address: mail: missing '@' or angle-addr`},
		{"bad smtp", "email:\n  smtp: mail.example.org\n", `briefing.yaml:2:9: email.smtp: "mail.example.org" is not host:port (want e.g. smtp.example.org:587): address mail.example.org: missing port in address`},
		{"bad port", "email:\n  smtp: mail.example.org:smtp\n", `briefing.yaml:2:9: email.smtp: "mail.example.org:smtp": port "smtp" is not a number from 1 to 65535`},
		{"password", "email:\n  password: hunter2\n", `briefing.yaml:2:3: email.password does not belong in briefing.yaml, which is published with the site; set BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD in the environment instead`},
		{"unknown", "email:\n  form: a@example.org\n", `briefing.yaml:2:3: unknown key "email.form" (known: email.from, email.smtp, email.to)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(FileName, []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}
