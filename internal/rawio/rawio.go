// Package rawio reads and writes whole files with as few system calls as
// the operating system allows. A build reads every article and writes
// every page: os.ReadFile and os.WriteFile also register each file with
// Go's poller (two more calls, which fail for regular files) and read
// once more to see the end, and on a virtual machine each call costs
// microseconds. Elsewhere than Unix these are os.ReadFile and os.WriteFile.
package rawio
