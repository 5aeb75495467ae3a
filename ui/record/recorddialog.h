#pragma once

#include "python/pythoninstalls.h"
#include "python/recorderfiles.h"
#include "record/recordingrun.h"

#include <QDialog>
#include <QTimer>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace gilscope::ui {

class PythonPicker;

// File > Record Python Script: runs a script under GIL Scope's recorder with a Python found on
// this machine and hands the trace to the window. Shipped calibration workloads are one click
// away. While it records: the time so far, the script's and the recorder's output, and Cancel,
// which stops the script like Ctrl-C so the trace of the run so far is still written. Anything
// that keeps it from starting or from writing a trace is named in the dialog; an existing trace
// file is only replaced by a new trace. The last script, arguments, interpreter and interval
// come back next time (QSettings).
class RecordDialog : public QDialog {
    Q_OBJECT
public:
    // Interpreters are looked for among `pythonCandidates` (off the GUI thread).
    explicit RecordDialog(QWidget *parent = nullptr,
                          const QStringList &pythonCandidates = core::pythonCandidates());
    ~RecordDialog() override;

    // The trace goes beside the script unless a trace path was chosen.
    void setScript(const QString &path, const QString &arguments = QString());
    void setTracePath(const QString &path);
    QString tracePath() const;
    // Fills in a shipped calibration workload: "countdown.py", "echo_convoy.py", "sleep_mix.py".
    bool pickWorkload(const QString &file);

    // What keeps Record from starting; empty when it can. Tries to create a file beside the
    // trace, so that an unwritable directory is named before the script runs.
    QString problemBeforeStart() const;
    // The Record button: false, with the reason shown, when it cannot start.
    bool record();
    // The Cancel button while recording.
    void cancelRecording();
    bool isRecording() const { return m_run.isRunning(); }

    PythonPicker *pythonPicker() const { return m_python; }
    QLineEdit *scriptEdit() const { return m_script; }
    QLineEdit *argumentsEdit() const { return m_arguments; }
    QDoubleSpinBox *switchIntervalBox() const { return m_interval; }
    // "sample" (from /proc, no slowdown; Linux; the default) or "instrument" (the recorder's
    // hooks; the default where /proc cannot be read).
    QComboBox *methodBox() const { return m_method; }
    QLineEdit *traceEdit() const { return m_trace; }
    QLabel *traceHint() const { return m_traceHint; }
    QLabel *message() const { return m_message; }
    QLabel *progressLabel() const { return m_progressLabel; }
    QPlainTextEdit *log() const { return m_log; }
    QPushButton *recordButton() const { return m_record; }
    QPushButton *cancelButton() const { return m_close; }
    QPushButton *openAnywayButton() const { return m_openAnyway; }

signals:
    // A trace was written to `path`; `note` says what to know about it (stopped early), if
    // anything.
    void traceRecorded(const QString &path, const QString &note);
    // While a sampled recording runs: the trace so far, four times a second.
    void liveTrace(gilscope::core::TracePtr trace, const QString &label);

protected:
    // Closing while recording cancels the recording instead.
    void done(int result) override;

private:
    void buildUi();
    void buildForm();
    void buildProgress();
    QLayout *buildButtons();
    QWidget *buildWorkloadButtons();
    void readSettings();
    void writeSettings() const;
    void browseScript();
    void chooseTrace();
    void scriptChanged();
    void pythonChanged();
    void updateTraceHint();
    void updateEnabled();
    void showMessage(const QString &text, bool problem);
    void setRecording(bool recording);
    void updateProgress();
    void appendLog(const QString &line, const QColor &colour = QColor());
    void finished(const RecordingRun::Outcome &outcome);
    QString defaultTracePath(const QString &script) const;

    core::Result<core::RecorderFiles> m_files;
    RecordingRun m_run;
    QTimer m_tick;
    PythonPicker *m_python = nullptr;
    QLineEdit *m_script = nullptr;
    QPushButton *m_browseScript = nullptr;
    QLineEdit *m_arguments = nullptr;
    QDoubleSpinBox *m_interval = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_trace = nullptr;
    QPushButton *m_chooseTrace = nullptr;
    QLabel *m_traceHint = nullptr;
    QWidget *m_form = nullptr;
    QWidget *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_record = nullptr;
    QPushButton *m_openAnyway = nullptr;
    QPushButton *m_close = nullptr;
    QString m_writtenTrace;     // a trace of a failed run, for Open Trace Anyway
    bool m_traceChosen = false; // the user set the trace path: it no longer follows the script
};

} // namespace gilscope::ui
