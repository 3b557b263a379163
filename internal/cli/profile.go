package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// profiles are the --cpuprofile and --memprofile flags every command takes,
// so a slow build on someone's own site can be looked at with go tool pprof
// without rebuilding briefing.
type profiles struct {
	cpu, mem string
	cpuFile  *os.File
}

func (p *profiles) flags(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile of the command to `FILE` (read it with go tool pprof)")
	f.StringVar(&p.mem, "memprofile", "", "write an allocation profile, taken when the command ends, to `FILE`")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
}

func (p *profiles) start() error {
	if p.mem != "" {
		// Record every allocation, not one per 512 KB, so small
		// hot allocations show up by their real share.
		runtime.MemProfileRate = 4096
	}
	if p.cpu == "" {
		return nil
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	p.cpuFile = f
	return nil
}

func (p *profiles) stop() error {
	var first error
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		if err := p.cpuFile.Close(); err != nil {
			first = fmt.Errorf("--cpuprofile: %w", err)
		}
		p.cpuFile = nil
	}
	if p.mem != "" {
		f, err := os.Create(p.mem)
		if err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			f.Close()
			return fmt.Errorf("--memprofile: %w", err)
		}
		if err := f.Close(); err != nil && first == nil {
			first = fmt.Errorf("--memprofile: %w", err)
		}
	}
	return first
}
