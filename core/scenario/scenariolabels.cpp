#include "scenario/scenariolabels.h"

#include <QObject>

namespace gilscope::core {

QString interpreterTitle(core::Interpreter interpreter) {
    switch (interpreter) {
    case core::Interpreter::LegacyGil:
        return QObject::tr("legacy GIL");
    case core::Interpreter::Gil:
        return QObject::tr("3.2+ GIL");
    case core::Interpreter::FreeThreaded:
        return QObject::tr("free-threaded");
    }
    return {};
}

QString executorTitle(core::Executor executor) {
    switch (executor) {
    case core::Executor::Threading:
        return QObject::tr("threading");
    case core::Executor::Multiprocessing:
        return QObject::tr("multiprocessing");
    case core::Executor::Asyncio:
        return QObject::tr("asyncio");
    case core::Executor::Subinterpreters:
        return QObject::tr("subinterpreters");
    }
    return {};
}

} // namespace gilscope::core
