#include "record/recorddialog.h"

#include "record/pythonpicker.h"
#include "sampling/samplingcheck.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTextCursor>
#include <QVBoxLayout>

namespace gilscope::ui {

namespace {

// The calibration workloads shipped with the recorder, with arguments that finish in about a
// second under recording.
struct Workload {
    const char *label;
    const char *file;
    const char *arguments;
    const char *tip;
};

constexpr Workload kWorkloads[] = {
    {QT_TRANSLATE_NOOP("RecordDialog", "&Countdown, 2 threads"), "countdown.py",
     "--threads 2 --total 5000000",
     QT_TRANSLATE_NOOP("RecordDialog",
                       "Beazley's countdown split over two CPU-bound threads: on the 3.2+ GIL "
                       "they take turns every switch interval")},
    {QT_TRANSLATE_NOOP("RecordDialog", "&Echo convoy"), "echo_convoy.py",
     "--cpu-threads 1 --seconds 1",
     QT_TRANSLATE_NOOP("RecordDialog",
                       "An echo server thread beside a CPU-bound thread: after every blocking "
                       "call it waits a switch interval for the GIL (the convoy effect)")},
    {QT_TRANSLATE_NOOP("RecordDialog", "&Sleep / CPU mix"), "sleep_mix.py",
     "--cpu-threads 1 --io-threads 1 --seconds 1",
     QT_TRANSLATE_NOOP("RecordDialog",
                       "A thread that sleeps between short bursts of work, beside a CPU-bound "
                       "one: each sleep returns late by the wait for the GIL")},
};

const QColor kProblem(0xc5, 0x22, 0x1f);

const QString kScriptKey = QStringLiteral("record/script");
const QString kArgumentsKey = QStringLiteral("record/arguments");
const QString kPythonKey = QStringLiteral("record/python");
const QString kIntervalKey = QStringLiteral("record/switchIntervalMs");
const QString kMethodKey = QStringLiteral("record/method");

// Where traces of the shipped workloads go: the user's documents, not the installation.
QString userTraceDir() {
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

QString seconds(qint64 ms) {
    return QObject::tr("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

RecordDialog::RecordDialog(QWidget *parent, const QStringList &pythonCandidates)
    : QDialog(parent)
    , m_files(core::findRecorderFiles(QCoreApplication::applicationDirPath(),
                                      QStringLiteral(GILSCOPE_SOURCE_DIR))) {
    setObjectName(QStringLiteral("recordDialog"));
    setWindowTitle(tr("Record a Python Script"));
    buildUi();
    readSettings();
    m_python->search(pythonCandidates);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &RecordDialog::updateProgress);
    connect(&m_run, &RecordingRun::outputLine, this, [this](const QString &line, bool err) {
        // The recorder's own notes are quieter than the script's output.
        const bool note = err && line.startsWith(QLatin1String("gilscope-record:"));
        appendLog(line, note ? palette().color(QPalette::PlaceholderText) : QColor());
    });
    connect(&m_run, &RecordingRun::finished, this, &RecordDialog::finished);
    connect(&m_run, &RecordingRun::liveTrace, this, [this](core::TracePtr trace) {
        emit liveTrace(trace,
                       tr("%1 (recording)").arg(QFileInfo(m_run.request().script).fileName()));
    });
    updateTraceHint();
    updateEnabled();
}

RecordDialog::~RecordDialog() = default;

namespace {

// A field with its button beside it, as one widget so it is one row of the form's table.
QWidget *besideEachOther(QWidget *field, QPushButton *button) {
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}

QLabel *wrappingLabel(const QString &objectName) {
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

} // namespace

void RecordDialog::buildUi() {
    auto *intro = new QLabel(
        tr("Runs a script and shows, thread by thread, when it ran Python code, waited for "
           "the GIL, waited for a lock and blocked in I/O. Sampling reads the threads from /proc "
           "while the script runs at full speed; the instrumenting recorder sees every hand-off "
           "but slows tight loops down several times."));
    intro->setWordWrap(true);
    buildForm();
    buildProgress();
    m_message = wrappingLabel(QStringLiteral("message"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *column = new QVBoxLayout(this);
    column->addWidget(intro);
    column->addSpacing(6);
    column->addWidget(m_form);
    column->addWidget(m_progress, 1);
    column->addWidget(m_message);
    column->addLayout(buildButtons());
    setMinimumWidth(760);
    // Return records, from whichever field; the helper buttons never take it over. (Only now:
    // a default button registers with the dialog it is in.)
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);
    m_record->setDefault(true);

    connect(m_browseScript, &QPushButton::clicked, this, &RecordDialog::browseScript);
    connect(m_chooseTrace, &QPushButton::clicked, this, &RecordDialog::chooseTrace);
    connect(m_script, &QLineEdit::textChanged, this, &RecordDialog::scriptChanged);
    connect(m_trace, &QLineEdit::textEdited, this, [this] { m_traceChosen = true; });
    connect(m_trace, &QLineEdit::textChanged, this, &RecordDialog::updateTraceHint);
    connect(m_python, &PythonPicker::currentChanged, this, &RecordDialog::pythonChanged);
}

void RecordDialog::buildForm() {
    m_script = new QLineEdit;
    m_script->setObjectName(QStringLiteral("script"));
    m_script->setPlaceholderText(tr("The script to run as __main__"));
    m_script->setClearButtonEnabled(true);
    m_browseScript = new QPushButton(tr("Browse…"));
    m_browseScript->setObjectName(QStringLiteral("browseScript"));
    m_arguments = new QLineEdit;
    m_arguments->setObjectName(QStringLiteral("arguments"));
    m_arguments->setPlaceholderText(tr("The script's arguments, quoted as in a shell"));
    m_python = new PythonPicker;
    m_interval = new QDoubleSpinBox;
    m_interval->setObjectName(QStringLiteral("switchInterval"));
    m_interval->setRange(0, 1000);
    m_interval->setDecimals(3);
    m_interval->setSingleStep(0.5);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setSpecialValueText(tr("Python's default (5 ms)"));
    m_interval->setMinimumWidth(200);
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("method"));
    // Sampling first and the default: the script runs at full speed.
    m_method->addItem(tr("sample (no slowdown): threads read from /proc 1000×/s, live timeline"),
                      QStringLiteral("sample"));
    m_method->addItem(tr("instrument: every GIL hand-off, but loops run 4–13× slower"),
                      QStringLiteral("instrument"));
    if (const auto proc = core::checkProcSampling(); !proc.ok()) {
        m_method->setItemData(0, 0, Qt::UserRole - 1); // not selectable
        m_method->setItemData(0, QString::fromStdString(proc.error()), Qt::ToolTipRole);
        m_method->setCurrentIndex(1);
    }
    m_trace = new QLineEdit;
    m_trace->setObjectName(QStringLiteral("tracePath"));
    m_trace->setPlaceholderText(tr("SCRIPT.trace.json beside the script"));
    m_chooseTrace = new QPushButton(tr("Choose…"));
    m_chooseTrace->setObjectName(QStringLiteral("chooseTrace"));
    m_traceHint = wrappingLabel(QStringLiteral("traceHint"));

    // The form as a table: label (its mnemonic focuses `buddy`), then the row's widget.
    struct Row {
        QString label;
        QWidget *buddy;
        QWidget *field;
    };
    const Row rows[] = {
        {tr("Scrip&t:"), m_script, besideEachOther(m_script, m_browseScript)},
        {tr("Or try:"), nullptr, buildWorkloadButtons()},
        {tr("&Arguments:"), m_arguments, m_arguments},
        {tr("P&ython:"), m_python->list(), m_python},
        {tr("S&witch interval:"), m_interval, m_interval},
        {tr("&Method:"), m_method, m_method},
        {tr("Trace f&ile:"), m_trace, besideEachOther(m_trace, m_chooseTrace)},
        {QString(), nullptr, m_traceHint},
    };
    m_form = new QWidget;
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (const Row &row : rows) {
        auto *label = new QLabel(row.label);
        label->setBuddy(row.buddy);
        form->addRow(label, row.field);
    }
}

void RecordDialog::buildProgress() {
    m_progress = new QWidget;
    m_progress->setObjectName(QStringLiteral("progress"));
    auto *progress = new QVBoxLayout(m_progress);
    progress->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = new QLabel;
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    QFont bold = m_progressLabel->font();
    bold.setBold(true);
    m_progressLabel->setFont(bold);
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0); // no end is known: the script decides
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(10);
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMinimumHeight(180);
    progress->addWidget(m_progressLabel);
    progress->addWidget(m_busy);
    progress->addWidget(m_log, 1);
    m_progress->hide();
}

QLayout *RecordDialog::buildButtons() {
    auto *buttons = new QDialogButtonBox;
    m_record = buttons->addButton(tr("&Record"), QDialogButtonBox::AcceptRole);
    m_record->setObjectName(QStringLiteral("record"));
    m_record->setIcon(QIcon::fromTheme(QStringLiteral("media-record")));
    // Beside the box, not in it: the box shows every button it lays out.
    m_openAnyway = new QPushButton(tr("&Open the Trace Anyway"));
    m_openAnyway->setObjectName(QStringLiteral("openAnyway"));
    m_openAnyway->hide();
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("close"));
    // The button box would accept or reject on its own: these buttons do more.
    connect(m_record, &QPushButton::clicked, this, [this] { record(); });
    connect(m_openAnyway, &QPushButton::clicked, this, [this] {
        emit traceRecorded(m_writtenTrace, tr("The script did not finish cleanly: see its "
                                              "output in the Record dialog."));
        QDialog::done(Accepted);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_openAnyway);
    bottom->addWidget(buttons, 1);
    return bottom;
}

QWidget *RecordDialog::buildWorkloadButtons() {
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const Workload &w : kWorkloads) {
        auto *button = new QPushButton(tr(w.label));
        button->setObjectName(QStringLiteral("workload-") + QString::fromLatin1(w.file));
        const QString file = QString::fromLatin1(w.file);
        if (m_files.ok()) {
            button->setToolTip(
                tr("%1\n%2 %3")
                    .arg(tr(w.tip), m_files->workload(file), QString::fromLatin1(w.arguments)));
            connect(button, &QPushButton::clicked, this, [this, file] { pickWorkload(file); });
        } else {
            button->setEnabled(false);
            button->setToolTip(QString::fromStdString(m_files.error()));
        }
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return row;
}

void RecordDialog::readSettings() {
    QSettings settings;
    const QString script = settings.value(kScriptKey).toString();
    if (!script.isEmpty() && QFileInfo(script).isFile())
        setScript(script, settings.value(kArgumentsKey).toString());
    m_python->setPreferredPath(settings.value(kPythonKey).toString());
    m_interval->setValue(settings.value(kIntervalKey, 0.0).toDouble());
    // A saved choice of sampling is kept only where sampling works.
    const int method = m_method->findData(settings.value(kMethodKey));
    if (method >= 0 &&
        m_method->model()->flags(m_method->model()->index(method, 0)).testFlag(Qt::ItemIsEnabled))
        m_method->setCurrentIndex(method);
}

void RecordDialog::writeSettings() const {
    QSettings settings;
    settings.setValue(kScriptKey, QFileInfo(m_script->text().trimmed()).absoluteFilePath());
    settings.setValue(kArgumentsKey, m_arguments->text());
    if (const auto py = m_python->current())
        settings.setValue(kPythonKey, py->path);
    settings.setValue(kIntervalKey, m_interval->value());
    settings.setValue(kMethodKey, m_method->currentData());
}

void RecordDialog::setScript(const QString &path, const QString &arguments) {
    m_script->setText(path);
    m_arguments->setText(arguments);
}

void RecordDialog::setTracePath(const QString &path) {
    m_traceChosen = true;
    m_trace->setText(path);
}

QString RecordDialog::tracePath() const {
    return m_trace->text().trimmed();
}

bool RecordDialog::pickWorkload(const QString &file) {
    for (const Workload &w : kWorkloads) {
        if (file != QLatin1String(w.file) || !m_files.ok())
            continue;
        m_traceChosen = false;
        setScript(m_files->workload(file), QString::fromLatin1(w.arguments));
        return true;
    }
    return false;
}

QString RecordDialog::defaultTracePath(const QString &script) const {
    const QFileInfo info(script);
    const QString name = info.completeBaseName() + QStringLiteral(".trace.json");
    const bool shipped =
        m_files.ok() && info.absolutePath().startsWith(QDir(m_files->dir).absolutePath());
    return QDir(shipped ? userTraceDir() : info.absolutePath()).filePath(name);
}

void RecordDialog::browseScript() {
    const QString current = m_script->text().trimmed();
    const QString start = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Python Script"), start,
                                                      tr("Python scripts (*.py);;All files (*)"));
    if (!path.isEmpty())
        m_script->setText(path);
}

void RecordDialog::chooseTrace() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Write the Trace To"), tracePath(),
                                                      tr("Trace JSON (*.json)"));
    if (path.isEmpty())
        return;
    setTracePath(QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".json") : path);
}

void RecordDialog::scriptChanged() {
    const QString script = m_script->text().trimmed();
    if (!m_traceChosen)
        m_trace->setText(script.isEmpty() ? QString() : defaultTracePath(script));
    showMessage(QString(), false);
    updateEnabled();
}

void RecordDialog::pythonChanged() {
    const auto py = m_python->current();
    const bool hasInterval = !py || !py->legacyGil();
    m_interval->setEnabled(hasInterval);
    m_interval->setToolTip(
        hasInterval
            ? tr("sys.setswitchinterval() before the script starts: how long a thread may hold "
                 "the GIL while another waits")
            : tr("Python %1 has no switch interval: its old GIL lets go every 100 ticks "
                 "(sys.setcheckinterval)")
                  .arg(py->version()));
    updateEnabled();
}

void RecordDialog::updateTraceHint() {
    const QString path = tracePath();
    QString hint;
    bool problem = false;
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        const QFileInfo dir(info.absolutePath());
        if (!dir.isDir()) {
            hint = tr("%1: no such folder").arg(dir.filePath());
            problem = true;
        } else if (!dir.isWritable()) {
            hint = tr("%1 is not writable: choose another trace file").arg(dir.filePath());
            problem = true;
        } else if (info.isDir()) {
            hint = tr("This is a folder: name a file in it");
            problem = true;
        } else if (info.exists()) {
            hint = tr("%1 exists: a new trace replaces it (a failed recording leaves it as it "
                      "is)")
                       .arg(info.fileName());
        }
    }
    m_traceHint->setText(hint);
    m_traceHint->setVisible(!hint.isEmpty());
    QPalette p = m_traceHint->palette();
    p.setColor(QPalette::WindowText,
               problem ? kProblem : palette().color(QPalette::PlaceholderText));
    m_traceHint->setPalette(p);
}

void RecordDialog::updateEnabled() {
    const bool recording = isRecording();
    m_form->setEnabled(!recording);
    m_record->setEnabled(!recording && !m_script->text().trimmed().isEmpty() &&
                         m_python->current().has_value());
    m_record->setVisible(!recording);
    m_close->setText(recording ? tr("Cancel") : tr("Close"));
    m_close->setEnabled(!(recording && m_run.isCancelling()));
    m_close->setToolTip(recording ? tr("Stops the script as Ctrl-C would; the trace of the run "
                                       "so far is still written and opened")
                                  : QString());
}

QString RecordDialog::problemBeforeStart() const {
    const QString script = m_script->text().trimmed();
    if (script.isEmpty())
        return tr("Choose a script to record, or try one of the workloads.");
    if (!QFileInfo(script).isFile())
        return tr("%1: no such script").arg(script);
    if (!m_python->current())
        return m_python->isBusy()
                   ? tr("Still looking for Python interpreters.")
                   : tr("No Python interpreter chosen: use Browse… beside Python to pick one.");
    if (!m_files.ok())
        return QString::fromStdString(m_files.error());
    const QString trace = tracePath();
    if (trace.isEmpty())
        return tr("Name the trace file to write.");
    const QFileInfo info(trace);
    if (info.isDir())
        return tr("%1 is a folder: name a trace file in it").arg(trace);
    const QString dir = info.absolutePath();
    if (!QFileInfo(dir).isDir())
        return tr("Cannot write the trace: the folder %1 does not exist").arg(dir);
    // Permissions alone do not tell (read-only mounts, root): try.
    QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".gilscope-XXXXXX")));
    if (!probe.open())
        return tr("Cannot write the trace in %1 (%2): choose another trace file")
            .arg(dir, probe.errorString());
    return {};
}

bool RecordDialog::record() {
    if (isRecording())
        return false;
    const QString problem = problemBeforeStart();
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return false;
    }
    writeSettings();
    m_writtenTrace.clear();
    m_openAnyway->hide();
    showMessage(QString(), false);

    RecordingRun::Request request;
    request.python = m_python->current()->path;
    request.recorder = m_files->recorder();
    request.script = QFileInfo(m_script->text().trimmed()).absoluteFilePath();
    request.arguments = QProcess::splitCommand(m_arguments->text());
    request.tracePath = QFileInfo(tracePath()).absoluteFilePath();
    request.switchIntervalMs = m_python->current()->legacyGil() ? 0 : m_interval->value();
    request.sample = m_method->currentData().toString() == QLatin1String("sample");

    m_log->clear();
    QStringList shown = request.arguments;
    shown.prepend(QFileInfo(request.script).fileName());
    appendLog(QStringLiteral("$ %1 %2 %3")
                  .arg(QFileInfo(request.python).fileName(),
                       request.sample ? tr("(sampled from /proc)")
                                      : QFileInfo(request.recorder).fileName(),
                       shown.join(QLatin1Char(' '))),
              palette().color(QPalette::PlaceholderText));
    if (!m_progress->isVisible()) {
        m_progress->show();
        resize(width(), std::max(height(), 640));
    }
    m_run.start(request);
    setRecording(true);
    return true;
}

void RecordDialog::cancelRecording() {
    if (!isRecording())
        return;
    m_run.cancel();
    updateProgress();
    updateEnabled();
}

void RecordDialog::done(int result) {
    if (isRecording()) {
        cancelRecording();
        return;
    }
    QDialog::done(result);
}

void RecordDialog::setRecording(bool recording) {
    m_busy->setVisible(recording);
    if (recording)
        m_tick.start();
    else
        m_tick.stop();
    updateProgress();
    updateEnabled();
}

void RecordDialog::updateProgress() {
    const QString script = QFileInfo(m_run.request().script).fileName();
    const auto py = m_python->current();
    const QString python = py ? tr("Python %1").arg(py->version()) : QString();
    const QString elapsed = seconds(m_run.elapsedMs());
    if (m_run.isCancelling())
        m_progressLabel->setText(
            tr("Stopping %1 (interrupted as by Ctrl-C), %2 …").arg(script, elapsed));
    else if (isRecording())
        m_progressLabel->setText(tr("Recording %1 with %2 — %3").arg(script, python, elapsed));
}

void RecordDialog::appendLog(const QString &line, const QColor &colour) {
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool following = bar->value() == bar->maximum();
    QTextCursor cursor(m_log->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_log->document()->isEmpty())
        cursor.insertBlock();
    QTextCharFormat format;
    format.setForeground(colour.isValid() ? QBrush(colour) : palette().brush(QPalette::Text));
    cursor.insertText(line, format);
    if (following)
        bar->setValue(bar->maximum());
}

void RecordDialog::showMessage(const QString &text, bool problem) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, problem ? kProblem : palette().color(QPalette::Text));
    m_message->setPalette(p);
}

void RecordDialog::finished(const RecordingRun::Outcome &outcome) {
    const QString script = QFileInfo(m_run.request().script).fileName();
    const QString trace = m_run.request().tracePath;
    const QString took = seconds(m_run.elapsedMs());
    setRecording(false);
    if (!outcome.started) {
        m_progressLabel->setText(tr("Not started"));
        showMessage(tr("Cannot record: %1").arg(outcome.error), true);
        return;
    }
    const QString why = outcome.lastErrorLine.isEmpty()
                            ? QString()
                            : tr(" The last error line: “%1”").arg(outcome.lastErrorLine);
    if (outcome.traceWritten && (outcome.cancelled || outcome.exitCode == 0)) {
        m_progressLabel->setText(tr("Recorded %1 in %2").arg(script, took));
        emit traceRecorded(trace, outcome.cancelled
                                      ? tr("Recording of %1 stopped after %2: the trace covers "
                                           "the run until then")
                                            .arg(script, took)
                                      : QString());
        QDialog::done(Accepted);
        return;
    }
    if (outcome.traceWritten) {
        // A script that failed half-way still has a trace worth a look, but the user decides.
        m_writtenTrace = trace;
        m_openAnyway->show();
        m_progressLabel->setText(tr("%1 failed after %2").arg(script, took));
        showMessage(tr("%1 exited with status %2, so the trace may be incomplete; its output "
                       "is above.%3")
                        .arg(script)
                        .arg(outcome.exitCode)
                        .arg(why),
                    true);
        return;
    }
    m_progressLabel->setText(tr("No trace after %1").arg(took));
    if (outcome.cancelled) {
        showMessage(outcome.killed
                        ? tr("Cancelled: %1 did not stop on the interrupt within %2 s and was "
                             "killed before the recorder wrote a trace.%3")
                              .arg(script)
                              .arg(RecordingRun::kKillAfterMs / 1000)
                              .arg(why)
                        : tr("Cancelled before the recorder wrote a trace.%1").arg(why),
                    true);
    } else if (!outcome.error.isEmpty()) {
        showMessage(tr("No trace was written: %1.%2").arg(outcome.error, why), true);
    } else {
        showMessage(tr("No trace was written: the recorder exited with status %1.%2")
                        .arg(outcome.exitCode)
                        .arg(why),
                    true);
    }
}

} // namespace gilscope::ui
