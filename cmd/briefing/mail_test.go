package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"mime"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// mailSite writes a small site of two weeks and returns its folder.
func mailSite(t *testing.T, yaml string) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "briefing.yaml"), `title: "Straits Weekly"
base_url: "https://news.example.org/brief/"
email:
  from: Straits Desk <desk@news.example.org>
  to: [readers@news.example.org]
`+yaml)
	writeFile(t, filepath.Join(dir, "content/articles/ankara.md"), "---\ntitle: \"Ankara and Baku sign a gas accord\"\ndate: 2021-11-12\nsummary: \"Türkiye and Azerbaijan agreed prices = what both wanted.\"\ncountries: [Türkiye]\n---\nBody.\n")
	writeFile(t, filepath.Join(dir, "content/articles/tashkent.md"), "---\ntitle: \"Tashkent hosts a water summit\"\ndate: 2021-11-03\ncountries: [Uzbekistan]\n---\nBody.\n")
	return dir
}

// mail prints the very message build writes, for a name or for latest.
// The site's newest week has no issue file, so it is not published yet:
// latest is the week before, and naming the newest works with a warning.
func TestMailPrintsTheBuiltMessage(t *testing.T) {
	dir := mailSite(t, "")
	if code, _, stderr := briefing(t, "build", "-s", dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	built := func(slug string) string {
		data, err := os.ReadFile(filepath.Join(dir, "public/issues", slug, slug+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, c := range []struct{ name, slug string }{{"latest", "2021-w44"}, {"2021-w44", "2021-w44"}} {
		code, stdout, stderr := briefing(t, "mail", "-s", dir, c.name)
		if code != 0 {
			t.Fatalf("mail %s: %s", c.name, stderr)
		}
		if stdout != built(c.slug) {
			t.Errorf("mail %s printed a message other than the one build wrote for %s", c.name, c.slug)
		}
		if stderr != "" {
			t.Errorf("mail %s: stderr %q", c.name, stderr)
		}
	}
	// Week 45 is still being written: build puts no message of it on the
	// web, and mail makes one for the editor to read, with a warning.
	if _, err := os.Stat(filepath.Join(dir, "public/issues/2021-w45/2021-w45.eml")); err == nil {
		t.Error("build wrote the unpublished week's message")
	}
	for _, name := range []string{"2021-w45", "2021-W45"} {
		code, stdout, stderr := briefing(t, "mail", "-s", dir, name)
		if code != 0 || !strings.Contains(stdout, "Content-Type: multipart/alternative") || !strings.Contains(stderr, "warning: issue 2021-w45 is not published") {
			t.Errorf("mail %s: exit %d, stderr %q; want the message and a warning", name, code, stderr)
		}
	}
	code, stdout, _ := briefing(t, "mail", "-s", dir, "2021-w44")
	if code != 0 || !strings.Contains(stdout, "Tashkent hosts a water summit") || strings.Contains(stdout, "Ankara") {
		t.Errorf("mail 2021-w44 did not print that week's issue alone")
	}
}

// editionFile is an issue file for the newest week of mailSite, which
// publishes it.
const editionFile = `---
title: "Gas flows west from Baku"
lead: ankara
---
The accord took *three* rounds; see [Türkiye](/countries/turkiye/).
`

// With an issue file the newest week is published: latest is it, its
// subject is the edition's title, and both parts carry the note.
func TestMailEdition(t *testing.T) {
	dir := mailSite(t, "")
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), editionFile)
	code, stdout, stderr := briefing(t, "mail", "-s", dir, "latest")
	if code != 0 || stderr != "" {
		t.Fatalf("mail latest: %d %q", code, stderr)
	}
	msg, err := mail.ReadMessage(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "Gas flows west from Baku · Straits Weekly" {
		t.Errorf("Subject %q, want the edition's title", subject)
	}
	body, err := io.ReadAll(msg.Body)
	if err != nil {
		t.Fatal(err)
	}
	// Quoted-printable may break a line anywhere; join the soft breaks.
	text := strings.ReplaceAll(string(body), "=\r\n", "")
	for _, want := range []string{"The accord took three rounds", "The accord took <em>three</em> rounds", "No. 2", "LEAD STORY", "[1] https://news.example.org/brief/countries/turkiye/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the message lacks %q", want)
		}
	}

	// An issue file can hold the week back: then no issue is the latest
	// but the week before, and with both held back there is none.
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), "---\npublished: false\n---\n")
	code, stdout, _ = briefing(t, "mail", "-s", dir, "latest")
	if code != 0 || !strings.Contains(stdout, "Tashkent") {
		t.Errorf("latest with the newest week held back: %d, want 2021-w44", code)
	}
	writeFile(t, filepath.Join(dir, "content/issues/2021-w44.md"), "---\npublished: false\n---\n")
	code, stdout, stderr = briefing(t, "mail", "-s", dir, "latest")
	if code == 0 || stdout != "" || !strings.Contains(stderr, "no issue is published yet") || !strings.Contains(stderr, "content/issues/2021-w45.md says published: false") {
		t.Errorf("latest with no published issue: %d %q", code, stderr)
	}

	// A mistake in an issue file fails mail as it fails build.
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), "---\nlead: nowhere\n---\n")
	code, _, stderr = briefing(t, "mail", "-s", dir, "2021-w44")
	if code == 0 || !strings.Contains(stderr, "content/issues/2021-w45.md:2:7") {
		t.Errorf("a wrong lead: %d %q", code, stderr)
	}
}

// Sending an issue that is not published is refused, as it would go to
// every reader before the site shows it; --force sends it.
func TestMailSendUnpublished(t *testing.T) {
	r := startRelay(t, false, "", "")
	dir := mailSite(t, "")
	code, stdout, stderr := briefing(t, "mail", "-s", dir, "2021-w45", "--smtp", r.addr)
	if code == 0 || stdout != "" || !strings.Contains(stderr, "issue 2021-w45 is not published, so it is not sent") || !strings.Contains(stderr, "--force") {
		t.Errorf("sending the unpublished week: %d %q", code, stderr)
	}
	if n := len(r.deliveries()); n != 0 {
		t.Fatalf("the relay received %d messages", n)
	}
	code, stdout, stderr = briefing(t, "mail", "-s", dir, "2021-w45", "--smtp", r.addr, "--force")
	if code != 0 || !strings.HasPrefix(stdout, "sent 2021-w45 ") || !strings.Contains(stderr, "warning: issue 2021-w45 is not published") {
		t.Errorf("--force: %d %q %q", code, stdout, stderr)
	}
	if got := r.deliveries(); len(got) != 1 || !bytes.Contains(got[0].data, []byte("Ankara")) {
		t.Errorf("with --force the relay received %d messages", len(got))
	}
}

func TestMailUnknownIssue(t *testing.T) {
	dir := mailSite(t, "")
	for _, args := range [][]string{{"mail", "-s", dir}, {"mail", "-s", dir, "latest", "2021-w45"}} {
		code, _, stderr := briefing(t, args...)
		if code == 0 || !strings.Contains(stderr, "one issue: its name, such as 2021-w45, or latest") {
			t.Errorf("briefing %s: %d %q; want what mail needs", strings.Join(args, " "), code, stderr)
		}
	}
	code, stdout, stderr := briefing(t, "mail", "-s", dir, "2021-w46")
	if code == 0 || stdout != "" || !strings.Contains(stderr, `no issue "2021-w46" (no articles that week); the nearest are 2021-w45, 2021-w44`) {
		t.Errorf("mail of a week without articles: %d %q", code, stderr)
	}
	code, _, stderr = briefing(t, "mail", "-s", dir, "november")
	if code == 0 || !strings.Contains(stderr, "issues are named YEAR-wWEEK, such as 2021-w45, or latest") {
		t.Errorf("mail of a name that is no week: %d %q", code, stderr)
	}
}

// relay is a real SMTP server, go-smtp's, on 127.0.0.1: it speaks
// STARTTLS with a certificate made for the test, allows AUTH PLAIN only
// once the connection is encrypted, and keeps what it is given.
type relay struct {
	addr   string
	caFile string // the certificate to trust it by
	mu     sync.Mutex
	got    []delivery
}

type delivery struct {
	from string
	to   []string
	data []byte
	tls  bool
	user string
}

func startRelay(t *testing.T, withTLS bool, user, password string) *relay {
	t.Helper()
	r := &relay{}
	be := smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &relaySession{r: r, c: c, user: user, password: password}, nil
	})
	s := smtp.NewServer(be)
	s.Domain = "relay.test"
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	s.AllowInsecureAuth = false
	if withTLS {
		cert, caPEM := selfSigned(t)
		s.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
		r.caFile = filepath.Join(t.TempDir(), "ca.pem")
		if err := os.WriteFile(r.caFile, caPEM, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	done := make(chan struct{})
	go func() { _ = s.Serve(ln); close(done) }()
	t.Cleanup(func() { _ = s.Close(); <-done })
	return r
}

func (r *relay) deliveries() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.got...)
}

type relaySession struct {
	r              *relay
	c              *smtp.Conn
	user, password string
	authed         string
	d              delivery
}

func (s *relaySession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *relaySession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		if user != s.user || password != s.password {
			return errors.New("wrong user name or password")
		}
		s.authed = user
		return nil
	}), nil
}

func (s *relaySession) Mail(from string, _ *smtp.MailOptions) error {
	if s.user != "" && s.authed == "" {
		return smtp.ErrAuthRequired
	}
	s.d.from = from
	return nil
}

func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.d.to = append(s.d.to, to)
	return nil
}

func (s *relaySession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, s.d.tls = s.c.TLSConnectionState()
	s.d.data, s.d.user = data, s.authed
	s.r.mu.Lock()
	s.r.got = append(s.r.got, s.d)
	s.r.mu.Unlock()
	s.d = delivery{}
	return nil
}

func (s *relaySession) Reset()        { s.d = delivery{} }
func (s *relaySession) Logout() error { return nil }

// selfSigned makes a certificate for 127.0.0.1 and returns it with its PEM.
func selfSigned(t *testing.T) (tls.Certificate, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "briefing test relay"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// mail --send hands the relay the message mail prints, byte for byte,
// over an encrypted connection, logged in with the environment's
// credentials.
func TestMailSendsOverSMTP(t *testing.T) {
	r := startRelay(t, true, "desk", "s3cret pass")
	dir := mailSite(t, "")
	// An empty issue file publishes the newest week as it is.
	writeFile(t, filepath.Join(dir, "content/issues/2021-w45.md"), "")
	_, printed, _ := briefing(t, "mail", "-s", dir, "latest")

	t.Setenv(envSMTPUser, "desk")
	t.Setenv(envSMTPPassword, "s3cret pass")
	code, stdout, stderr := briefing(t, "mail", "-s", dir, "2021-w45", "--smtp", r.addr, "--starttls=required", "--smtp-ca", r.caFile)
	if code != 0 {
		t.Fatalf("mail --send: %s", stderr)
	}
	if want := "sent 2021-w45 to readers@news.example.org via " + r.addr + "\n"; stdout != want {
		t.Errorf("printed %q, want %q", stdout, want)
	}
	got := r.deliveries()
	if len(got) != 1 {
		t.Fatalf("the relay received %d messages, want 1", len(got))
	}
	d := got[0]
	if !d.tls || d.user != "desk" {
		t.Errorf("delivered with TLS %v as user %q; want encrypted, logged in as desk", d.tls, d.user)
	}
	if d.from != "desk@news.example.org" || len(d.to) != 1 || d.to[0] != "readers@news.example.org" {
		t.Errorf("envelope from %q to %q", d.from, d.to)
	}
	// Sent now, it is dated now and has an identity of its own; the rest
	// is what mail prints, byte for byte.
	stamped := regexp.MustCompile(`(?m)^(Date|Message-ID): .*\r$`)
	if !bytes.Equal(stamped.ReplaceAll(d.data, nil), stamped.ReplaceAll([]byte(printed), nil)) {
		t.Errorf("the relay received %d bytes that differ from the %d mail prints", len(d.data), len(printed))
	}
	sentAt, _ := mail.ReadMessage(bytes.NewReader(d.data))
	builtAt, _ := mail.ReadMessage(strings.NewReader(printed))
	if sentAt == nil || builtAt == nil || sentAt.Header.Get("Message-ID") == builtAt.Header.Get("Message-ID") {
		t.Error("the message sent has the Message-ID of the file build writes: a second send would be dropped as a copy")
	}
	if date, err := sentAt.Header.Date(); err != nil || time.Since(date) > time.Hour {
		t.Errorf("the message sent is dated %v (%v), want now", date, err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(d.data))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "Week 45 · 8–14 November 2021 · Straits Weekly" {
		t.Errorf("received Subject %q", subject)
	}

	if strings.Contains(stderr, "warning") {
		t.Errorf("sending from a site published at news.example.org warned: %q", stderr)
	}

	// --to replaces email.to in the envelope; the header names nobody.
	if code, _, stderr := briefing(t, "mail", "-s", dir, "latest", "--smtp", r.addr, "--smtp-ca", r.caFile, "--to", "a@example.net, b@example.net"); code != 0 {
		t.Fatalf("mail --to: %s", stderr)
	}

	if got := r.deliveries(); len(got) != 2 || strings.Join(got[1].to, " ") != "a@example.net b@example.net" ||
		!bytes.Contains(got[1].data, []byte("To: undisclosed-recipients:;\r\n")) || bytes.Contains(got[1].data, []byte("a@example.net")) {
		t.Errorf("with --to the relay received %+v", got[len(got)-1].to)
	}
	// Sent from a preview's base URL, every link would lead readers to
	// their own computer: it is sent, with a warning that says so.
	code, _, stderr = briefing(t, "mail", "-s", dir, "latest", "--smtp", r.addr, "--smtp-ca", r.caFile, "-b", "http://localhost:1313/")
	if code != 0 || !strings.Contains(stderr, "warning: the message's links lead to http://localhost:1313/, which only this computer can open") {
		t.Errorf("mail --send -b http://localhost:1313/: %d %q; want it sent with a warning", code, stderr)
	}
	if got := r.deliveries(); len(got) != 3 || !bytes.Contains(got[2].data, []byte("http://localhost:1313/")) {
		t.Errorf("the relay received %d messages; want the third, with localhost links", len(got))
	}
}

func TestMailSendRefusals(t *testing.T) {
	dir := mailSite(t, "")
	plain := startRelay(t, false, "", "")
	code, _, stderr := briefing(t, "mail", "-s", dir, "latest", "--smtp", plain.addr, "--starttls=required")
	if code == 0 || !strings.Contains(stderr, "the relay does not offer STARTTLS, and --starttls=required") {
		t.Errorf("required STARTTLS from a relay without it: %d %q", code, stderr)
	}
	if n := len(plain.deliveries()); n != 0 {
		t.Errorf("the relay without STARTTLS received %d messages", n)
	}

	secure := startRelay(t, true, "desk", "right")
	t.Setenv(envSMTPUser, "desk")
	t.Setenv(envSMTPPassword, "wrong")
	code, _, stderr = briefing(t, "mail", "-s", dir, "latest", "--smtp", secure.addr, "--smtp-ca", secure.caFile)
	if code == 0 || !strings.Contains(stderr, "AUTH PLAIN") {
		t.Errorf("a wrong password: %d %q", code, stderr)
	}
	// An untrusted certificate is refused, not waved through.
	t.Setenv(envSMTPPassword, "right")
	code, _, stderr = briefing(t, "mail", "-s", dir, "latest", "--smtp", secure.addr)
	if code == 0 || !strings.Contains(stderr, "STARTTLS") || !strings.Contains(stderr, "certificate") {
		t.Errorf("a relay with an unknown certificate: %d %q", code, stderr)
	}
	if n := len(secure.deliveries()); n != 0 {
		t.Errorf("the relay received %d messages it should not have", n)
	}

	// --starttls=never stays in plain text, where this relay offers no login.
	code, _, stderr = briefing(t, "mail", "-s", dir, "latest", "--smtp", secure.addr, "--starttls=never")
	if code == 0 || !strings.Contains(stderr, "the relay offers no AUTH") {
		t.Errorf("--starttls=never to a relay that logs in only over TLS: %d %q", code, stderr)
	}
	code, _, stderr = briefing(t, "mail", "-s", dir, "latest", "--smtp", secure.addr, "--starttls=maybe")
	if code == 0 || !strings.Contains(stderr, "--starttls=maybe: want one of auto, required, never") {
		t.Errorf("--starttls=maybe: %d %q", code, stderr)
	}

	t.Setenv(envSMTPPassword, "")
	code, _, stderr = briefing(t, "mail", "-s", dir, "latest", "--smtp", secure.addr)
	if code == 0 || !strings.Contains(stderr, "set both BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD") {
		t.Errorf("a user without a password: %d %q", code, stderr)
	}
}
