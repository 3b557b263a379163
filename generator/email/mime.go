package email

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/textproto"
	"net/url"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// compose joins the text and HTML bodies into one RFC 5322 message:
// multipart/alternative with the plain text first, as RFC 2046 orders
// alternatives from plainest to richest, each part UTF-8 in
// quoted-printable, which keeps mostly-ASCII text readable and lines short.
// The message is appended to dst.
func compose(dst []byte, cfg *generator.Config, is *generator.Issue, subject string, text, html []byte) ([]byte, error) {
	from, err := From(cfg)
	if err != nil {
		return nil, err
	}
	for _, s := range cfg.Email.To {
		if _, err := mail.ParseAddress(s); err != nil {
			return nil, fmt.Errorf("email.to %q: %w", s, err)
		}
	}

	// The boundary must not occur in either part. Quoted-printable never
	// writes "=_" ("=" only starts an escape of two hex digits or a soft
	// line break), so a boundary starting with it cannot; and hashing the
	// content, not drawing random bytes, keeps builds reproducible.
	sum := sha256.New()
	sum.Write(text)
	sum.Write([]byte{0})
	sum.Write(html)
	digest := hex.EncodeToString(sum.Sum(nil))
	boundary := "=_briefing_" + digest[:32]

	// The headers come first and need only the digest, so the parts are
	// written after them into the one buffer: made apart and copied in,
	// an issue's message was held twice.
	msg := bytes.NewBuffer(dst)
	// Quoted-printable adds about a tenth; grown once rather than by copies.
	msg.Grow(len(text) + len(html) + (len(text)+len(html))/8 + 2048)
	header := func(name, value string) { msg.WriteString(fold(name + ": " + value)) }
	header("From", from.String())
	// The message is published with the site, and every reader gets the
	// same bytes: the readers' addresses go in the envelope alone, as a
	// list's do, never in a header anyone can read.
	header("To", "undisclosed-recipients:;")
	header("Subject", mime.QEncoding.Encode("utf-8", subject))
	// The week's last day, not the clock: the same site gives the same file.
	header("Date", is.Last.In(cfg.Location).Format(time.RFC1123Z))
	header("Message-ID", "<"+is.Slug+"."+digest[:16]+"@"+host(cfg)+">")
	header("MIME-Version", "1.0")
	header("Content-Type", mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": boundary}))
	msg.WriteString("\r\n")

	mw := multipart.NewWriter(msg)
	if err := mw.SetBoundary(boundary); err != nil {
		return nil, err
	}
	for _, part := range []struct {
		kind string
		data []byte
	}{{"text/plain", text}, {"text/html", html}} {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", part.kind+"; charset=utf-8")
		h.Set("Content-Transfer-Encoding", "quoted-printable")
		w, err := mw.CreatePart(h)
		if err != nil {
			return nil, err
		}
		// Encoded straight into the message's spare room, which was
		// grown for it above.
		if _, err := w.Write(appendQP(msg.AvailableBuffer(), part.data)); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return msg.Bytes(), nil
}

// From is the message's sender: email.from, or the site's title at a
// no-reply address of its host when briefing.yaml gives none.
func From(cfg *generator.Config) (*mail.Address, error) {
	if cfg.Email.From == "" {
		return &mail.Address{Name: cfg.Title, Address: "noreply@" + host(cfg)}, nil
	}
	a, err := mail.ParseAddress(cfg.Email.From)
	if err != nil {
		return nil, fmt.Errorf("email.from %q: %w", cfg.Email.From, err)
	}
	return a, nil
}

// host is the base URL's host name, without a port.
func host(cfg *generator.Config) string {
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || u.Hostname() == "" {
		return "localhost"
	}
	return u.Hostname()
}

// fold breaks a header line at spaces so no line passes 78 characters,
// as RFC 5322 asks, continuing each with a space; it ends with CRLF. An
// encoded subject is one long word, which then starts on the second line.
func fold(s string) string {
	var b strings.Builder
	for len(s) > 78 {
		cut := strings.LastIndexByte(s[:79], ' ')
		if cut <= 0 {
			// No space early enough: break at the next one, if any.
			next := strings.IndexByte(s[1:], ' ')
			if next < 0 {
				break
			}
			cut = next + 1
		}
		b.WriteString(s[:cut] + "\r\n")
		s = s[cut:] // keeps the space, which starts the continuation line
	}
	b.WriteString(s + "\r\n")
	return b.String()
}
