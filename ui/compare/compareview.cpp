#include "compare/compareview.h"

#include "export/timelineexporter.h"
#include "slide/titlefit.h"

#include "catalog/presets.h"
#include "lessons/lessonscatalog.h"
#include "record/recordedrun.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "scenario/scenariolabels.h"
#include "scenario/scenariotitle.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"
#include "window/simulationcontroller.h"

#include <QAction>
#include <QBuffer>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gilscope::ui {

namespace {

const QString kWindowEntry = QStringLiteral("window:");
const QString kFileEntry = QStringLiteral("file:");
const QString kOpenEntry = QStringLiteral("open:");
const QString kOfferedEntry = QStringLiteral("offered:");

constexpr double kTopShare = 0.46;    // A's share of the height in exports (B carries the legend)
constexpr double kLayoutHeight = 720; // exports are laid out at this height, then scaled

QColor sideColour(bool b) {
    return b ? QColor(0xc2, 0x5b, 0x00) : QColor(0x1a, 0x5f, 0xb4);
}

// What a run is called: a recording by its label, a simulation by what it is now (an edited
// preset is not titled with the preset's name).
QString runTitle(const core::PreparedRun &run) {
    return run.recorded ? QString::fromStdString(run.scenario.name)
                        : core::scenarioTitle(run.scenario);
}

QString viewTitle(const QString &side, const core::PreparedRun &run) {
    const core::Scenario &s = run.scenario;
    const QString what =
        run.recorded
            ? QStringLiteral("%1   ·   %2, %3, %4")
                  .arg(runTitle(run), core::interpreterTitle(s.interpreter),
                       core::executorTitle(s.executor),
                       s.cores == 1 ? QObject::tr("1 core") : QObject::tr("%1 cores").arg(s.cores))
            : core::scenarioHeadline(s);
    return QStringLiteral("%1  ·  %2").arg(side, what);
}

QColor verdictColour(int verdict, const TimelineTheme &theme) {
    if (verdict > 0)
        return theme.dark ? QColor(0x3f, 0xbf, 0x5a) : QColor(0x1e, 0x8e, 0x3e);
    if (verdict < 0)
        return theme.dark ? QColor(0xff, 0x6b, 0x5f) : QColor(0xc5, 0x22, 0x1f);
    return theme.axis;
}

// A legend takes room only in the lower timeline: the two share one.
void dropLegend(TimelineView *view) {
    if (view->plotLayout()->take(view->legend))
        view->plotLayout()->simplify();
    view->legend->setVisible(false);
}

QString headlineFor(const std::vector<CompareRow> &rows) {
    if (rows.empty())
        return {};
    const CompareRow &m = rows.front(); // makespan
    const double r = m.ratio();
    if (std::isnan(r))
        return {};
    const auto work = std::find_if(rows.begin(), rows.end(), [](const CompareRow &row) {
        return row.key == QLatin1String("work");
    });
    const double w = work != rows.end() ? work->ratio() : 1.0;
    QString text;
    if (!std::isnan(w) && std::abs(w - 1) > 0.02)
        text = QObject::tr("B does %1× A's work in %2× the time")
                   .arg(w, 0, 'f', w >= 10 ? 0 : 2)
                   .arg(r, 0, 'f', r >= 10 ? 0 : 2);
    else if (r < 0.98)
        text =
            QObject::tr("B finishes %1× faster than A").arg(1.0 / r, 0, 'f', 1 / r >= 10 ? 0 : 2);
    else if (r > 1.02)
        text = QObject::tr("B takes %1× as long as A").arg(r, 0, 'f', r >= 10 ? 0 : 2);
    else
        text = QObject::tr("A and B take the same time");
    for (const CompareRow &row : rows)
        if (row.key == QLatin1String("ioP99") && !std::isnan(row.ratio()) &&
            std::abs(row.ratio() - 1) > 0.02)
            text += QObject::tr("; its I/O p99 is %1× A's").arg(row.ratioText().chopped(1));
    return text;
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_runA(new SimulationController(this))
    , m_runB(new SimulationController(this))
    , m_viewA(new TimelineView)
    , m_viewB(new TimelineView)
    , m_margins(new QCPMarginGroup(m_viewA))
    , m_pickA(new QComboBox)
    , m_pickB(new QComboBox)
    , m_swap(new QPushButton(tr("Swap")))
    , m_export(new QPushButton(tr("Export Image…")))
    , m_headline(new QLabel)
    , m_status(new QLabel)
    , m_table(new QTableWidget(0, 4)) {
    setObjectName(QStringLiteral("compare"));
    setWindowTitle(tr("Compare Scenarios — GIL Scope"));
    m_viewA->setObjectName(QStringLiteral("timelineA"));
    m_viewB->setObjectName(QStringLiteral("timelineB"));
    dropLegend(m_viewA);
    // Same left and right margins: the same instant sits at the same x in both.
    m_viewA->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, m_margins);
    m_viewB->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, m_margins);

    auto *bar = new QHBoxLayout;
    auto sideLabel = [](const QString &text, bool b) {
        auto *l = new QLabel(text);
        l->setStyleSheet(
            QStringLiteral("background: %1; color: white; border-radius: 4px; padding: 2px 8px;"
                           " font-weight: bold;")
                .arg(sideColour(b).name()));
        return l;
    };
    m_pickA->setObjectName(QStringLiteral("pickA"));
    m_pickB->setObjectName(QStringLiteral("pickB"));
    for (QComboBox *box : {m_pickA, m_pickB}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(28);
    }
    m_swap->setToolTip(tr("Put B on top and A below"));
    m_export->setObjectName(QStringLiteral("export"));
    m_export->setToolTip(tr("Save both timelines and the figures as one PNG image"));
    bar->addWidget(sideLabel(QStringLiteral("A"), false));
    bar->addWidget(m_pickA, 1);
    bar->addWidget(m_swap);
    bar->addWidget(sideLabel(QStringLiteral("B"), true));
    bar->addWidget(m_pickB, 1);
    bar->addSpacing(12);
    bar->addWidget(m_export);

    auto *timelines = new QSplitter(Qt::Vertical);
    timelines->addWidget(m_viewA);
    timelines->addWidget(m_viewB);
    timelines->setChildrenCollapsible(false);

    auto *panel = new QWidget;
    panel->setMinimumWidth(380);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(8, 0, 0, 0);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_headline->setFont(big);
    m_table->setObjectName(QStringLiteral("figures"));
    m_table->setHorizontalHeaderLabels(
        {tr("Figure"), QStringLiteral("A"), QStringLiteral("B"), tr("B / A")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    panelLayout->addWidget(m_headline);
    panelLayout->addWidget(m_table, 1);
    panelLayout->addWidget(m_status);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(timelines);
    split->addWidget(panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({1100, 400});
    timelines->setSizes({1, 1});

    auto *column = new QVBoxLayout(this);
    column->addLayout(bar);
    column->addWidget(split, 1);
    resize(1500, 900);

    connect(m_viewA->zoom(), &ZoomHistory::windowChanged, this,
            [this](core::TimeWindow w) { follow(m_viewB, w); });
    connect(m_viewB->zoom(), &ZoomHistory::windowChanged, this,
            [this](core::TimeWindow w) { follow(m_viewA, w); });
    // A margin depends on the other plot's labels: when one replots with a new margin, so does
    // the other (only on a change, so the two settle).
    auto realign = [this](TimelineView *self, TimelineView *other, int *lastLeft) {
        const int leftEdge = self->axisRect()->left();
        if (leftEdge == *lastLeft)
            return;
        *lastLeft = leftEdge;
        if (other->axisRect()->left() != leftEdge)
            other->replot(QCustomPlot::rpQueuedReplot);
    };
    connect(m_viewA, &QCustomPlot::afterReplot, this,
            [this, realign] { realign(m_viewA, m_viewB, &m_leftA); });
    connect(m_viewB, &QCustomPlot::afterReplot, this,
            [this, realign] { realign(m_viewB, m_viewA, &m_leftB); });
    // Swap exchanges the controllers too: which side a run is for is decided when it arrives.
    for (SimulationController *runner : {m_runA, m_runB}) {
        connect(runner, &SimulationController::resultReady, this,
                [this, runner](const core::PreparedRunPtr &r) { delivered(runner, r); });
        connect(runner, &SimulationController::failed, this, [this, runner](const QString &m) {
            m_status->setText(
                (runner == m_runB ? tr("B cannot run: %1") : tr("A cannot run: %1")).arg(m));
        });
    }
    connect(m_pickA, &QComboBox::activated, this, [this] { picked(false); });
    connect(m_pickB, &QComboBox::activated, this, [this] { picked(true); });
    connect(m_swap, &QPushButton::clicked, this, &CompareView::swap);
    connect(m_export, &QPushButton::clicked, this, &CompareView::exportClicked);
    fillPickers();

    // A window of its own over the main one: Esc and the usual Close keys put it away.
    auto *closeAction = new QAction(tr("Close"), this);
    closeAction->setObjectName(QStringLiteral("closeCompare"));
    QList<QKeySequence> keys{QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Close))
        if (!keys.contains(key))
            keys << key;
    closeAction->setShortcuts(keys);
    closeAction->setShortcutContext(Qt::WindowShortcut);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addAction(closeAction);
}

CompareView::~CompareView() = default;

void CompareView::fillPickers() {
    m_filling = true;
    for (QComboBox *box : {m_pickA, m_pickB}) {
        const QString current = box->currentData().toString();
        const QString currentText = box->currentText();
        box->clear();
        // What was handed over comes first, the newest on top.
        for (int i = static_cast<int>(m_offered.size()) - 1; i >= 0; --i)
            box->addItem(m_offered[static_cast<std::size_t>(i)].label,
                         kOfferedEntry + QString::number(i));
        if (m_hasWindowScenario)
            box->addItem(tr("The window's scenario: %1").arg(core::scenarioTitle(m_windowScenario)),
                         kWindowEntry);
        for (const LessonPreset &p : lessonPresets())
            box->addItem(p.referenceTag.isEmpty()
                             ? p.title
                             : QStringLiteral("%1 (%2)").arg(p.title, p.referenceTag),
                         p.id);
        box->addItem(tr("Open a scenario file…"), kOpenEntry);
        selectEntry(box, current, currentText);
    }
    m_filling = false;
}

void CompareView::selectEntry(QComboBox *box, const QString &data, const QString &text) {
    if (data.isEmpty())
        return;
    int i = box->findData(data);
    if (i < 0 && data.startsWith(kFileEntry)) {
        i = box->findData(kOpenEntry);
        box->insertItem(i, text, data);
    }
    if (i >= 0)
        box->setCurrentIndex(i);
}

void CompareView::setWindowScenario(const core::Scenario &scenario) {
    m_windowScenario = scenario;
    m_hasWindowScenario = true;
    fillPickers();
}

void CompareView::setScenarioA(const core::Scenario &scenario, const QString &label) {
    offer(false, {label.isEmpty() ? core::scenarioTitle(scenario) : label, scenario, {}});
    run(false, scenario);
}

void CompareView::setScenarioB(const core::Scenario &scenario, const QString &label) {
    offer(true, {label.isEmpty() ? core::scenarioTitle(scenario) : label, scenario, {}});
    run(true, scenario);
}

void CompareView::setResultA(core::PreparedRunPtr result, const QString &label) {
    offer(false, {label, result->scenario, result});
    m_fixedA = true;
    display(std::move(result), m_b);
}

void CompareView::setResultB(core::PreparedRunPtr result, const QString &label) {
    offer(true, {label, result->scenario, result});
    m_fixedB = true;
    display(m_a, std::move(result));
}

void CompareView::offer(bool sideB, Offer entry) {
    QComboBox *box = sideB ? m_pickB : m_pickA;
    if (!entry.fixed && m_hasWindowScenario &&
        core::sameScenario(entry.scenario, m_windowScenario)) {
        m_filling = true;
        box->setCurrentIndex(box->findData(kWindowEntry));
        m_filling = false;
        return;
    }
    // One entry per label: handing over the same label again replaces what it stands for.
    auto same = std::find_if(m_offered.begin(), m_offered.end(),
                             [&](const Offer &o) { return o.label == entry.label; });
    const auto index = static_cast<std::size_t>(same - m_offered.begin());
    if (same != m_offered.end()) {
        *same = std::move(entry);
    } else {
        m_offered.push_back(std::move(entry));
        fillPickers();
    }
    m_filling = true;
    box->setCurrentIndex(box->findData(kOfferedEntry + QString::number(index)));
    m_filling = false;
}

void CompareView::run(bool sideB, const core::Scenario &scenario) {
    (sideB ? m_fixedB : m_fixedA) = false;
    m_status->setText(sideB ? tr("Simulating B…") : tr("Simulating A…"));
    (sideB ? m_runB : m_runA)->setScenario(scenario);
}

bool CompareView::setPresets(const QString &idA, const QString &idB) {
    const int a = m_pickA->findData(idA);
    const int b = m_pickB->findData(idB);
    if (a < 0 || b < 0)
        return false;
    m_pickA->setCurrentIndex(a);
    m_pickB->setCurrentIndex(b);
    picked(false);
    picked(true);
    return true;
}

void CompareView::picked(bool sideB) {
    if (m_filling)
        return;
    QComboBox *box = sideB ? m_pickB : m_pickA;
    const QString data = box->currentData().toString();
    core::Scenario scenario;
    if (data == kWindowEntry) {
        scenario = m_windowScenario;
    } else if (data.startsWith(kOfferedEntry)) {
        const Offer &offered = m_offered.at(data.mid(kOfferedEntry.size()).toUInt());
        if (offered.fixed) {
            (sideB ? m_fixedB : m_fixedA) = true;
            if (sideB)
                showB(offered.fixed);
            else
                showA(offered.fixed);
            return;
        }
        scenario = offered.scenario;
    } else if (data == kOpenEntry || data.startsWith(kFileEntry)) {
        QString path = data.mid(kFileEntry.size());
        if (data == kOpenEntry) {
            path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(),
                                                tr("Scenarios (*.json);;All files (*)"));
            if (path.isEmpty())
                return;
        }
        const core::ScenarioParse parsed = core::loadScenarioFile(path);
        if (!parsed.ok()) {
            m_status->setText(QString::fromStdString(parsed.error()));
            return;
        }
        scenario = *parsed;
        if (data == kOpenEntry) {
            m_filling = true;
            box->insertItem(box->count() - 1, tr("File: %1").arg(core::scenarioTitle(scenario)),
                            kFileEntry + path);
            box->setCurrentIndex(box->count() - 2);
            m_filling = false;
        }
    } else {
        const auto preset = core::loadPreset(data.toStdString());
        if (!preset) {
            m_status->setText(QString::fromStdString(preset.error()));
            return;
        }
        scenario = *preset;
    }
    run(sideB, scenario);
}

void CompareView::swap() {
    // By entry, not by row: a scenario file opened on one side is only in that side's list.
    m_filling = true;
    const QString dataA = m_pickA->currentData().toString(), textA = m_pickA->currentText();
    selectEntry(m_pickA, m_pickB->currentData().toString(), m_pickB->currentText());
    selectEntry(m_pickB, dataA, textA);
    m_filling = false;
    std::swap(m_runA, m_runB);
    std::swap(m_fixedA, m_fixedB);
    const core::PreparedRunPtr oldA = m_a;
    const core::PreparedRunPtr oldB = m_b;
    setResults(oldB, oldA);
}

void CompareView::setResults(core::PreparedRunPtr a, core::PreparedRunPtr b) {
    display(std::move(a), std::move(b));
}

void CompareView::delivered(SimulationController *from, const core::PreparedRunPtr &result) {
    const bool sideB = from == m_runB;
    if (sideB ? m_fixedB : m_fixedA)
        return; // a run asked for before the side was given a fixed one
    if (sideB)
        showB(result);
    else
        showA(result);
}

void CompareView::showA(const core::PreparedRunPtr &result) {
    display(result, m_b);
}

void CompareView::showB(const core::PreparedRunPtr &result) {
    display(m_a, result);
}

void CompareView::display(core::PreparedRunPtr a, core::PreparedRunPtr b) {
    // Whether the shared window showed everything, before the new runs move the extents.
    const bool fitted = m_viewA->zoom()->isFitted();
    // The views follow their own new extents one by one; neither may drag the other meanwhile.
    m_following = true;
    if (a && a != m_a) {
        m_viewA->setIndex(a->index);
        m_viewA->setTitle(viewTitle(QStringLiteral("A"), *a));
        m_viewA->xAxis->setLabel(timeAxisLabel(a->trace()));
    }
    if (b && b != m_b) {
        m_viewB->setIndex(b->index);
        m_viewB->setTitle(viewTitle(QStringLiteral("B"), *b));
        m_viewB->xAxis->setLabel(timeAxisLabel(b->trace()));
    }
    m_a = std::move(a);
    m_b = std::move(b);
    // One time axis: both timelines span the longer run.
    double end = 0;
    for (const auto &r : {m_a, m_b})
        if (r)
            end = std::max(end, static_cast<double>(r->trace().endNs));
    if (end > 0) {
        const core::TimeWindow extent{0, end};
        m_viewA->zoom()->setExtent(extent);
        m_viewB->zoom()->setExtent(extent);
        if (fitted)
            m_viewA->zoom()->moveTo(extent);
        m_viewB->zoom()->moveTo(m_viewA->zoom()->window());
    }
    m_following = false;

    updateTable();
    const bool busy = m_runA->isBusy() || m_runB->isBusy();
    m_status->setText(busy ? tr("Simulating…") : QString());
    m_export->setEnabled(m_a && m_b);
    if (m_a && m_b)
        emit resultsChanged();
}

void CompareView::follow(TimelineView *to, core::TimeWindow window) {
    if (m_following)
        return;
    m_following = true;
    to->zoom()->moveTo(window);
    m_following = false;
}

void CompareView::updateTable() {
    m_rows = m_a && m_b ? compareRows(m_a->metrics, m_b->metrics) : std::vector<CompareRow>();
    m_headline->setText(headlineFor(m_rows));
    const TimelineTheme theme = m_viewA->theme();
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
        const CompareRow &row = m_rows[static_cast<std::size_t>(r)];
        auto *label = new QTableWidgetItem(row.label);
        label->setData(Qt::UserRole, row.key);
        auto *a = new QTableWidgetItem(row.aText);
        auto *b = new QTableWidgetItem(row.bText);
        auto *ratio = new QTableWidgetItem(row.ratioText());
        for (auto *item : {a, b, ratio})
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const int verdict = row.verdict();
        if (verdict != 0) {
            ratio->setForeground(verdictColour(verdict, theme));
            QFont bold = ratio->font();
            bold.setBold(true);
            ratio->setFont(bold);
            ratio->setToolTip(verdict > 0 ? tr("B is better here") : tr("B is worse here"));
        }
        m_table->setItem(r, 0, label);
        m_table->setItem(r, 1, a);
        m_table->setItem(r, 2, b);
        m_table->setItem(r, 3, ratio);
    }
}

QString CompareView::headline() const {
    return m_headline->text();
}

void CompareView::paint(QCPPainter *painter, const QRect &target) const {
    paint(painter, target, m_a, m_b, m_viewA->theme(), m_viewA->zoom()->window());
}

void CompareView::paintTitled(QCPPainter *painter, const QRect &target, const QString &title,
                              const core::PreparedRunPtr &a, const core::PreparedRunPtr &b,
                              const TimelineTheme &theme, core::TimeWindow window) {
    QRect area = target;
    if (!title.isEmpty()) {
        // The comparison lays out on a 720-pixel page as the slide themes do.
        const double k = std::max(0.5, target.height() / kLayoutHeight);
        QFont font = painter->font();
        font.setPixelSize(static_cast<int>(std::lround(theme.titlePx * k)));
        font.setBold(true);
        // Long titles wrap to two lines, then shrink: never clipped at the page edges.
        const int margin = static_cast<int>(std::lround(theme.marginPx * k));
        const FittedTitle fitted =
            fitTitle(title, font, target.width() - 2 * margin, std::max(8, font.pixelSize() / 2));
        const int lines = static_cast<int>(fitted.text.count(QLatin1Char('\n'))) + 1;
        const int band = static_cast<int>(
            std::lround(QFontMetricsF(fitted.font).lineSpacing() * lines + font.pixelSize()));
        const QRect bandRect(target.left(), target.top(), target.width(), band);
        painter->fillRect(bandRect, theme.background);
        painter->setFont(fitted.font);
        painter->setPen(theme.text);
        painter->drawText(bandRect, Qt::AlignCenter, fitted.text);
        area.setTop(target.top() + band);
    }
    paint(painter, area, a, b, theme, window);
}

void CompareView::paint(QCPPainter *painter, const QRect &target, const core::PreparedRunPtr &a,
                        const core::PreparedRunPtr &b, const TimelineTheme &theme,
                        core::TimeWindow window) {
    painter->save();
    painter->fillRect(target, theme.background);
    if (!a || !b) {
        painter->restore();
        return;
    }
    // Laid out for a 720-pixel-high page and scaled up: a 1080p slide gets 1.5x the type and
    // rows, while the timelines still draw one column per device pixel.
    const double scale = std::clamp(target.height() / kLayoutHeight, 1.0, 4.0);
    painter->translate(target.topLeft());
    painter->scale(scale, scale);
    const QRect page(0, 0, static_cast<int>(target.width() / scale),
                     static_cast<int>(target.height() / scale));
    const double unit = std::max(0.5, page.height() / kLayoutHeight);
    const int panelWidth = std::clamp(static_cast<int>(page.width() * 0.27), 300, 520);
    const QRect left(page.left(), page.top(), page.width() - panelWidth, page.height());
    const QRect panel(left.right() + 1, page.top(), panelWidth, page.height());

    // Fresh timelines at the export size: the widgets on screen keep their size and zoom.
    TimelineView viewA, viewB;
    auto *group = new QCPMarginGroup(&viewA);
    const double end = std::max(a->trace().endNs, b->trace().endNs);
    const int heightA = static_cast<int>(left.height() * kTopShare);
    const std::pair<TimelineView *, const core::PreparedRunPtr *> sides[] = {{&viewA, &a},
                                                                             {&viewB, &b}};
    for (const auto &[view, result] : sides) {
        view->setTheme(theme);
        view->setIndex((*result)->index);
        view->setTitle(
            viewTitle(view == &viewA ? QStringLiteral("A") : QStringLiteral("B"), **result));
        view->xAxis->setLabel(timeAxisLabel((*result)->trace()));
        view->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        view->zoom()->setExtent(core::TimeWindow{0, end});
        if (window.isValid())
            view->zoom()->moveTo(window);
    }
    dropLegend(&viewA);
    const QRect rectA(left.left(), left.top(), left.width(), heightA);
    const QRect rectB(left.left(), left.top() + heightA, left.width(), left.height() - heightA);
    viewA.setViewport(QRect(QPoint(0, 0), rectA.size()));
    viewB.setViewport(QRect(QPoint(0, 0), rectB.size()));
    // Twice: a timeline settles its row labels and vertical range after seeing its layout.
    for (int pass = 0; pass < 2; ++pass)
        for (TimelineView *view : {&viewA, &viewB})
            view->replot(QCustomPlot::rpImmediateRefresh);
    for (const auto &[view, rect] : {std::pair{&viewA, rectA}, std::pair{&viewB, rectB}}) {
        painter->save();
        painter->translate(rect.topLeft());
        painter->setClipRect(QRect(QPoint(0, 0), rect.size()));
        view->toPainter(painter, rect.width(), rect.height());
        painter->restore();
    }

    // The figures panel.
    const QColor band = theme.dark ? theme.background.lighter(125) : QColor(0xf4, 0xf6, 0xf9);
    painter->fillRect(panel, band);
    painter->setPen(QPen(theme.grid, 1));
    painter->drawLine(QLineF(panel.topLeft(), panel.bottomLeft()));
    const int pad = static_cast<int>(22 * unit);
    const QRect inner = panel.adjusted(pad, pad, -pad, -pad);
    int y = inner.top();
    QFont base = painter->font();
    auto font = [&](double px, bool bold) {
        QFont f = base;
        f.setPixelSize(std::max(8, static_cast<int>(px * unit)));
        f.setBold(bold);
        return f;
    };
    auto textBlock = [&](const QString &text, const QFont &f, const QColor &c, int x, int width,
                         int flags = 0) {
        painter->setFont(f);
        painter->setPen(c);
        const QRect box =
            painter->boundingRect(QRect(x, y, width, 10000), Qt::TextWordWrap | flags, text);
        painter->drawText(QRect(x, y, width, box.height()), Qt::TextWordWrap | flags, text);
        return box.height();
    };
    // Who is A and who is B.
    for (const auto &[side, result] : {std::pair{false, &a}, std::pair{true, &b}}) {
        const QFont tagFont = font(15, true);
        painter->setFont(tagFont);
        const int tagH = QFontMetrics(tagFont).height() + static_cast<int>(4 * unit);
        const QRect tag(inner.left(), y, tagH + static_cast<int>(6 * unit), tagH);
        painter->setPen(Qt::NoPen);
        painter->setBrush(sideColour(side));
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->drawRoundedRect(tag, 4 * unit, 4 * unit);
        painter->setPen(Qt::white);
        painter->drawText(tag, Qt::AlignCenter, side ? QStringLiteral("B") : QStringLiteral("A"));
        const int x = tag.right() + static_cast<int>(10 * unit);
        const int h =
            textBlock(runTitle(**result), font(15, true), theme.text, x, inner.right() - x);
        y += std::max(h, tagH) + static_cast<int>(2 * unit);
        y += textBlock(scenarioSummary((*result)->scenario), font(12.5, false), theme.axis, x,
                       inner.right() - x);
        y += static_cast<int>(14 * unit);
    }
    const std::vector<CompareRow> rows = compareRows(a->metrics, b->metrics);
    y += static_cast<int>(4 * unit);
    y += textBlock(headlineFor(rows), font(21, true), theme.text, inner.left(), inner.width());
    y += static_cast<int>(18 * unit);

    // The table: figure, A, B, B/A; columns as wide as their widest text, smaller type if needed.
    const QString headA = QStringLiteral("A"), headB = QStringLiteral("B"),
                  headR = QObject::tr("B / A");
    double cellPx = 14;
    int wLabel = 0, wA = 0, wB = 0, wR = 0, gap = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        const QFontMetrics cell(font(cellPx, false)), bold(font(cellPx, true));
        wLabel = wA = wB = wR = 0;
        for (const CompareRow &row : rows) {
            wLabel = std::max(wLabel, cell.horizontalAdvance(row.label));
            wA = std::max(wA, cell.horizontalAdvance(row.aText));
            wB = std::max(wB, cell.horizontalAdvance(row.bText));
            wR = std::max(wR, bold.horizontalAdvance(row.ratioText()));
        }
        gap = static_cast<int>(cellPx * 1.2 * unit);
        if (wLabel + wA + wB + wR + 3 * gap <= inner.width())
            break;
        cellPx *= 0.9;
    }
    const int colR = inner.right() - wR; // left edges of the right-aligned columns
    const int colB = colR - gap - wB;
    const int colA = colB - gap - wA;
    const QFont headFont = font(cellPx * 0.86, true), cellFont = font(cellPx, false),
                ratioFont = font(cellPx, true);
    const int rowH = QFontMetrics(cellFont).height() + static_cast<int>(cellPx * 0.85 * unit);
    auto cells = [&](const QString &label, const QString &a, const QString &b) {
        painter->drawText(QRect(inner.left(), y, colA - inner.left() - gap, rowH),
                          Qt::AlignLeft | Qt::AlignVCenter, label);
        painter->drawText(QRect(colA, y, wA, rowH), Qt::AlignRight | Qt::AlignVCenter, a);
        painter->drawText(QRect(colB, y, wB, rowH), Qt::AlignRight | Qt::AlignVCenter, b);
    };
    painter->setFont(headFont);
    painter->setPen(theme.axis);
    cells(QObject::tr("Figure"), headA, headB);
    painter->drawText(QRect(colR, y, wR, rowH), Qt::AlignRight | Qt::AlignVCenter, headR);
    y += rowH;
    painter->setPen(QPen(theme.grid, std::max(1.0, unit)));
    painter->drawLine(QLineF(inner.left(), y, inner.right(), y));
    for (const CompareRow &row : rows) {
        painter->setFont(cellFont);
        painter->setPen(theme.text);
        cells(row.label, row.aText, row.bText);
        painter->setFont(row.verdict() != 0 ? ratioFont : cellFont);
        painter->setPen(verdictColour(row.verdict(), theme));
        painter->drawText(QRect(colR, y, wR, rowH), Qt::AlignRight | Qt::AlignVCenter,
                          row.ratioText());
        y += rowH;
        painter->setPen(QPen(theme.grid, 1));
        painter->drawLine(QLineF(inner.left(), y, inner.right(), y));
    }
    y += static_cast<int>(10 * unit);
    textBlock(
        QObject::tr("Green: B is better; red: B is worse. Both timelines share one time axis."),
        font(11.5, false), theme.axis, inner.left(), inner.width());
    painter->restore();
}

QImage CompareView::render(QSize size, qreal devicePixelRatio) const {
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    paint(&painter, QRect(QPoint(0, 0), size));
    painter.end();
    return image;
}

bool CompareView::exportImage(const QString &path, QSize size, QString *error) const {
    if (!m_a || !m_b) {
        if (error)
            *error = tr("Both runs must be finished first");
        return false;
    }
    const QImage image = render(size);
    // Encoded first, then written like every output: an earlier file survives a failed write.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    if (!buffer.open(QIODevice::WriteOnly) ||
        !image.save(&buffer, format.isEmpty() ? "png" : format.constData())) {
        if (error)
            *error = tr("%1: cannot write the image").arg(path);
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

void CompareView::exportClicked() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Comparison"), QStringLiteral("compare.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportImage(path, QSize(1920, 1080), &error))
        QMessageBox::warning(this, tr("Cannot export"), error);
}

QImage renderCompare(const core::Scenario &a, const core::Scenario &b, QSize size, QString *error,
                     const TimelineTheme &theme) {
    const auto ra = core::prepareRun(a);
    if (!ra.ok()) {
        if (error)
            *error = QObject::tr("A (%1): %2")
                         .arg(QString::fromStdString(a.name), QString::fromStdString(ra.error()));
        return {};
    }
    const auto rb = core::prepareRun(b);
    if (!rb.ok()) {
        if (error)
            *error = QObject::tr("B (%1): %2")
                         .arg(QString::fromStdString(b.name), QString::fromStdString(rb.error()));
        return {};
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(theme.background);
    QCPPainter painter(&image);
    CompareView::paint(&painter, QRect(QPoint(0, 0), size), *ra, *rb, theme);
    painter.end();
    return image;
}

} // namespace gilscope::ui
