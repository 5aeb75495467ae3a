#include "mainwindow.h"

#include "controlspanel.h"
#include "metricspanel.h"
#include "presets.h"
#include "scenariojson.h"
#include "simulationcontroller.h"
#include "timeformat.h"
#include "timelineview.h"
#include "zoomhistory.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>

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

QString interpreterName(core::Interpreter i) {
    switch (i) {
    case core::Interpreter::LegacyGil:
        return QObject::tr("legacy GIL");
    case core::Interpreter::Gil:
        return QObject::tr("3.2+ GIL");
    case core::Interpreter::FreeThreaded:
        return QObject::tr("free-threaded");
    }
    return {};
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
    createMenus();
    createStatusBar();

    connect(m_controls, &ControlsPanel::scenarioEdited, m_controller,
            &SimulationController::setScenario);
    connect(m_controller, &SimulationController::resultReady, this, &MainWindow::showResult);
    connect(m_controller, &SimulationController::failed, this, &MainWindow::showError);
    connect(m_controller, &SimulationController::busyChanged, this, &MainWindow::showBusy);
    connect(m_controls, &ControlsPanel::scenarioEdited, this, [this] {
        setWindowModified(true);
        updateWindowTitle();
    });
    connect(m_view, &TimelineView::themeChanged, m_metrics, &MetricsPanel::setTheme);
    connect(m_view, &TimelineView::hoverTimeChanged, this, &MainWindow::showHoverTime);
    m_metrics->setTheme(m_view->theme());

    readSettings();

    std::string error;
    auto preset = core::loadPreset(kDefaultPreset, &error);
    setScenario(preset ? *preset : fallbackScenario());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    m_controlsDock = new QDockWidget(tr("Controls"), this);
    m_controlsDock->setObjectName(QStringLiteral("controlsDock"));
    m_controlsDock->setWidget(m_controls);
    m_controlsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_controlsDock);

    m_metricsDock = new QDockWidget(tr("Metrics"), this);
    m_metricsDock->setObjectName(QStringLiteral("metricsDock"));
    m_metricsDock->setWidget(m_metrics);
    m_metricsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea |
                                   Qt::BottomDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_metricsDock);
    resizeDocks({m_controlsDock, m_metricsDock}, {330, 330}, Qt::Horizontal);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")),
                                    tr("&Open Scenario…"), this, &MainWindow::open);
    open->setShortcut(QKeySequence::Open);
    QAction *save = file->addAction(QIcon::fromTheme(QStringLiteral("document-save")),
                                    tr("&Save Scenario"), this, &MainWindow::save);
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")),
                                      tr("Save Scenario &As…"), this, &MainWindow::saveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")),
                                    tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    ZoomHistory *zoom = m_view->zoom();
    view->addAction(zoom->zoomInAction());
    view->addAction(zoom->zoomOutAction());
    view->addAction(zoom->fitAction());
    view->addAction(zoom->backAction());
    view->addSeparator();
    m_holderLanes = view->addAction(tr("Show &GIL Holder Lane"));
    m_holderLanes->setCheckable(true);
    m_holderLanes->setChecked(m_view->showHolderLanes());
    connect(m_holderLanes, &QAction::toggled, m_view, &TimelineView::setShowHolderLanes);
    m_busyLane = view->addAction(tr("Show &Cores Lane"));
    m_busyLane->setCheckable(true);
    m_busyLane->setChecked(m_view->showBusyLane());
    connect(m_busyLane, &QAction::toggled, m_view, &TimelineView::setShowBusyLane);
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
    view->addSeparator();
    view->addAction(m_controlsDock->toggleViewAction());
    view->addAction(m_metricsDock->toggleViewAction());
    view->addSeparator();
    m_fullScreen =
        view->addAction(QIcon::fromTheme(QStringLiteral("view-fullscreen")), tr("&Full Screen"));
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence::FullScreen});
    connect(m_fullScreen, &QAction::triggered, this, &MainWindow::toggleFullScreen);

    QMenu *simulation = menuBar()->addMenu(tr("&Simulation"));
    QAction *rerun =
        simulation->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Run Again"),
                              m_controller, &SimulationController::rerun);
    rerun->setShortcut(QKeySequence::Refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Reading the Timeline"), this, [this] {
        QMessageBox::information(
            this, tr("Reading the timeline"),
            tr("<p>One row per thread, time left to right, as in David Beazley's GIL charts.</p>"
               "<p><b>Green</b>: running Python code (holds the GIL). <b>Pale</b>: waiting for the "
               "GIL. "
               "<b>Grey</b>: blocking I/O, GIL released. <b>Lavender</b>: runnable, no free core. "
               "<b>Blue</b>: starting.</p>"
               "<p>Thin lines: a <b>yellow</b> line is the first wake-up that found the GIL taken, "
               "<b>red</b> lines each further one in the same wait. Drop requests hang from the "
               "top of a "
               "row, forced hand-offs stand on its bottom.</p>"
               "<p>Where many events share a pixel, the pixel shows the state that covers most of "
               "its "
               "time; hover it to see the mix.</p>"
               "<p>Mouse wheel: zoom around the cursor. Drag: pan. Right-drag or Shift-drag: zoom "
               "to a "
               "range. Double-click: zoom in. Home: whole run. Backspace: back.</p>"));
    });
    help->addAction(tr("&About GIL Scope"), this, [this] {
        QMessageBox::about(
            this, tr("About GIL Scope"),
            tr("<b>GIL Scope</b><p>Simulates how Python threads are scheduled under the GIL "
               "and draws per-thread timelines.</p>"));
    });
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
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_hover);
    statusBar()->addPermanentWidget(m_events);
    statusBar()->addPermanentWidget(m_simTime);
    statusBar()->addPermanentWidget(m_runTime);
}

void MainWindow::setScenario(const core::Scenario &scenario) {
    m_controls->setScenario(scenario);
    m_controller->setScenario(scenario);
    updateWindowTitle();
}

bool MainWindow::openScenarioFile(const QString &path, QString *error) {
    const core::ScenarioParse parsed = core::loadScenarioFile(path);
    if (!parsed.ok()) {
        if (error)
            *error = QString::fromStdString(parsed.error);
        return false;
    }
    m_file = QFileInfo(path).absoluteFilePath();
    setScenario(*parsed.scenario);
    setWindowModified(false);
    updateWindowTitle();
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    return true;
}

bool MainWindow::saveScenarioFile(const QString &path, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(core::scenarioToJson(m_controller->scenario())) < 0 || !file.commit()) {
        if (error)
            *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    m_file = QFileInfo(path).absoluteFilePath();
    setWindowModified(false);
    updateWindowTitle();
    return true;
}

void MainWindow::open() {
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), dir,
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openScenarioFile(path, &error))
        QMessageBox::warning(this, tr("Cannot open scenario"), error);
}

bool MainWindow::save() {
    if (m_file.isEmpty())
        return saveAs();
    QString error;
    if (!saveScenarioFile(m_file, &error)) {
        QMessageBox::warning(this, tr("Cannot save scenario"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs() {
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"), dir,
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!saveScenarioFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save scenario"), error);
        return false;
    }
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    return true;
}

void MainWindow::showResult(const SimulationResultPtr &result) {
    m_view->setIndex(result->index);
    const auto &s = result->scenario;
    m_view->setTitle(tr("%1   ·   %2, %3, %n core(s)", nullptr, s.cores)
                         .arg(QString::fromStdString(s.name), interpreterName(s.interpreter),
                              QString::fromUtf8(core::toString(s.executor).data())));
    m_metrics->setResult(result);
    m_controls->setError(QString());
    const auto &trace = result->trace();
    m_events->setText(
        tr("%1 events").arg(QLocale().toString(static_cast<qulonglong>(trace.eventCount()))));
    m_simTime->setText(tr("simulated %1").arg(formatDuration(static_cast<double>(trace.endNs), 4)));
    m_runTime->setText(
        tr("computed in %1")
            .arg(formatDuration((result->simulateMs + result->indexMs + result->metricsMs) * 1e6)));
}

void MainWindow::showError(const QString &message) {
    m_controls->setError(message);
    m_status->setText(tr("Cannot simulate: %1").arg(message));
}

void MainWindow::showBusy(bool busy) {
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
    QString name = m_file.isEmpty() ? QString::fromStdString(m_controller->scenario().name)
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
}

void MainWindow::closeEvent(QCloseEvent *event) {
    writeSettings();
    QMainWindow::closeEvent(event);
}

} // namespace gilscope::ui
