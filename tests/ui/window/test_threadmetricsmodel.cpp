// The metrics panel's thread table: lock waits get a column of their own when a thread had any,
// apart from the GIL waits, and are read out with the state bars.
#include <catch2/catch.hpp>

#include "window/threadmetricsmodel.h"

using namespace gilscope;
using Model = ui::ThreadMetricsModel;

namespace {
core::Metrics twoThreads(double lockWaitMs) {
    core::Metrics m;
    m.makespan_ms = 100;
    core::ThreadMetrics a;
    a.name = "holder";
    a.running_ms = 60;
    a.waiting_ms = 40;
    core::ThreadMetrics b;
    b.name = "waiter";
    b.running_ms = 10;
    b.waiting_ms = 20;
    b.lock_wait_ms = lockWaitMs;
    b.io_ms = 70 - lockWaitMs;
    m.threads = {a, b};
    return m;
}
} // namespace

TEST_CASE("the thread table shows lock waits in a Lock column, apart from GIL waits") {
    Model model;
    model.setMetrics(twoThreads(30));
    REQUIRE(model.columnCount() == Model::ColumnCount);
    CHECK(model.headerData(Model::Lock, Qt::Horizontal).toString() == "Lock");
    CHECK(model.headerData(Model::States, Qt::Horizontal).toString() == "Time"); // room for Lock
    CHECK(model.index(1, Model::Lock).data().toString() == "30 %");
    CHECK(model.index(1, Model::Waiting).data().toString() == "20 %"); // the GIL's only
    CHECK(model.index(1, Model::Io).data().toString() == "40 %");
    CHECK(model.index(0, Model::Lock).data().toString() == "0 %");
    const QString words = model.index(1, Model::States).data(Qt::AccessibleTextRole).toString();
    INFO(words.toStdString());
    CHECK(words.endsWith(", waiting for a lock 30.0 ms"));
    CHECK(model.index(1, Model::States)
              .data(Qt::ToolTipRole)
              .toString()
              .contains("waiting for a lock: 30.0 ms"));
}

TEST_CASE("the thread table has no Lock column when no thread waited for a lock") {
    Model model;
    model.setMetrics(twoThreads(0));
    CHECK(model.columnCount() == Model::Lock);
    CHECK(model.headerData(Model::States, Qt::Horizontal).toString() == "Time in state");
    const QString words = model.index(1, Model::States).data(Qt::AccessibleTextRole).toString();
    CHECK_FALSE(words.contains("waiting for a lock"));
}
