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
    REQUIRE(model.columnCount() == 6);
    const int lock = model.sectionOf(Model::Lock);
    CHECK(lock == 4);
    CHECK(model.sectionOf(Model::Native) == -1);
    CHECK(model.headerData(lock, Qt::Horizontal).toString() == "Lock");
    CHECK(model.headerData(Model::States, Qt::Horizontal).toString() == "Time"); // room for Lock
    CHECK(model.index(1, lock).data().toString() == "30 %");
    CHECK(model.index(1, model.sectionOf(Model::Waiting)).data().toString() ==
          "20 %"); // the GIL's only
    CHECK(model.index(1, model.sectionOf(Model::Io)).data().toString() == "40 %");
    CHECK(model.index(0, lock).data().toString() == "0 %");
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
    CHECK(model.columnCount() == 5);
    CHECK(model.sectionOf(Model::Lock) == -1);
    CHECK(model.headerData(Model::States, Qt::Horizontal).toString() == "Time in state");
    const QString words = model.index(1, Model::States).data(Qt::AccessibleTextRole).toString();
    CHECK_FALSE(words.contains("waiting for a lock"));
}

TEST_CASE("the thread table shows C code with the GIL released in a C column, not as idle") {
    // Two threads hashing in C most of the run: Run alone would read 5 % and hide the work.
    core::Metrics m;
    m.makespan_ms = 100;
    core::ThreadMetrics t;
    t.name = "hash-1";
    t.running_ms = 5;
    t.native_ms = 90;
    t.waiting_ms = 5;
    m.threads = {t, t};
    Model model;
    model.setMetrics(m);
    const int c = model.sectionOf(Model::Native);
    REQUIRE(c == 3);
    CHECK(model.columnCount() == 6);
    CHECK(model.headerData(c, Qt::Horizontal).toString() == "C");
    CHECK(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole)
              .toString()
              .contains("released the GIL"));
    CHECK(model.index(0, c).data().toString() == "90 %");
    CHECK(model.index(0, model.sectionOf(Model::Running)).data().toString() == "5 %");
    CHECK(model.index(0, Model::States)
              .data(Qt::AccessibleTextRole)
              .toString()
              .endsWith(", C code, GIL released 90.0 ms"));
}
