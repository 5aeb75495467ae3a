#pragma once

#include "files/bytesink.h"
#include "files/inputfile.h"
#include "import/loadcontrol.h"
#include "result.h"
#include "trace/trace.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gilscope::core {

// Chrome trace-event JSON (opens in Perfetto UI and chrome://tracing): an "X" event per state
// segment, "thread_name"/"process_name" metadata, instant events for lock marks and a counter of
// threads waiting for each GIL. Times are microseconds with nanosecond decimals; a slice's dur is
// chosen so that ts + dur added as doubles never passes the next slice's ts (our reader rounds
// to whole nanoseconds, so it still reads back exact). Format details
// in the README ("Trace files"). Streams into `sink` a megabyte at a time, so a trace of any size
// is written in bounded memory; stops early once the sink has failed.
void writeChromeJson(const Trace &trace, ByteSink &sink);
QByteArray traceToChromeJson(const Trace &trace);

// The "GIL waiters" counter of the given rows (one process): at each instant where the number
// of those rows waiting for a GIL changes, that number, in time order. Stops when `sample`
// returns false, and says whether it ran to the end.
bool forEachWaiterSample(const Trace &trace, const std::vector<std::size_t> &rows,
                         const std::function<bool(TimeNs, int)> &sample);

// A trace, or an error "FILE: ..." naming what is wrong.
using TraceLoad = Result<TracePtr>;

// The trace formats GIL Scope writes: Chrome JSON, or Perfetto's protobuf (core/perfetto/).
enum class TraceFormat { ChromeJson, Perfetto };
// Perfetto for .pftrace, .perfetto-trace and .pb; Chrome JSON otherwise.
TraceFormat traceFormatForPath(const QString &path);
void writeTrace(const Trace &trace, TraceFormat format, ByteSink &sink);

// Reads a trace in either format, told apart by its first bytes (a compressed file is refused
// by name). Follows and stops as `control` says.
TraceLoad parseTrace(QByteArrayView bytes, const std::string &source,
                     const LoadControl &control = {});

// Reads such a file, from GIL Scope or from a recorder. Gaps between a thread's segments become
// Absent; after its last segment a thread is Done. Times must lie within ±2^62 ns (the error names
// the event); a trace with negative times is moved so that its earliest event is at 0.
TraceLoad parseChromeTrace(const QByteArray &json, const std::string &source);
// The file must be a regular file of at most InputLimit::trace() (or standard input for "-" when
// `dash` says so).
TraceLoad loadTraceFile(const QString &path, DashMeans dash = DashMeans::File,
                        const LoadControl &control = {});

// One line per segment: thread,state,start_ns,end_ns, per RFC 4180 (names quoted, their quotes
// doubled; lines end in \n, which every CSV reader we know accepts). Streams like writeChromeJson.
void writeCsv(const Trace &trace, ByteSink &sink);
QByteArray traceToCsv(const Trace &trace);

} // namespace gilscope::core
