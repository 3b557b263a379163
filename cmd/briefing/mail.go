package main

import (
	"bytes"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/generator/email"
	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/internal/cli"
	"github.com/briefing-digest/briefing/internal/smtpsend"
)

func init() { extraCommands = append(extraCommands, newMail) }

// The relay's credentials are read from these, never from briefing.yaml,
// which is committed and published with the site.
const (
	envSMTPUser     = "BRIEFING_SMTP_USER"
	envSMTPPassword = "BRIEFING_SMTP_PASSWORD"
)

type mailOptions struct {
	build    build.Options
	send     bool
	smtp     string
	startTLS string
	to       []string
	from     string
	ca       string
	timeout  time.Duration
	force    bool
}

func newMail() *cobra.Command {
	var o mailOptions
	cmd := &cobra.Command{
		Use:   "mail ISSUE",
		Short: "Print an issue's email edition as an .eml message, or send it over SMTP",
		Long: `Mail makes the email edition of one weekly issue, the same message build
writes to public/issues/ISSUE/ISSUE.eml, and prints it to standard output.
ISSUE is an issue's name, such as 2021-w45, or latest: the latest
published issue, as the home page shows it.

An issue that is not published yet (the current week without its
content/issues file, or one saying published: false) is printed with a
warning, for a look before it goes out; --send refuses it unless --force.

With --send it is sent instead, to the relay email.smtp in briefing.yaml
or --smtp HOST:PORT, from email.from to email.to (or --from and --to).
The connection is encrypted with STARTTLS when the relay offers it;
--starttls=required refuses to send otherwise. To log in, set
` + envSMTPUser + ` and ` + envSMTPPassword + ` in the environment: credentials
are never read from briefing.yaml, which is published with the site.`,
		Args: cli.Wants(1, 1, "one issue: its name, such as 2021-w45, or latest (e.g. briefing mail latest)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMail(cmd, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.build.Source, "source", "s", ".", "the site's folder")
	f.StringVarP(&o.build.BaseURL, "base-url", "b", "", "the address the site is published at; links in the mail lead there")
	f.BoolVarP(&o.build.Drafts, "drafts", "D", false, "include articles marked draft: true")
	f.BoolVar(&o.send, "send", false, "send the message over SMTP instead of printing it")
	f.StringVar(&o.smtp, "smtp", "", "the relay's HOST:PORT (implies --send; default email.smtp)")
	f.StringVar(&o.startTLS, "starttls", smtpsend.Auto, "encrypt with STARTTLS: "+strings.Join(smtpsend.Modes, ", "))
	f.StringArrayVar(&o.to, "to", nil, "a recipient (repeatable; default email.to)")
	f.StringVar(&o.from, "from", "", "the sender (default email.from)")
	f.StringVar(&o.ca, "smtp-ca", "", "a PEM file of certificates to trust for the relay instead of the system's")
	f.DurationVar(&o.timeout, "timeout", time.Minute, "give up on the relay after this long")
	f.BoolVar(&o.force, "force", false, "send an issue that is not published")
	return cmd
}

func runMail(cmd *cobra.Command, name string, o mailOptions) error {
	if o.smtp != "" {
		o.send = true
	}
	if !slices.Contains(smtpsend.Modes, o.startTLS) {
		return fmt.Errorf("--starttls=%s: want one of %s", o.startTLS, strings.Join(smtpsend.Modes, ", "))
	}
	if err := build.RequireSite(o.build.Source); err != nil {
		return err
	}
	cfg, err := build.Config(o.build)
	if err != nil {
		return &cli.Failed{Summary: "briefing.yaml has problems", Err: err}
	}
	if err := overrideAddresses(&cfg, o); err != nil {
		return err
	}
	// The email shows no article bodies, so none need stay in memory.
	articles, err := content.Load(o.build.Source, content.Options{Drafts: o.build.Drafts, Location: cfg.Location, BodyMemory: 1})
	if err != nil {
		return &cli.Failed{Summary: "the site's articles have problems", Err: err}
	}
	r, err := email.Load(cfg, build.Templates(o.build.Source), render.Markdown(&cfg))
	if err != nil {
		return &cli.Failed{Summary: "the email template has problems", Err: err}
	}
	// The editions say which issues are published and what each leads
	// with; a mistake in one fails mail as it fails build, since the
	// message would not be the one build writes.
	editions, edErr := content.LoadEditions(o.build.Source)
	s, err := site.Assemble(cfg, articles, site.Options{Editions: editions, Unpublished: true})
	if err = errors.Join(edErr, err); err != nil {
		return &cli.Failed{Summary: "the site's issue files have problems", Err: err}
	}
	is, err := findIssue(s, name)
	if err != nil {
		return err
	}
	if !is.Published {
		if o.send && !o.force {
			return fmt.Errorf("issue %s is not published, so it is not sent: %s; --force sends it anyway", is.Slug, unpublished(is))
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "warning: issue %s is not published: %s\n", is.Slug, unpublished(is))
	}
	msg, err := r.Render(is)
	if err != nil {
		return err
	}
	if !o.send {
		_, err := cmd.OutOrStdout().Write(msg.EML)
		return err
	}
	return sendMail(cmd, &cfg, is, msg.EML, o)
}

// overrideAddresses applies --from and --to, checked as briefing.yaml's are.
func overrideAddresses(cfg *generator.Config, o mailOptions) error {
	if o.from != "" {
		if _, err := mail.ParseAddress(o.from); err != nil {
			return fmt.Errorf("--from %q is not an email address: %w", o.from, err)
		}
		cfg.Email.From = o.from
	}
	if len(o.to) > 0 {
		cfg.Email.To = nil
		for _, to := range o.to {
			for s := range strings.SplitSeq(to, ",") {
				if s = strings.TrimSpace(s); s == "" {
					continue
				}
				if _, err := mail.ParseAddress(s); err != nil {
					return fmt.Errorf("--to %q is not an email address: %w", s, err)
				}
				cfg.Email.To = append(cfg.Email.To, s)
			}
		}
	}
	return nil
}

func sendMail(cmd *cobra.Command, cfg *generator.Config, is *generator.Issue, eml []byte, o mailOptions) error {
	addr := o.smtp
	if addr == "" {
		addr = cfg.Email.SMTP
	}
	if addr == "" {
		return errors.New("no relay to send to: give --smtp HOST:PORT or set email.smtp in briefing.yaml")
	}
	if err := config.CheckHostPort(addr); err != nil {
		return fmt.Errorf("--smtp: %w", err)
	}
	if len(cfg.Email.To) == 0 {
		return errors.New("no recipients: give --to ADDRESS or set email.to in briefing.yaml")
	}
	from, err := email.From(cfg)
	if err != nil {
		return err
	}
	var to []string
	for _, s := range cfg.Email.To {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return fmt.Errorf("recipient %q: %w", s, err)
		}
		to = append(to, a.Address)
	}
	if local(cfg.BaseURL) {
		// The message is still sent: a proof to oneself from a preview is
		// fine, but readers would get links that lead nowhere.
		fmt.Fprintf(cmd.ErrOrStderr(), "warning: the message's links lead to %s, which only this computer can open; set base_url in briefing.yaml or give --base-url with the published address\n", cfg.BaseURL)
	}
	user, password := os.Getenv(envSMTPUser), os.Getenv(envSMTPPassword)
	if (user == "") != (password == "") {
		return fmt.Errorf("set both %s and %s to log in to the relay, or neither", envSMTPUser, envSMTPPassword)
	}
	tlsCfg, err := relayTLS(o.ca)
	if err != nil {
		return err
	}
	err = smtpsend.Send(cmd.Context(), smtpsend.Options{
		Addr: addr, StartTLS: o.startTLS, TLS: tlsCfg,
		User: user, Password: password,
		From: from.Address, To: to, Timeout: o.timeout,
	}, stamp(eml, time.Now()))
	if err != nil {
		return fmt.Errorf("sending %s: %w", is.Slug, err)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "sent %s to %s via %s\n", is.Slug, strings.Join(to, ", "), addr)
	return nil
}

// local reports whether base names this computer rather than where the
// site is published: the default base URL is serve's localhost address.
func local(base string) bool {
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	h := u.Hostname()
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// stamp dates a message being sent now and gives it an identity of its
// own. The .eml build writes is dated by its week and named by its
// content, so builds are reproducible; sent as it is, a proof and the
// real mailing would share one Message-ID, and mail programs drop the
// second as a copy of the first.
func stamp(eml []byte, now time.Time) []byte {
	head, body, ok := bytes.Cut(eml, []byte("\r\n\r\n"))
	if !ok {
		return eml
	}
	var nonce [8]byte
	_, _ = rand.Read(nonce[:]) // crypto/rand never fails on Linux, and a zero nonce is still unique by time
	lines := bytes.Split(head, []byte("\r\n"))
	for i, l := range lines {
		switch {
		case bytes.HasPrefix(l, []byte("Date: ")):
			lines[i] = []byte("Date: " + now.Format(time.RFC1123Z))
		case bytes.HasPrefix(l, []byte("Message-ID: <")):
			if at := bytes.LastIndexByte(l, '@'); at >= 0 {
				lines[i] = fmt.Appendf(nil, "Message-ID: <%d.%x%s", now.UnixNano(), nonce, l[at:])
			}
		}
	}
	return slices.Concat(bytes.Join(lines, []byte("\r\n")), []byte("\r\n\r\n"), body)
}

// relayTLS trusts the certificates in file, when given, instead of the
// system's: a company relay often has its own certificate authority.
func relayTLS(file string) (*tls.Config, error) {
	if file == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("--smtp-ca: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("--smtp-ca: %s holds no PEM certificate", file)
	}
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, nil
}

// unpublished says why an issue is not published, and how to publish it.
func unpublished(is *generator.Issue) string {
	if is.Edition != nil {
		return is.Edition.File + " says published: false"
	}
	return "it is the current week, published once content/" + content.IssuesDir + "/" + is.Slug + ".md is written"
}

// findIssue returns the issue called name, or "latest", the newest
// published one; for a name no issue has, the error lists those nearest
// to it.
func findIssue(s *generator.Site, name string) (*generator.Issue, error) {
	if len(s.Issues) == 0 {
		return nil, errors.New("the site has no issues yet: it has no articles")
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "latest" {
		if is := s.Latest(); is != nil {
			return is, nil
		}
		return nil, fmt.Errorf("no issue is published yet, so none is the latest: %s is not published (%s); name it to mail it", s.Issues[0].Slug, unpublished(s.Issues[0]))
	}
	for _, is := range s.Issues {
		if is.Slug == name {
			return is, nil
		}
	}
	var year, week int
	if _, err := fmt.Sscanf(name, "%d-w%d", &year, &week); err != nil {
		return nil, fmt.Errorf("no issue %q: issues are named YEAR-wWEEK, such as %s, or latest; the newest are %s",
			name, s.Issues[0].Slug, strings.Join(slugs(s.Issues, 3), ", "))
	}
	return nil, fmt.Errorf("no issue %q (no articles that week); the nearest are %s", name, strings.Join(nearestIssues(s.Issues, year, week, 3), ", "))
}

// nearestIssues are the n issues closest in time to a year's week.
func nearestIssues(issues []*generator.Issue, year, week, n int) []string {
	want := year*53 + week
	dist := func(is *generator.Issue) int {
		d := is.Year*53 + is.Week - want
		return max(d, -d)
	}
	list := slices.Clone(issues)
	slices.SortStableFunc(list, func(a, b *generator.Issue) int { return dist(a) - dist(b) })
	return slugs(list, n)
}

func slugs(issues []*generator.Issue, n int) []string {
	var out []string
	for _, is := range issues[:min(n, len(issues))] {
		out = append(out, is.Slug)
	}
	return out
}
