#include "window/mainwindow.h"

#include "catalog/presets.h"
#include "compare/compareview.h"
#include "export/timelineexporter.h"
#include "files/inputfile.h"
#include "files/outputfile.h"
#include "groups/groupseditor.h"
#include "pixels/traceindex.h"
#include "play/playmode.h"
#include "record/attachdialog.h"
#include "record/recorddialog.h"
#include "record/recordedrun.h"
#include "scenario/scenariojson.h"
#include "scenario/scenariotitle.h"
#include "timeline/timeformat.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"
#include "trace/tracejson.h"
#include "video/videoexportdialog.h"
#include "widgets/menutable.h"
#include "window/controlspanel.h"
#include "window/metricspanel.h"
#include "window/simulationcontroller.h"
#include "window/traceloader.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

#include <cmath>

namespace gilscope::ui {

namespace {

core::Scenario fallbackScenario() {
    core::Scenario s;
    s.name = "Two CPU-bound threads";
    core::WorkerGroup cpu;
    cpu.kind = core::WorkerKind::Cpu;
    cpu.count = 2;
    cpu.cpu_ms = 100;
    s.workers.push_back(cpu);
    return s;
}

// A trace file, not a scenario: Chrome trace JSON is an object with "traceEvents" or a bare
// array of events; anything that is not a JSON object (a .pftrace) is for the trace reader to
// name. A scenario never contains the key (it would be an unknown key). `start` is the file's
// first megabyte: a trace can be a gigabyte, and the key comes early in every trace we know.
bool looksLikeTrace(const QByteArray &start) {
    for (char c : start) {
        if (c == '{')
            break;
        if (!QChar::isSpace(static_cast<uchar>(c)))
            return true;
    }
    return start.contains("\"traceEvents\"");
}

QString fileSlug(const QString &name) {
    QString slug;
    for (QChar c : name.toLower())
        slug += c.isLetterOrNumber() ? c : QChar('-');
    while (slug.contains(QLatin1String("--")))
        slug.replace(QLatin1String("--"), QLatin1String("-"));
    slug = slug.mid(slug.startsWith('-') ? 1 : 0);
    if (slug.endsWith('-'))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("timeline") : slug.left(60);
}

// Open's filter lists *.json: a scenario saved under another name would be invisible there.
QString withJsonSuffix(const QString &path) {
    return QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0
               ? path
               : path + QStringLiteral(".json");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new SimulationController(this))
    , m_view(new TimelineView)
    , m_controls(new ControlsPanel)
    , m_metrics(new MetricsPanel)
    , m_status(new QLabel)
    , m_events(new QLabel)
    , m_simTime(new QLabel)
    , m_runTime(new QLabel)
    , m_hover(new QLabel) {
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_view);
    createDocks();
    m_play = new PlayMode(this, m_view);
    createMenus();
    createStatusBar();

    connect(m_controls, &ControlsPanel::scenarioEdited, m_controller,
            &SimulationController::setScenario);
    connect(m_controller, &SimulationController::resultReady, this, &MainWindow::showResult);
    connect(m_controller, &SimulationController::failed, this, &MainWindow::showError);
    connect(m_controller, &SimulationController::busyChanged, this, &MainWindow::showBusy);
    connectTraceLoader();
    connect(m_controls, &ControlsPanel::scenarioEdited, this, [this] {
        setWindowModified(true);
        updateWindowTitle();
    });
    // A preset is a new start, not an edit of the file that was open: Save must not write the
    // preset over that file.
    connect(m_controls, &ControlsPanel::presetChosen, this, &MainWindow::setScenario);

    m_prompts.path = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Save Scenario"), suggested,
                                            tr("Scenarios (*.json);;All files (*)"));
    };
    m_prompts.name = [this](const QString &suggested) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Name the Scenario"),
            tr("This scenario is no longer the preset it started from. Save it as:"),
            QLineEdit::Normal, suggested, &ok);
        return ok ? std::optional<QString>(name) : std::nullopt;
    };
    connect(m_view, &TimelineView::themeChanged, m_metrics, &MetricsPanel::setTheme);
    connect(m_view, &TimelineView::hoverTimeChanged, this, &MainWindow::showHoverTime);
    connect(m_view, &TimelineView::annotationsEdited, this, &MainWindow::keepAnnotations);
    m_metrics->setTheme(m_view->theme());

    readSettings();
    m_play->setOn(false); // play mode starts off, whatever the saved layout showed

    // The scenario of the last session, as it was left (saved or not), else the default preset.
    QSettings settings;
    const auto last = core::parseScenarioJson(
        settings.value(QStringLiteral("session/scenario")).toByteArray(), "the last session");
    if (last.ok()) {
        setScenario(*last);
        const QString file = settings.value(QStringLiteral("session/file")).toString();
        if (!file.isEmpty() && QFileInfo::exists(file))
            m_file = file;
        setWindowModified(settings.value(QStringLiteral("session/modified")).toBool());
        updateWindowTitle();
    } else {
        auto preset = core::loadPreset(kDefaultPreset);
        setScenario(preset ? *preset : fallbackScenario());
    }
    updateFileActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    m_controlsDock = new QDockWidget(tr("Controls"), this);
    m_controlsDock->setObjectName(QStringLiteral("controlsDock"));
    m_controlsDock->setWidget(wrapControls());
    m_controlsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_controlsDock);

    m_metricsDock = new QDockWidget(tr("Metrics"), this);
    m_metricsDock->setObjectName(QStringLiteral("metricsDock"));
    m_metricsDock->setWidget(m_metrics);
    m_metricsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea |
                                   Qt::BottomDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_metricsDock);
    resizeDocks({m_controlsDock, m_metricsDock}, {330, 330}, Qt::Horizontal);

    // Along the bottom of the window: wide and short, so the timeline keeps most of it.
    m_groupsEditor = new GroupsEditor;
    m_groupsDock = new QDockWidget(tr("Worker Groups"), this);
    m_groupsDock->setObjectName(QStringLiteral("groupsDock"));
    m_groupsDock->setWidget(m_groupsEditor);
    m_groupsDock->setAllowedAreas(Qt::AllDockWidgetAreas);
    addDockWidget(Qt::BottomDockWidgetArea, m_groupsDock);
    resizeDocks({m_groupsDock}, {230}, Qt::Vertical);
    // The editor and the controls show one scenario: each edit of one shows in the other.
    connect(m_groupsEditor, &GroupsEditor::scenarioEdited, this,
            [this](const core::Scenario &s) { m_controls->setWorkers(s.workers, s.queues); });
    connect(m_controls, &ControlsPanel::scenarioShown, m_groupsEditor, &GroupsEditor::setScenario);
    connect(m_groupsEditor, &GroupsEditor::selectedGroupChanged, m_controls,
            &ControlsPanel::setTargetGroup);
    connect(m_controls, &ControlsPanel::targetCleared, m_groupsEditor,
            [this] { m_groupsEditor->selectGroup(-1); });
}

QWidget *MainWindow::wrapControls() {
    // Above the controls, while a trace from a file is shown: why they do not apply to it.
    m_traceBox = new QWidget;
    m_traceBox->setObjectName(QStringLiteral("traceBox"));
    m_traceBox->setAutoFillBackground(true);
    QPalette p = m_traceBox->palette();
    p.setColor(QPalette::Window, p.color(QPalette::Window).lightness() < 128
                                     ? QColor(0x4a, 0x3b, 0x12)
                                     : QColor(0xff, 0xf4, 0xd6));
    m_traceBox->setPalette(p);
    m_traceBanner = new QLabel;
    m_traceBanner->setObjectName(QStringLiteral("traceBanner"));
    m_traceBanner->setWordWrap(true);
    m_traceBanner->setTextFormat(Qt::RichText);
    auto *back = new QPushButton(tr("Simulate the Scenario Again"));
    back->setObjectName(QStringLiteral("backToSimulation"));
    connect(back, &QPushButton::clicked, this, [this] {
        m_leaveTrace = true;
        m_controller->rerun();
    });
    auto *compare = new QPushButton(tr("Compare with Simulation"));
    compare->setObjectName(QStringLiteral("compareWithSimulation"));
    compare->setToolTip(tr("This trace above a simulation of the same threads, interpreter and "
                           "cores, with their figures side by side"));
    connect(compare, &QPushButton::clicked, this, &MainWindow::compareWithSimulation);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addWidget(compare);
    buttons->addStretch(1);
    auto *box = new QVBoxLayout(m_traceBox);
    box->addWidget(m_traceBanner);
    box->addLayout(buttons);
    m_traceBox->hide();

    auto *panel = new QWidget;
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_traceBox);
    column->addWidget(m_controls, 1);
    return panel;
}

void MainWindow::createMenus() {
    const MenuRow separator;
    fillMenu(menuBar()->addMenu(tr("&File")),
             {
                 {.text = tr("&Open…"),
                  .icon = QStringLiteral("document-open"),
                  .keys = {QKeySequence::Open},
                  .toolTip = tr("Open a scenario or a trace (JSON)"),
                  .triggered = [this] { open(); }},
                 {.build =
                      [this](QMenu *file) {
                          m_recentMenu = file->addMenu(tr("Open &Recent"));
                          m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
                          connect(m_recentMenu, &QMenu::aboutToShow, this,
                                  &MainWindow::updateRecentMenu);
                          updateRecentMenu();
                      }},
                 {.text = tr("Re&cord Python Script…"),
                  .icon = QStringLiteral("media-record"),
                  .keys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                  .objectName = QStringLiteral("recordScript"),
                  .toolTip = tr("Run a Python script under the recorder and show its threads"),
                  .triggered = [this] { showRecordDialog(); },
                  .store = &m_record},
                 {.text = tr("A&ttach to Process…"),
                  .objectName = QStringLiteral("attachProcess"),
                  .toolTip = tr("Sample a running Python program from /proc, without slowing "
                                "it, and watch its threads live"),
                  .triggered = [this] { showAttachDialog(); }},
                 separator,
                 {.text = tr("&Save Scenario"),
                  .icon = QStringLiteral("document-save"),
                  .keys = {QKeySequence::Save},
                  .triggered = [this] { save(); },
                  .store = &m_save},
                 {.text = tr("Save Scenario &As…"),
                  .icon = QStringLiteral("document-save-as"),
                  .keys = {QKeySequence::SaveAs},
                  .triggered = [this] { saveAs(); },
                  .store = &m_saveAs},
                 separator,
                 {.text = tr("&Export Image…"),
                  .icon = QStringLiteral("document-export"),
                  .keys = {QKeySequence(Qt::CTRL | Qt::Key_E)},
                  .objectName = QStringLiteral("exportImage"),
                  .triggered = [this] { exportImage(); },
                  .store = &m_exportImage},
                 {.text = tr("Export &Video…"),
                  .objectName = QStringLiteral("exportVideo"),
                  .toolTip = tr("Play a range of the chart and the scheduler stage as MP4, WebM "
                                "or GIF (needs ffmpeg)"),
                  .triggered =
                      [this] {
                          if (!m_view->index())
                              return;
                          VideoExportDialog dialog(exportSource(), this);
                          dialog.exec();
                      }},
                 {.text = tr("Export &Trace…"),
                  .objectName = QStringLiteral("exportTrace"),
                  .toolTip = tr("The trace on screen as Chrome trace JSON (Perfetto) or CSV"),
                  .triggered = [this] { exportTrace(); },
                  .store = &m_exportTrace},
                 separator,
                 {.text = tr("&Quit"),
                  .icon = QStringLiteral("application-exit"),
                  .keys = {QKeySequence::Quit},
                  .triggered = [this] { close(); },
                  .role = QAction::QuitRole},
             });

    ZoomHistory *zoom = m_view->zoom();
    fillMenu(menuBar()->addMenu(tr("&View")),
             {
                 {.existing = zoom->zoomInAction()},
                 {.existing = zoom->zoomOutAction()},
                 {.existing = zoom->fitAction()},
                 {.existing = zoom->backAction()},
                 separator,
                 {.text = tr("Show &GIL Holder Lane"),
                  .toggled = [this](bool on) { m_view->setShowHolderLanes(on); },
                  .checked = m_view->showHolderLanes(),
                  .store = &m_holderLanes},
                 {.text = tr("Show &Cores Lane"),
                  .toggled = [this](bool on) { m_view->setShowBusyLane(on); },
                  .checked = m_view->showBusyLane(),
                  .store = &m_busyLane},
                 {.build = [this](QMenu *view) { addColoursMenu(view); }},
                 separator,
                 {.existing = m_controlsDock->toggleViewAction()},
                 {.existing = m_metricsDock->toggleViewAction()},
                 {.existing = m_groupsDock->toggleViewAction()},
                 {.existing = m_play->toggleAction()},
                 separator,
                 {.text = tr("&Full Screen"),
                  .icon = QStringLiteral("view-fullscreen"),
                  .keys = {QKeySequence(Qt::Key_F11), QKeySequence::FullScreen},
                  .triggered = [this] { toggleFullScreen(); },
                  .checkable = true,
                  .store = &m_fullScreen},
             });

    fillMenu(menuBar()->addMenu(tr("&Simulation")),
             {
                 {.text = tr("&Run Again"),
                  .icon = QStringLiteral("view-refresh"),
                  .keys = {QKeySequence::Refresh},
                  .triggered =
                      [this] {
                          m_leaveTrace = true;
                          m_controller->rerun();
                      }},
                 {.text = tr("&Compare with Simulation"),
                  .keys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
                  .objectName = QStringLiteral("compareWithSimulationAction"),
                  .toolTip = tr("The trace shown above a simulation of its equivalent scenario "
                                "(same threads, interpreter, cores and switch interval)"),
                  .triggered = [this] { compareWithSimulation(); },
                  .store = &m_compareWithSimulation},
             });

    fillMenu(menuBar()->addMenu(tr("&Help")), {
                                                  {.text = tr("&Reading the Timeline"),
                                                   .icon = QStringLiteral("help-contents"),
                                                   .keys = {QKeySequence::HelpContents},
                                                   .objectName = QStringLiteral("helpAction"),
                                                   .triggered = [this] { showHelp(); },
                                                   .store = &m_help},
                                                  {.text = tr("&About GIL Scope"),
                                                   .objectName = QStringLiteral("aboutAction"),
                                                   .triggered = [this] { showAbout(); },
                                                   .role = QAction::AboutRole,
                                                   .store = &m_about},
                                              });
}

// Follow the desktop, light or dark: one checked choice, so an action group rather than a row.
void MainWindow::addColoursMenu(QMenu *view) {
    QMenu *colours = view->addMenu(tr("Co&lours"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<QString, TimelineView::ThemeMode> modes[] = {
        {tr("Follow the &Desktop"), TimelineView::ThemeMode::FollowPalette},
        {tr("&Light"), TimelineView::ThemeMode::Light},
        {tr("&Dark"), TimelineView::ThemeMode::Dark}};
    for (const auto &[label, mode] : modes) {
        QAction *a = colours->addAction(label);
        a->setCheckable(true);
        a->setData(static_cast<int>(mode));
        a->setChecked(mode == m_view->themeMode());
        m_themeGroup->addAction(a);
    }
    connect(m_themeGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        m_view->setThemeMode(static_cast<TimelineView::ThemeMode>(a->data().toInt()));
    });
}

void MainWindow::showHelp() {
    // Not modal: the chart stays usable while the key is open beside it.
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Reading the Timeline"),
        tr("<p>One row per thread, time left to right, as in David Beazley's GIL charts.</p>"
           "<p><b>Green</b>: running Python code (holds the GIL). <b>Pale</b>: waiting for the "
           "GIL. <b>Grey</b>: blocking I/O, GIL released. <b>Lavender</b>: runnable, no free "
           "core. <b>Blue</b>: starting.</p>"
           "<p>Thin lines: a <b>yellow</b> line is the first wake-up that found the GIL taken, "
           "<b>red</b> lines each further one in the same wait. Drop requests hang from the top "
           "of a row, forced hand-offs stand on its bottom.</p>"
           "<p>Where many events share a pixel, every state keeps its share of the pixel "
           "columns: a thread that runs 30 % of the time is green in 30 % of them. Hover a row "
           "to see the mix.</p>"
           "<p>Mouse wheel: zoom around the cursor. Drag: pan. Right-drag or Shift-drag: zoom to "
           "a range. Double-click: zoom in. Home: whole run. Backspace: back.</p>"),
        QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("helpBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::showAbout() {
    const QString version = QCoreApplication::applicationVersion();
    auto *box = new QMessageBox(
        QMessageBox::NoIcon, tr("About GIL Scope"),
        tr("<b>GIL Scope</b> %1<p>Simulates how Python threads are scheduled under the GIL and "
           "draws per-thread timelines.</p><p>Built with Qt %2.</p>")
            .arg(version.isEmpty() ? tr("(version unknown)") : tr("version %1").arg(version),
                 QString::fromLatin1(qVersion())),
        QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
}

void MainWindow::createStatusBar() {
    m_status->setObjectName(QStringLiteral("status"));
    m_events->setObjectName(QStringLiteral("eventCount"));
    m_simTime->setObjectName(QStringLiteral("simulatedTime"));
    m_runTime->setObjectName(QStringLiteral("runTime"));
    m_hover->setObjectName(QStringLiteral("hoverTime"));
    m_events->setToolTip(tr("Segments and marks in the trace"));
    m_simTime->setToolTip(tr("Simulated time until every thread is done"));
    m_runTime->setToolTip(tr("Wall-clock time to simulate and prepare the trace"));
    for (QLabel *l : {m_status, m_events, m_simTime, m_runTime, m_hover})
        l->setContentsMargins(8, 0, 8, 0);
    // Loading a big trace: how far, and a way out. The run on screen stays meanwhile.
    m_loadBar = new QProgressBar;
    m_loadBar->setObjectName(QStringLiteral("traceLoadProgress"));
    m_loadBar->setRange(0, 1000);
    m_loadBar->setMaximumWidth(200);
    m_loadBar->setTextVisible(false);
    m_cancelLoad = new QPushButton(tr("Cancel"));
    m_cancelLoad->setObjectName(QStringLiteral("cancelTraceLoad"));
    m_cancelLoad->setToolTip(tr("Stop opening the trace; the run on screen stays"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_loadBar, m_cancelLoad})
        w->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addWidget(m_loadBar);
    statusBar()->addWidget(m_cancelLoad);
    statusBar()->addPermanentWidget(m_hover);
    statusBar()->addPermanentWidget(m_events);
    statusBar()->addPermanentWidget(m_simTime);
    statusBar()->addPermanentWidget(m_runTime);
}

void MainWindow::connectTraceLoader() {
    m_loader = new TraceLoader(this);
    auto loading = [this](bool on) {
        m_loadBar->setVisible(on);
        m_cancelLoad->setVisible(on);
    };
    connect(m_cancelLoad, &QPushButton::clicked, m_loader, &TraceLoader::cancel);
    connect(m_loader, &TraceLoader::progress, this, [this, loading](int permille) {
        loading(true);
        m_loadBar->setValue(permille);
        m_status->setText(tr("Opening %1…").arg(QFileInfo(m_loader->path()).fileName()));
    });
    connect(m_loader, &TraceLoader::loaded, this,
            [this, loading](const core::PreparedRunPtr &run, const QString &path) {
                loading(false);
                showPreparedTrace(run, QFileInfo(path).absoluteFilePath());
                QSettings().setValue(QStringLiteral("files/lastDir"),
                                     QFileInfo(path).absolutePath());
                addRecentFile(QFileInfo(path).absoluteFilePath());
            });
    connect(m_loader, &TraceLoader::failed, this,
            [this, loading](const QString &path, const QString &message) {
                loading(false);
                m_status->setText(tr("Could not open %1").arg(QFileInfo(path).fileName()));
                QMessageBox::warning(this, tr("Cannot open"), message);
            });
    connect(m_loader, &TraceLoader::cancelled, this, [this, loading](const QString &path) {
        loading(false);
        m_status->setText(tr("Opening %1 cancelled").arg(QFileInfo(path).fileName()));
    });
}

void MainWindow::setScenario(const core::Scenario &scenario) {
    m_leaveTrace = true;
    m_fitPending = true;
    m_file.clear();
    setWindowModified(false);
    m_groupsEditor->selectGroup(-1); // a new start: the sliders act on every group again
    m_controls->setScenario(scenario);
    m_controller->setScenario(scenario);
    updateWindowTitle();
}

QString MainWindow::scenarioTitle() const {
    return core::scenarioTitle(m_controller->scenario());
}

bool MainWindow::openFile(const QString &path, QString *error) {
    bool trace = false;
    {
        // A trace is the largest input there is; a FIFO or a device is refused, not waited on.
        const auto data = core::mapInputFile(path, core::InputLimit::trace());
        if (!data.ok()) {
            if (error)
                *error = QString::fromStdString(data.error());
            return false;
        }
        trace = looksLikeTrace(
            data->view().first(std::min<qsizetype>(data->view().size(), 1 << 20)).toByteArray());
    }
    return trace ? openTraceFile(path, error) : openScenarioFile(path, error);
}

bool MainWindow::openScenarioFile(const QString &path, QString *error) {
    const core::ScenarioParse parsed = core::loadScenarioFile(path);
    if (!parsed.ok()) {
        if (error)
            *error = QString::fromStdString(parsed.error());
        return false;
    }
    setScenario(*parsed);
    m_file = QFileInfo(path).absoluteFilePath();
    updateWindowTitle();
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    addRecentFile(m_file);
    return true;
}

bool MainWindow::openTraceFile(const QString &path, QString *error) {
    if (QFileInfo(path).size() >= m_backgroundLoadBytes && QFileInfo(path).isFile()) {
        m_loader->load(path);
        return true;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::TraceLoad load = core::loadTraceFile(path);
    QApplication::restoreOverrideCursor();
    if (!load.ok()) {
        if (error)
            *error = QString::fromStdString(load.error());
        return false;
    }
    showTrace(load.value(), QFileInfo(path).absoluteFilePath());
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::showTrace(core::TracePtr trace, const QString &source) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::PreparedRunPtr result =
        *core::prepareRun(trace, QFileInfo(source).completeBaseName().toStdString());
    QApplication::restoreOverrideCursor();
    showPreparedTrace(result, source);
}

void MainWindow::showPreparedTrace(const core::PreparedRunPtr &result, const QString &source) {
    const core::TracePtr trace = result->tracePtr;
    m_traceMode = true;
    m_leaveTrace = false;
    m_traceFile = source;
    m_shown = result;
    m_view->setIndex(result->index);
    m_play->setIndex(result->index);
    m_view->setAnnotations({}); // the scenario's notes do not belong to a trace from a file
    m_view->xAxis->setLabel(timeAxisLabel(*trace));
    m_view->zoom()->zoomToFit(); // a new file starts whole, whatever the last run's zoom
    const QString name = QString::fromStdString(result->scenario.name);
    const QString kind = trace->interpreter == "recorded"
                             ? tr("recorded")
                             : QString::fromStdString(trace->interpreter + ", " + trace->executor);
    m_view->setTitle(tr("%1   ·   %2, %n core(s)   ·   %3", nullptr, trace->cores)
                         .arg(name, kind, QFileInfo(source).fileName()));
    m_view->setAccessibleFigures(metricsCaption(result->metrics));
    m_metrics->setResult(result);
    m_controls->setEnabled(false);
    m_groupsEditor->setEnabled(false);
    m_traceBanner->setText(
        tr("<b>Showing the trace %1.</b><br>The controls shape simulations, not a finished trace: "
           "they apply again when you pick a preset, open a scenario or simulate the scenario "
           "again.")
            .arg(QFileInfo(source).fileName().toHtmlEscaped()));
    m_traceBox->show();
    m_status->setText(
        trace->importNote.empty()
            ? tr("Trace from %1").arg(QFileInfo(source).fileName())
            : tr("Trace from %1: %2")
                  .arg(QFileInfo(source).fileName(), QString::fromStdString(trace->importNote)));
    m_events->setText(
        tr("%1 events").arg(QLocale().toString(static_cast<qulonglong>(trace->eventCount()))));
    m_simTime->setText(tr("%1 long").arg(formatDuration(static_cast<double>(trace->endNs), 4)));
    m_runTime->clear();
    updateWindowTitle();
    updateFileActions();
}

void MainWindow::leaveTraceMode() {
    if (!m_traceMode)
        return;
    m_traceMode = false;
    m_traceFile.clear();
    m_controls->setEnabled(true);
    m_groupsEditor->setEnabled(true);
    m_traceBox->hide();
    m_status->clear();
    updateWindowTitle();
    updateFileActions();
}

bool MainWindow::saveScenarioFile(const QString &path, QString *error) {
    QString why;
    const core::Scenario &scenario = m_controller->scenario();
    QByteArray json = core::scenarioToJson(scenario);
    if (!scenario.machine.empty()) {
        // Saved on a machine profile: the file follows the profile, not today's copy of it.
        const auto machine = core::MachineProfileStore::standard()
                                 .lookingFirstIn(QFileInfo(path).absolutePath())
                                 .find(scenario.machine);
        if (machine.ok())
            json = core::scenarioToJson(scenario, *machine);
    }
    if (!writeFileAtomically(path, json, &why)) {
        if (error)
            *error = why;
        return false;
    }
    m_file = QFileInfo(path).absoluteFilePath();
    setWindowModified(false);
    updateWindowTitle();
    addRecentFile(m_file);
    return true;
}

bool MainWindow::exportTraceFile(const QString &path, QString *error) const {
    const auto &index = m_view->index();
    if (!index) {
        if (error)
            *error = tr("There is no trace to export yet");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv") &&
        suffix != QLatin1String("pftrace")) {
        if (error)
            *error = tr("%1: unknown trace format: use .json (Chrome trace, opens in Perfetto), "
                        ".pftrace (Perfetto's own) or .csv")
                         .arg(path);
        return false;
    }
    // Streamed, like the command line's --trace: memory stays bounded whatever the trace's size.
    const core::Trace &trace = index->trace();
    const auto written = core::streamOutputFile(path, [&](core::ByteSink &sink) {
        if (suffix == QLatin1String("csv"))
            core::writeCsv(trace, sink);
        else
            core::writeTrace(trace, core::traceFormatForPath(path), sink);
    });
    if (!written.ok() && error)
        *error = QString::fromStdString(written.error());
    return written.ok();
}

ExportDialog::Source MainWindow::exportSource() const {
    ExportDialog::Source s;
    s.index = m_view->index();
    s.visible = m_view->zoom()->window();
    s.screenTheme = m_view->theme();
    // "As on screen": the window's colours and proportions, type and rows scaled up from the
    // chart's height on screen to the export's.
    s.screenTheme.layoutHeight = std::max(360, m_view->height());
    s.screenTheme.marginPx = 12;
    s.title = m_view->title();
    s.caption = m_shown ? metricsCaption(m_shown->metrics) : QString();
    s.baseName =
        m_traceMode ? QFileInfo(m_traceFile).completeBaseName() : fileSlug(scenarioTitle());
    s.holderLanes = m_view->showHolderLanes();
    s.busyLane = m_view->showBusyLane();
    s.annotations = m_view->annotations();
    return s;
}

void MainWindow::keepAnnotations(const std::vector<core::Annotation> &annotations) {
    if (m_traceMode)
        return; // on screen and in exports only: a trace file has no scenario to keep them in
    m_controls->setAnnotations(annotations);
    m_controller->setAnnotations(annotations);
    setWindowModified(true);
    updateWindowTitle();
}

void MainWindow::exportImage() {
    if (!m_view->index())
        return;
    ExportDialog dialog(exportSource(), this);
    dialog.exec();
}

void MainWindow::exportTrace() {
    if (!m_view->index())
        return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/lastDir")).toString();
    const QString base = m_traceMode
                             ? QFileInfo(m_traceFile).completeBaseName() + QStringLiteral("-export")
                             : fileSlug(scenarioTitle());
    // (filter, extension): the filter last used comes first.
    const QList<std::pair<QString, QString>> formats = {
        {tr("Chrome trace JSON, opens in Perfetto (*.json)"), QStringLiteral("json")},
        {tr("Perfetto protobuf trace, about a fifth the size (*.pftrace)"),
         QStringLiteral("pftrace")},
        {tr("CSV, one line per segment (*.csv)"), QStringLiteral("csv")}};
    const QString last = settings.value(QStringLiteral("files/traceFilter")).toString();
    QString filter = formats.front().first, extension = formats.front().second;
    QStringList filters;
    for (const auto &[name, ext] : formats) {
        filters << name;
        if (ext == last)
            std::tie(filter, extension) = std::pair(name, ext);
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Export Trace"),
                                                QDir(dir).filePath(base + '.' + extension),
                                                filters.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    for (const auto &[name, ext] : formats)
        if (name == filter)
            extension = ext;
    if (QFileInfo(path).suffix().isEmpty())
        path += '.' + extension;
    settings.setValue(QStringLiteral("files/traceFilter"), extension);
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportTraceFile(path, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Cannot export the trace"), error);
}

QStringList MainWindow::recentFiles() const {
    return QSettings().value(QStringLiteral("files/recent")).toStringList();
}

void MainWindow::addRecentFile(const QString &path) {
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    int n = 0;
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(
            tr("&%1  %2").arg(++n).arg(QFileInfo(path).fileName()), this, [this, path] {
                QString error;
                if (openFile(path, &error))
                    return;
                if (!QFileInfo::exists(path)) {
                    QStringList rest = recentFiles();
                    rest.removeAll(path);
                    QSettings().setValue(QStringLiteral("files/recent"), rest);
                }
                QMessageBox::warning(this, tr("Cannot open"), error);
            });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
            QSettings().remove(QStringLiteral("files/recent"));
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateFileActions() {
    m_save->setEnabled(!m_traceMode);
    m_saveAs->setEnabled(!m_traceMode);
    m_compareWithSimulation->setEnabled(m_traceMode);
    const bool shown = m_view->index() != nullptr;
    m_exportImage->setEnabled(shown);
    m_exportTrace->setEnabled(shown);
}

RecordDialog *MainWindow::recordDialog() {
    if (!m_recordDialog) {
        m_recordDialog = new RecordDialog(this);
        connect(m_recordDialog, &RecordDialog::traceRecorded, this, &MainWindow::openRecording);
        connect(m_recordDialog, &RecordDialog::liveTrace, this,
                [this](core::TracePtr trace, const QString &label) { showTrace(trace, label); });
    }
    return m_recordDialog;
}

AttachDialog *MainWindow::attachDialog() {
    if (!m_attachDialog) {
        m_attachDialog = new AttachDialog(this);
        // The timeline grows while it samples; the finished trace then opens like any file.
        connect(m_attachDialog, &AttachDialog::liveTrace, this,
                [this](core::TracePtr trace, const QString &label) { showTrace(trace, label); });
        connect(m_attachDialog, &AttachDialog::traceRecorded, this, &MainWindow::openRecording);
    }
    return m_attachDialog;
}

void MainWindow::showAttachDialog() {
    AttachDialog *dialog = attachDialog();
    dialog->refresh();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showRecordDialog() {
    RecordDialog *dialog = recordDialog();
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::openRecording(const QString &path, const QString &note) {
    QString error;
    if (!openTraceFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open the recording"), error);
        return;
    }
    if (!note.isEmpty())
        m_status->setText(note);
}

CompareView *MainWindow::compareWithSimulation() {
    if (!m_traceMode || !m_shown)
        return nullptr;
    if (!m_recordingCompare) {
        m_recordingCompare = new CompareView(this);
        m_recordingCompare->setWindowFlag(Qt::Window, true);
    }
    const QString file = QFileInfo(m_traceFile).fileName();
    const QString label = recordedRunLabel(m_shown->trace(), file);
    m_recordingCompare->setWindowTitle(tr("%1 and its Simulation — GIL Scope").arg(file));
    m_recordingCompare->setWindowScenario(m_controller->scenario());
    m_recordingCompare->setResultA(recordedRun(*m_shown, label), label);
    m_recordingCompare->setScenarioB(simulatedEquivalent(m_shown->trace()),
                                     tr("Simulated equivalent"));
    m_recordingCompare->show();
    m_recordingCompare->raise();
    m_recordingCompare->activateWindow();
    return m_recordingCompare;
}

void MainWindow::open() {
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Scenario or Trace"), dir,
                                     tr("Scenarios and traces (*.json *.pftrace);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openFile(path, &error))
        QMessageBox::warning(this, tr("Cannot open"), error);
}

bool MainWindow::nameScenario() {
    core::Scenario s = m_controller->scenario();
    const QString title = core::scenarioTitle(s);
    if (title == QString::fromStdString(s.name))
        return true;
    QString name = title;
    if (core::isEditedPreset(s)) {
        const std::optional<QString> answer = m_prompts.name(title);
        if (!answer)
            return false;
        if (!answer->trimmed().isEmpty())
            name = answer->trimmed();
    }
    s.name = name.toStdString();
    if (core::isEditedPreset(s)) // the preset's own name again: it would go stale at once
        s.name = tr("%1 (edited)").arg(name).toStdString();
    // The controller simulates the renamed scenario again (the same run): the chart's title
    // comes with it.
    m_controls->setScenario(s);
    m_controller->setScenario(s);
    updateWindowTitle();
    return true;
}

bool MainWindow::save() {
    if (m_traceMode)
        return false;
    if (m_file.isEmpty())
        return saveAs();
    if (!nameScenario())
        return false;
    QString error;
    if (!saveScenarioFile(m_file, &error)) {
        QMessageBox::warning(this, tr("Cannot save scenario"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs() {
    if (m_traceMode)
        return false;
    if (!nameScenario())
        return false;
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    const QString suggested =
        // .gilscope.json: the file manager then knows it as a GIL Scope scenario (its MIME type).
        m_file.isEmpty()
            ? QDir(dir).filePath(fileSlug(scenarioTitle()) + QStringLiteral(".gilscope.json"))
            : m_file;
    const QString answer = m_prompts.path(suggested);
    if (answer.isEmpty())
        return false;
    const QString path = withJsonSuffix(answer);
    QString error;
    if (!saveScenarioFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save scenario"), error);
        return false;
    }
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    return true;
}

void MainWindow::showResult(const core::PreparedRunPtr &result) {
    if (m_traceMode) {
        // A trace from a file stays until a simulation is asked for; a run that was already
        // under way when it opened is not that.
        if (!m_leaveTrace)
            return;
        leaveTraceMode();
    }
    m_shown = result;
    m_view->setIndex(result->index);
    m_play->setIndex(result->index);
    if (m_fitPending) {
        // A new scenario starts whole, whatever the last one's zoom; an edit keeps the zoom.
        m_view->zoom()->zoomToFit();
        m_fitPending = m_controller->isBusy(); // a run of the new scenario is still to come
    }
    m_view->setAnnotations(m_controller->scenario().annotations);
    m_view->xAxis->setLabel(timeAxisLabel(result->trace()));
    m_view->setTitle(core::scenarioHeadline(result->scenario));
    m_view->setAccessibleFigures(metricsCaption(result->metrics));
    m_metrics->setResult(result);
    m_controls->setError(QString());
    m_groupsEditor->setRunError(QString());
    const auto &trace = result->trace();
    m_events->setText(
        tr("%1 events").arg(QLocale().toString(static_cast<qulonglong>(trace.eventCount()))));
    m_simTime->setText(tr("simulated %1").arg(formatDuration(static_cast<double>(trace.endNs), 4)));
    m_runTime->setText(
        tr("computed in %1")
            .arg(formatDuration((result->simulateMs + result->indexMs + result->metricsMs) * 1e6)));
    updateFileActions();
}

void MainWindow::showError(const QString &message) {
    if (m_traceMode && !m_leaveTrace)
        return;
    m_controls->setError(message);
    m_groupsEditor->setRunError(message);
    m_status->setText(tr("Cannot simulate: %1").arg(message));
}

void MainWindow::showBusy(bool busy) {
    if (m_traceMode)
        return;
    m_status->setText(busy ? tr("Simulating…") : QString());
}

void MainWindow::showHoverTime(double ns) {
    if (std::isnan(ns) || !m_view->index()) {
        m_hover->clear();
        return;
    }
    const double resolution =
        m_view->zoom()->window().span() / std::max(1, m_view->axisRect()->width());
    m_hover->setText(tr("t = %1").arg(formatTimestamp(ns, std::max(1.0, resolution))));
}

void MainWindow::toggleFullScreen() {
    if (isFullScreen())
        showNormal();
    else
        showFullScreen();
    m_fullScreen->setChecked(isFullScreen());
}

void MainWindow::updateWindowTitle() {
    QString name = m_traceMode        ? QFileInfo(m_traceFile).fileName()
                   : m_file.isEmpty() ? scenarioTitle()
                                      : QFileInfo(m_file).fileName();
    setWindowTitle(tr("%1[*] — GIL Scope").arg(name));
}

void MainWindow::readSettings() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainwindow/geometry")).toByteArray());
    if (!settings.contains(QStringLiteral("mainwindow/geometry")))
        resize(1500, 900);
    restoreState(settings.value(QStringLiteral("mainwindow/state")).toByteArray());
    const int mode = settings.value(QStringLiteral("view/theme"), 0).toInt();
    for (QAction *a : m_themeGroup->actions())
        if (a->data().toInt() == mode) {
            a->setChecked(true);
            m_view->setThemeMode(static_cast<TimelineView::ThemeMode>(mode));
        }
    m_holderLanes->setChecked(settings.value(QStringLiteral("view/holderLanes"), true).toBool());
    m_busyLane->setChecked(settings.value(QStringLiteral("view/busyLane"), true).toBool());
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("mainwindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainwindow/state"), saveState());
    settings.setValue(QStringLiteral("view/theme"), static_cast<int>(m_view->themeMode()));
    settings.setValue(QStringLiteral("view/holderLanes"), m_view->showHolderLanes());
    settings.setValue(QStringLiteral("view/busyLane"), m_view->showBusyLane());
    // The scenario comes back at the next start as it was left, saved or not.
    settings.setValue(QStringLiteral("session/scenario"),
                      core::scenarioToJson(m_controller->scenario()));
    settings.setValue(QStringLiteral("session/file"), m_file);
    settings.setValue(QStringLiteral("session/modified"), isWindowModified());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    writeSettings();
    QMainWindow::closeEvent(event);
}

} // namespace gilscope::ui
