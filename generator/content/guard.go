package content

import (
	"fmt"
	"runtime/debug"

	"github.com/briefing-digest/briefing/generator"
)

// guard runs a decoder and turns a panic in it into an error naming the
// file. The decoders are other people's code: a bug in one, met by one
// odd article, must cost that article, not the whole build or a running
// serve. The stack goes in the cause, for a bug report, not the message.
func guard(file string, decode func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = generator.Errorf(file, 0, 0, "front matter: the parser failed on this file (%v); please report it: %w", r, &panicError{stack: debug.Stack()})
		}
	}()
	return decode()
}

// panicError keeps the stack of a recovered panic for whoever asks.
type panicError struct{ stack []byte }

func (p *panicError) Error() string { return fmt.Sprintf("panic:\n%s", p.stack) }
