#pragma once

#include "trace/trace.h"

#include <QDialog>
#include <QTimer>

#include <atomic>
#include <memory>
#include <thread>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace gilscope::core {
class SamplingSession;
}

namespace gilscope::ui {

// File > Attach to Process: lists the Python processes running here with their command lines;
// Attach samples the chosen one from /proc (no change to it, no slowdown) on a thread of its
// own. While it samples, the trace so far goes to the window four times a second (liveTrace), so
// the timeline grows; "Follow" off pauses the view, not the sampling. Stop, the duration running
// out or the process ending keeps what was sampled: the trace is written and handed over
// (traceRecorded). Missing permission and a process that ended are said in the dialog.
class AttachDialog : public QDialog {
    Q_OBJECT
public:
    explicit AttachDialog(QWidget *parent = nullptr);
    ~AttachDialog() override;

    void refresh();
    // Starts sampling `pid`; false, with the reason shown, when it cannot.
    bool attach(int pid);
    // Attaches to the process selected in the table.
    bool attachSelected();
    void stop();
    bool isSampling() const { return m_session != nullptr; }
    // Where the trace goes: a file in the temporary folder named after the process.
    QString tracePath() const { return m_tracePath; }

    QTableWidget *table() const { return m_table; }
    QLabel *message() const { return m_message; }
    QCheckBox *followBox() const { return m_follow; }
    QDoubleSpinBox *durationBox() const { return m_duration; }

signals:
    void liveTrace(gilscope::core::TracePtr trace, const QString &label);
    void traceRecorded(const QString &path, const QString &note);

private:
    void tick();
    void updateButtons();

    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QCheckBox *m_follow = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_refresh = nullptr;
    QTimer m_timer;
    std::unique_ptr<core::SamplingSession> m_session;
    std::thread m_thread;
    std::atomic<bool> m_stopFlag{false};
    std::atomic<bool> m_done{false};
    int m_pid = 0;
    QString m_tracePath;
};

} // namespace gilscope::ui
