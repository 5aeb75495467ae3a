// File > Attach to Process with a real Python: the process is listed, the timeline grows while
// it is sampled and the trace opens when sampling stops. Run with the recorder tests: real
// Pythons are timing-sensitive neighbours.
#include "../../ui/support.h"
#include "../recordersupport.h"

#include "record/attachdialog.h"
#include "window/mainwindow.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>

#include <memory>

using namespace gilscope;
using gilscope::test::newestPython3;
using gilscope::test::waitUntil;
using gilscope::test::workload;

TEST_CASE("File > Attach to Process lists a running Python, grows its timeline and opens it") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3 found: skipped");
        return;
    }
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QProcess countdown;
    countdown.start(py->path, {workload("countdown.py"), "--threads", "2", "--total", "400000000"});
    REQUIRE(countdown.waitForStarted(30'000));
    {
        auto w = std::make_unique<ui::MainWindow>();
        w->resize(1200, 800);
        w->show();
        ui::AttachDialog *dialog = w->attachDialog();
        dialog->refresh();
        int listed = -1;
        for (int r = 0; r < dialog->table()->rowCount(); ++r)
            if (dialog->table()->item(r, 0)->data(Qt::UserRole).toLongLong() ==
                countdown.processId())
                listed = r;
        REQUIRE(listed >= 0);
        CHECK(dialog->table()->item(listed, 1)->text().contains("countdown.py"));

        QSignalSpy live(dialog, &ui::AttachDialog::liveTrace);
        QSignalSpy done(dialog, &ui::AttachDialog::traceRecorded);
        dialog->durationBox()->setValue(1.0);
        dialog->table()->selectRow(listed);
        REQUIRE(dialog->attachSelected());
        CHECK(dialog->isSampling());
        REQUIRE(waitUntil([&] { return done.count() == 1; }, 30'000));
        CHECK(live.count() >= 2); // four a second for a second
        const auto first = live.first().at(0).value<core::TracePtr>();
        const auto last = live.last().at(0).value<core::TracePtr>();
        CHECK(last->endNs > first->endNs); // it grew
        CHECK_FALSE(dialog->isSampling());
        const auto load = core::loadTraceFile(dialog->tracePath());
        REQUIRE(load.ok());
        int ran = 0;
        for (const auto &t : (*load)->threads)
            for (auto s : t.segmentState)
                if (s == core::ThreadState::Running) {
                    ++ran;
                    break;
                }
        CHECK(ran >= 2);
        QFile::remove(dialog->tracePath());

        CHECK_FALSE(dialog->attach(999999999));
        CHECK(dialog->message()->text().contains("no process 999999999"));
    }
    countdown.kill();
    countdown.waitForFinished(30'000);
    QSettings().clear();
}
