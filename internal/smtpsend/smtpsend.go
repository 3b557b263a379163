// Package smtpsend hands one message to a mail relay over SMTP: STARTTLS
// when the relay offers it (or always, when required), AUTH PLAIN when
// credentials are given, and a deadline on the whole conversation so a
// relay that stops answering cannot hang the command.
package smtpsend

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"time"
)

// StartTLS modes.
const (
	Auto     = "auto"     // encrypt when the relay offers STARTTLS
	Required = "required" // refuse to send unless it does
	Never    = "never"    // stay in plain text, for a relay on this machine
)

// Modes lists the StartTLS modes, for help and errors.
var Modes = []string{Auto, Required, Never}

// Options say where and how to send.
type Options struct {
	Addr     string      // the relay's host:port
	StartTLS string      // Auto, Required or Never; "" is Auto
	TLS      *tls.Config // nil verifies the relay's certificate against the system's roots
	// User and Password log in with AUTH PLAIN when User is set. Go's
	// PLAIN refuses to send them unencrypted except to this machine.
	User, Password string
	From           string   // the envelope sender: a bare address
	To             []string // the envelope recipients: bare addresses
	Timeout        time.Duration
}

// ErrNoStartTLS is Send's error when TLS is required and not offered.
var ErrNoStartTLS = errors.New("the relay does not offer STARTTLS")

// Send delivers msg, a whole RFC 5322 message with CRLF line ends.
func Send(ctx context.Context, o Options, msg []byte) error {
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return fmt.Errorf("relay address %q: %w", o.Addr, err)
	}
	if len(o.To) == 0 {
		return errors.New("no recipients: give --to or email.to in briefing.yaml")
	}
	mode := o.StartTLS
	if mode == "" {
		mode = Auto
	}
	if mode != Auto && mode != Required && mode != Never {
		return fmt.Errorf("starttls %q: want one of auto, required, never", mode)
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", o.Addr, err)
	}
	// net/smtp has no context; a deadline on the connection, and closing
	// it when ctx ends (Ctrl-C), stand in for one.
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()

	// step names what failed, and that time ran out when it did.
	step := func(what string, err error) error {
		if err == nil {
			return nil
		}
		switch {
		case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(ctx.Err(), context.DeadlineExceeded):
			err = fmt.Errorf("%w (gave up after %v; --timeout sets how long to wait)", err, timeout)
		case ctx.Err() != nil:
			err = fmt.Errorf("%w (%w)", err, context.Cause(ctx))
		}
		return fmt.Errorf("%s: %s: %w", o.Addr, what, err)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		_ = conn.Close()
		return step("greeting", err)
	}
	defer c.Close()
	if err := step("EHLO", c.Hello("localhost")); err != nil {
		return err
	}
	if mode != Never {
		if ok, _ := c.Extension("STARTTLS"); ok {
			cfg := o.TLS.Clone()
			if cfg == nil {
				cfg = &tls.Config{}
			}
			if cfg.ServerName == "" {
				cfg.ServerName = host
			}
			if err := step("STARTTLS", c.StartTLS(cfg)); err != nil {
				return err
			}
		} else if mode == Required {
			return fmt.Errorf("%s: %w, and --starttls=required", o.Addr, ErrNoStartTLS)
		}
	}
	if o.User != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return fmt.Errorf("%s: the relay offers no AUTH, but a user name is set to log in with", o.Addr)
		}
		if err := step("AUTH PLAIN", c.Auth(smtp.PlainAuth("", o.User, o.Password, host))); err != nil {
			return err
		}
	}
	if err := step("MAIL FROM", c.Mail(o.From)); err != nil {
		return err
	}
	for _, to := range o.To {
		if err := step("RCPT TO "+to, c.Rcpt(to)); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err := step("DATA", err); err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return step("sending the message", err)
	}
	if err := step("end of message", w.Close()); err != nil {
		return err
	}
	return step("QUIT", c.Quit())
}
