package bench

import "os"

// interrupt stops -serve gracefully.
var interrupt = os.Interrupt
