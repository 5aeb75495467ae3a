#pragma once

#include "import/loadcontrol.h"
#include "result.h"
#include "trace/trace.h"

#include <QByteArrayView>

#include <string>

namespace gilscope::core {

// Reads Chrome trace-event JSON straight into the columnar Trace, one event at a time, without
// building a document: a hand-written pull tokenizer over the bytes (no dependency, errors with
// line and column, and the leniencies the format allows, which a general JSON library refuses:
// a streamed array may end without its "]"). Memory beyond the input is the trace itself.
//
// Understood: "X" slices, "B"/"E" pairs, async "b"/"e" (and "S"/"F") pairs, which go to one row
// per process and category, instants with GIL Scope's mark names, and the thread_name,
// process_name and thread_sort_index metadata. Everything else is counted in the trace's
// importNote. See TraceAssembler for nesting, rebasing and GIL metadata.
Result<TracePtr> readChromeJson(QByteArrayView json, const std::string &source,
                                const LoadControl &control = {});

} // namespace gilscope::core
