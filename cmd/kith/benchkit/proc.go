package benchkit

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Memory is a process's resident memory, from /proc/<pid>/status.
type Memory struct {
	RSS  uint64 // VmRSS, bytes
	Anon uint64 // RssAnon, bytes: the part of RSS that is the process's own, not mapped files such as an index
	Peak uint64 // VmHWM, bytes: the most the process ever held
	Heap uint64 // Go heap in use, bytes; only known for this process
}

// ReadMemory reads process pid's memory; pid 0 is this process, for which
// the Go heap is read as well.
func ReadMemory(pid int) (Memory, error) {
	path := "/proc/self/status"
	if pid != 0 {
		path = fmt.Sprintf("/proc/%d/status", pid)
	}
	f, err := os.Open(path)
	if err != nil {
		return Memory{}, err
	}
	defer f.Close()
	var m Memory
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch name {
		case "VmRSS":
			m.RSS, err = kB(value)
		case "RssAnon":
			m.Anon, err = kB(value)
		case "VmHWM":
			m.Peak, err = kB(value)
		}
		if err != nil {
			return Memory{}, fmt.Errorf("%s %s: %w", path, name, err)
		}
	}
	if pid == 0 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		m.Heap = ms.HeapInuse
	}
	return m, sc.Err()
}

// kB reads "  123456 kB" as bytes.
func kB(s string) (uint64, error) {
	n, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(s), " kB"), 10, 64)
	return n * 1024, err
}

// CPUSample is the machine's and this process's CPU use so far, so that a
// run can show when other work on the machine competed with it.
type CPUSample struct {
	at          time.Time
	busy, total uint64 // jiffies, all CPUs, from /proc/stat
	self        time.Duration
	ok          bool
}

// SampleCPU reads the counters now.
func SampleCPU() CPUSample {
	s := CPUSample{at: time.Now()}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		s.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return s
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	for i, v := range f[1:min(len(f), 9)] { // user nice system idle iowait irq softirq steal
		n, _ := strconv.ParseUint(v, 10, 64)
		s.total += n
		if i != 3 && i != 4 {
			s.busy += n
		}
	}
	s.ok = s.total > 0
	return s
}

// Since returns how many cores the machine and this process kept busy
// between two samples.
func (s CPUSample) Since(prev CPUSample) (machine, self float64) {
	wall := s.at.Sub(prev.at).Seconds()
	if !s.ok || !prev.ok || wall <= 0 || s.total == prev.total {
		return 0, 0
	}
	machine = float64(s.busy-prev.busy) / float64(s.total-prev.total) * float64(runtime.NumCPU())
	return machine, (s.self - prev.self).Seconds() / wall
}

// Machine names the machine a report was measured on.
func Machine() string {
	return fmt.Sprintf("%d CPUs, %s/%s, %s", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}

// clockTicks is the kernel's USER_HZ, the unit of /proc's CPU times: 100 on
// every Linux Kith runs on.
const clockTicks = 100

// ProcessCPU is the CPU time process pid has used; with children, also
// that of its live children and of those it has reaped, so that for a
// PostgreSQL postmaster it covers every backend, past and present.
func ProcessCPU(pid int, children bool) (time.Duration, error) {
	f, err := statFields(pid)
	if err != nil {
		return 0, err
	}
	ticks := f.utime + f.stime
	if !children {
		return ticks * time.Second / clockTicks, nil
	}
	ticks += f.cutime + f.cstime
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if c, err := statFields(child); err == nil && c.ppid == pid {
			ticks += c.utime + c.stime
		}
	}
	return ticks * time.Second / clockTicks, nil
}

// ParentPID is the parent of process pid.
func ParentPID(pid int) (int, error) {
	f, err := statFields(pid)
	return f.ppid, err
}

type procStat struct {
	ppid                         int
	utime, stime, cutime, cstime time.Duration // in clock ticks
}

// statFields reads /proc/<pid>/stat, whose second field (the command) may
// hold spaces, so the rest is read after its closing parenthesis.
func statFields(pid int) (procStat, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, err
	}
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return procStat{}, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	f := strings.Fields(string(b[i+1:])) // f[0] is field 3, the state
	if len(f) < 15 {
		return procStat{}, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	n := func(k int) time.Duration { v, _ := strconv.ParseInt(f[k-3], 10, 64); return time.Duration(v) }
	return procStat{ppid: int(n(4)), utime: n(14), stime: n(15), cutime: n(16), cstime: n(17)}, nil
}

// MemoryRange is what samples of this process's memory saw.
type MemoryRange struct {
	Samples int
	MaxRSS  uint64 // bytes
	MeanRSS uint64 // bytes
	MaxHeap uint64 // Go heap in use, bytes
}

// SampleMemory reads this process's memory every interval until the
// returned function is called, which returns what the samples saw.
func SampleMemory(every time.Duration) (stop func() MemoryRange) {
	done, out := make(chan struct{}), make(chan MemoryRange)
	go func() {
		var r MemoryRange
		var sum uint64
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			if m, err := ReadMemory(0); err == nil {
				r.Samples++
				sum += m.RSS
				r.MaxRSS, r.MaxHeap = max(r.MaxRSS, m.RSS), max(r.MaxHeap, m.Heap)
			}
			select {
			case <-done:
				if r.Samples > 0 {
					r.MeanRSS = sum / uint64(r.Samples)
				}
				out <- r
				return
			case <-tick.C:
			}
		}
	}()
	return func() MemoryRange { close(done); return <-out }
}
