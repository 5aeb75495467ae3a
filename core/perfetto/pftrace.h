#pragma once

#include "files/bytesink.h"
#include "import/loadcontrol.h"
#include "result.h"
#include "trace/trace.h"

#include <QByteArrayView>

#include <string>

namespace gilscope::core {

// Perfetto's native trace format (.pftrace): a protobuf `Trace` of TracePackets, written
// directly in the wire format (core/perfetto/protowire.h).
//
// Layout: track descriptors first — a "GIL Scope run" track whose description holds the run's
// figures as JSON (what Chrome JSON keeps in otherData), one process track per group, one
// thread track per row (its description holds kind and GIL), and a "GIL waiters" counter track
// per process with a GIL. Then one packet sequence per row: a first packet that clears the
// sequence's state, interns the state and mark names, sets the row's track as the default and
// declares an incremental clock (64), so that each later packet carries only the time since the
// previous one; then the row's slices as TYPE_SLICE_BEGIN / TYPE_SLICE_END and its marks as
// TYPE_INSTANT, in time order. One sequence per process carries its waiters counter.
// Times are whole nanoseconds, so the trace reads back exact.
void writePerfettoTrace(const Trace &trace, ByteSink &sink);

// Whether `bytes` begin like a protobuf trace: a well-formed first TracePacket (field 1).
bool looksLikePerfetto(QByteArrayView bytes);

// Reads a .pftrace: GIL Scope's own back exactly as written; other tools' track events as
// threads of slices (nesting, rebasing and GIL metadata as for Chrome JSON, see
// TraceAssembler). What it cannot show (ftrace, counters, ...) is counted in importNote.
Result<TracePtr> readPerfettoTrace(QByteArrayView bytes, const std::string &source,
                                   const LoadControl &control = {});

} // namespace gilscope::core
