#pragma once

#include "scenario.h"

#include <QString>

namespace gilscope::ui {

// Short human names shown in the window, the lessons and exports: "3.2+ GIL", "free-threaded",
// "legacy GIL"; "threading", "multiprocessing", "asyncio", "subinterpreters".
QString interpreterTitle(core::Interpreter interpreter);
QString executorTitle(core::Executor executor);

} // namespace gilscope::ui
