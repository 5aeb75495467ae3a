#pragma once

#include "result.h"
#include "sampling/threadactivity.h"

#include <string>

namespace gilscope::core {

// Where a CPython process keeps its GIL, found from the interpreter's own symbols (the ELF
// symbol tables of the executable or libpython mapped into the process) and, for 2.7, one
// pointer read from its memory:
//   3.7-3.13: the GIL lives inside _PyRuntime (3.12+: in the main interpreter, which is part of
//             _PyRuntime); the symbol is exported (.dynsym) with its size, so even a stripped
//             interpreter has it. Any futex inside it is the GIL's: threading.Lock, join and
//             Queue wait on semaphores or parking-lot entries elsewhere (heap, stack).
//   3.6:      the static gil_cond, gil_mutex, switch_cond, switch_mutex (.symtab).
//   2.7:      the static interpreter_lock points to the GIL's semaphore (.symtab); it is null
//             until the first thread starts, so look again later.
// No layout of any struct is assumed, so the same code serves every version. Not covered: a
// stripped 2.7 or 3.6 (no .symtab), and 3.12+ subinterpreters with a GIL of their own.
struct GilLocation {
    GilAddresses addresses;
    std::string how;           // "_PyRuntime in libpython3.12.so.1.0", for messages
    bool freeThreaded = false; // python3.13t: there is no GIL to wait for
    bool retryLater = false;   // a Python whose GIL does not exist yet (2.7 before threads)
    std::string python;        // "3.12" from the library or executable name, when it says
};

// Looks in process `pid`; an error names what is missing (not a Python, no symbols).
Result<GilLocation> findGil(int pid);

} // namespace gilscope::core
