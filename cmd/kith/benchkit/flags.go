package benchkit

import (
	"flag"
	"fmt"
)

// ParseFlags reads a bench's flags and refuses anything left over, which
// would otherwise be a mistyped flag silently ignored.
func ParseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}
