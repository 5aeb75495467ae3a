#include "lessons/lessons.h"

#include "catalog/presets.h"
#include "compare/advisorpanel.h"
#include "compare/compareview.h"
#include "compare/sweeppanel.h"
#include "lessons/gallerypage.h"
#include "lessons/lessonscatalog.h"
#include "play/playmode.h"
#include "play/playstories.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QEvent>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>

#include <utility>

namespace gilscope::ui {

namespace {

// The window's scenario on another interpreter: what to compare against when no preset pairs.
core::Scenario otherInterpreter(core::Scenario s) {
    switch (s.interpreter) {
    case core::Interpreter::LegacyGil:
        s.interpreter = core::Interpreter::Gil;
        break;
    case core::Interpreter::Gil:
        s.interpreter = core::Interpreter::FreeThreaded;
        break;
    case core::Interpreter::FreeThreaded:
        s.interpreter = core::Interpreter::Gil;
        break;
    }
    return s;
}

QAction *menuNamed(QMenuBar *bar, const QString &plainTitle) {
    for (QAction *a : bar->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')) == plainTitle)
            return a;
    return nullptr;
}

} // namespace

Lessons::Lessons(MainWindow &window)
    : QObject(&window)
    , m_window(window)
    , m_menu(new QMenu(tr("&Lessons"), &window))
    , m_advisor(new AdvisorPanel)
    , m_sweep(new SweepPanel)
    , m_advisorDock(new QDockWidget(tr("Advisor"), &window))
    , m_sweepDock(new QDockWidget(tr("Sweep"), &window)) {
    setObjectName(QStringLiteral("lessons"));
    m_menu->setObjectName(QStringLiteral("lessonsMenu"));

    m_galleryAction = m_menu->addAction(tr("Preset &Gallery"), this, [this] {
        if (isGalleryShown())
            showTimeline();
        else
            showGallery();
    });
    m_galleryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_galleryAction->setToolTip(
        tr("Every preset with what to look for and the figure it reproduces"));
    // Every preset straight from the menu, in the chapters of the gallery.
    m_presetsMenu = m_menu->addMenu(tr("Open &Preset"));
    m_presetsMenu->setObjectName(QStringLiteral("presetsMenu"));
    m_presetsMenu->setToolTipsVisible(true);
    const QStringList chapters = lessonSections();
    int chapter = -1;
    for (const LessonPreset &p : lessonPresets()) {
        if (p.section != chapter) {
            chapter = p.section;
            m_presetsMenu->addSection(chapters.value(chapter));
        }
        QAction *open = m_presetsMenu->addAction(
            p.referenceTag.isEmpty() ? p.title
                                     : QStringLiteral("%1  ·  %2").arg(p.referenceTag, p.title));
        open->setData(p.id);
        open->setToolTip(p.lookFor);
        connect(open, &QAction::triggered, this,
                [this, scenario = p.scenario] { openPreset(scenario); });
    }
    m_menu->addSeparator();
    m_compareAction =
        m_menu->addAction(tr("&Compare Scenarios…"), this, qOverload<>(&Lessons::showCompare));
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_compareAction->setToolTip(
        tr("Two runs stacked on one time axis, with their figures side by side"));
    m_advisorAction = m_menu->addAction(tr("&Advisor"), this, &Lessons::showAdvisor);
    m_advisorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_advisorAction->setToolTip(
        tr("This workload under every executor and interpreter: which fits best?"));
    m_sweepAction = m_menu->addAction(tr("S&weep"), this, &Lessons::showSweep);
    m_sweepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_sweepAction->setToolTip(
        tr("Makespan, speed-up and I/O latency against thread count or switch interval"));
    m_menu->addSeparator();
    QAction *startup = m_menu->addAction(tr("Show Gallery at &Startup"));
    startup->setObjectName(QStringLiteral("startPageAction"));
    startup->setCheckable(true);
    startup->setChecked(startPageEnabled());
    connect(startup, &QAction::toggled, this, &Lessons::setStartPageEnabled);
    connect(m_menu, &QMenu::aboutToShow, startup,
            [startup] { startup->setChecked(startPageEnabled()); });

    QMenuBar *bar = window.menuBar();
    if (QAction *help = menuNamed(bar, tr("Help")))
        bar->insertMenu(help, m_menu);
    else
        bar->addMenu(m_menu);

    const std::pair<QDockWidget *, QWidget *> docks[] = {{m_advisorDock, m_advisor},
                                                         {m_sweepDock, m_sweep}};
    for (const auto &[dock, panel] : docks) {
        dock->setObjectName(dock == m_advisorDock ? QStringLiteral("advisorDock")
                                                  : QStringLiteral("sweepDock"));
        dock->setWidget(panel);
        dock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->hide();
    }
    window.tabifyDockWidget(m_advisorDock, m_sweepDock);
    // A panel computes only while it is on screen, and then follows the window's scenario.
    connect(m_advisorDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_advisor->setScenario(m_window.controller()->scenario());
    });
    connect(m_sweepDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_sweep->setScenario(m_window.controller()->scenario());
    });
    connect(window.controller(), &SimulationController::resultReady, this, &Lessons::followWindow);
    connect(m_advisor, &AdvisorPanel::runChosen, this, &Lessons::openPreset);
    connect(m_sweep, &SweepPanel::valueChosen, this, &Lessons::openPreset);
    connect(window.timeline(), &TimelineView::themeChanged, m_advisor, &AdvisorPanel::setTheme);
    connect(window.timeline(), &TimelineView::themeChanged, m_sweep, &SweepPanel::setTheme);
    m_advisor->setTheme(window.timeline()->theme());
    m_sweep->setTheme(window.timeline()->theme());
    // Before the window saves its layout on closing, the docks the gallery hid come back.
    window.installEventFilter(this);
}

bool Lessons::eventFilter(QObject *watched, QEvent *event) {
    if (watched == &m_window && event->type() == QEvent::Close)
        restoreDocks();
    return QObject::eventFilter(watched, event);
}

void Lessons::restoreDocks() {
    for (const QPointer<QDockWidget> &dock : std::as_const(m_hiddenDocks))
        if (dock)
            dock->show();
    m_hiddenDocks.clear();
}

Lessons::~Lessons() = default;

bool Lessons::startPageEnabled() {
    return QSettings().value(QLatin1String(kStartPageSetting), true).toBool();
}

void Lessons::setStartPageEnabled(bool enabled) {
    QSettings().setValue(QLatin1String(kStartPageSetting), enabled);
}

void Lessons::followWindow() {
    const core::Scenario &s = m_window.controller()->scenario();
    if (m_advisorDock->isVisible())
        m_advisor->setScenario(s);
    if (m_sweepDock->isVisible())
        m_sweep->setScenario(s);
}

void Lessons::ensureStack() {
    if (m_stack)
        return;
    // The gallery takes the timeline's place; the timeline widget itself stays the same object.
    m_gallery = new GalleryPage;
    m_gallery->setBackVisible(true);
    m_gallery->startupCheckBox()->setChecked(startPageEnabled());
    connect(m_gallery->startupCheckBox(), &QCheckBox::toggled, this, &Lessons::setStartPageEnabled);
    connect(m_gallery, &GalleryPage::presetOpened, this,
            [this](const QString &, const core::Scenario &scenario) { openPreset(scenario); });
    connect(m_gallery, &GalleryPage::compareRequested, this,
            [this](const QString &a, const QString &b) { showCompare(a, b); });
    connect(m_gallery, &GalleryPage::backRequested, this, &Lessons::showTimeline);
    connect(m_gallery, &GalleryPage::playRequested, this, &Lessons::playPreset);
    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("lessonsStack"));
    QWidget *central = m_window.takeCentralWidget();
    if (central)
        m_stack->addWidget(central);
    m_stack->addWidget(m_gallery);
    m_window.setCentralWidget(m_stack);
}

GalleryPage *Lessons::gallery() {
    ensureStack();
    return m_gallery;
}

bool Lessons::isGalleryShown() const {
    return m_stack && m_stack->currentWidget() == m_gallery;
}

void Lessons::showGallery() {
    const bool shown = isGalleryShown();
    ensureStack();
    m_gallery->startupCheckBox()->setChecked(startPageEnabled());
    // The page gets the whole window; the docks return with the timeline.
    if (!shown)
        for (QDockWidget *dock :
             m_window.findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly))
            if (dock->isVisible() && !dock->isFloating()) {
                m_hiddenDocks << dock;
                dock->hide();
            }
    m_stack->setCurrentWidget(m_gallery);
    m_gallery->setFocus();
}

void Lessons::showTimeline() {
    if (!m_stack)
        return;
    m_stack->setCurrentWidget(m_window.timeline());
    restoreDocks();
    m_window.timeline()->setFocus();
}

void Lessons::openPreset(const core::Scenario &scenario) {
    m_window.setScenario(scenario);
    showTimeline();
}

void Lessons::playPreset(const QString &id, const core::Scenario &scenario) {
    const auto story = playStoryFor(id);
    openPreset(scenario);
    if (!story)
        return;
    // The run arrives later: play the first one of this scenario to be shown (MainWindow shows
    // it first, being connected first).
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_window.controller(), &SimulationController::resultReady, this,
                    [this, once, story, name = scenario.name](const core::PreparedRunPtr &run) {
                        if (!run || run->scenario.name != name)
                            return;
                        disconnect(*once);
                        if (const auto range = playStoryRange(*story, run->trace()))
                            m_window.playMode()->playRange(*range, story->seconds);
                    });
}

CompareView *Lessons::compare() {
    if (!m_compare) {
        m_compare = new CompareView(&m_window);
        m_compare->setWindowFlag(Qt::Window, true);
    }
    return m_compare;
}

void Lessons::showCompare() {
    CompareView *view = compare();
    const core::Scenario current = m_window.controller()->scenario();
    view->setWindowScenario(current);
    view->setScenarioA(current);
    const QString counterpart = counterpartPreset(presetIdForName(current.name));
    const auto other = counterpart.isEmpty()
                           ? core::Result<core::Scenario>(core::Error{"no counterpart"})
                           : core::loadPreset(counterpart.toStdString());
    if (other) {
        view->setScenarioB(*other);
    } else {
        const core::Scenario b = otherInterpreter(current);
        view->setScenarioB(
            b, tr("The window's scenario on the %1").arg(core::interpreterTitle(b.interpreter)));
    }
    view->show();
    view->raise();
    view->activateWindow();
}

void Lessons::showCompare(const QString &presetA, const QString &presetB) {
    CompareView *view = compare();
    view->setWindowScenario(m_window.controller()->scenario());
    view->setPresets(presetA, presetB);
    view->show();
    view->raise();
    view->activateWindow();
}

void Lessons::showDock(QDockWidget *dock) {
    showTimeline();
    dock->show();
    dock->raise();
    if (!m_docksSized) {
        // Bar charts need height: the first time, the docks take close to half the window.
        m_docksSized = true;
        m_window.resizeDocks({dock}, {std::max(420, m_window.height() * 9 / 20)}, Qt::Vertical);
    }
}

void Lessons::showAdvisor() {
    showDock(m_advisorDock);
    m_advisor->setScenario(m_window.controller()->scenario());
}

void Lessons::showSweep() {
    showDock(m_sweepDock);
    m_sweep->setScenario(m_window.controller()->scenario());
}

} // namespace gilscope::ui
