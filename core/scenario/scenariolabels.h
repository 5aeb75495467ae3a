#pragma once

#include "scenario/scenario.h"

#include <QString>

namespace gilscope::core {

// Short human names shown in the window, the lessons and exports: "3.2+ GIL", "free-threaded",
// "legacy GIL"; "threading", "multiprocessing", "asyncio", "subinterpreters".
QString interpreterTitle(core::Interpreter interpreter);
QString executorTitle(core::Executor executor);

} // namespace gilscope::core
