#include "lessons/gallerypage.h"

#include "lessons/gallerycard.h"
#include "lessons/gallerythumbnail.h"
#include "run/preparedrun.h"
#include "slide/timelinetheme.h"
#include "timeline/timeformat.h"
#include "trace/metrics.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QtConcurrent>

#include <algorithm>

namespace gilscope::ui {

namespace {

constexpr int kCardSpacing = 16;
constexpr int kCardMinWidth = GalleryCard::kMinWidth;
constexpr int kMaxColumns = 4;

// The figures a card shows under its thumbnail: the ones its lesson is about.
QString headlineFigures(const core::Metrics &m) {
    QStringList parts;
    parts << QObject::tr("makespan <b>%1</b>").arg(formatDuration(m.makespan_ms * 1e6));
    parts << QObject::tr("speed-up <b>%1×</b>").arg(m.speedup, 0, 'f', 2);
    if (m.io.ops > 0)
        parts << QObject::tr("I/O p99 <b>%1</b>").arg(formatDuration(m.io.latency_ms_p99 * 1e6));
    else if (m.gil.failed_acquires_per_s >= 1)
        parts << QObject::tr("<b>%1</b> failed wake-ups/s")
                     .arg(QLocale().toString(m.gil.failed_acquires_per_s, 'f', 0));
    else if (m.gil.switches > 0)
        parts << QObject::tr("GIL held <b>%1</b> a turn")
                     .arg(formatDuration(m.gil.hold_ms_p50 * 1e6));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

GalleryPage::GalleryPage(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea)
    , m_back(new QPushButton(tr("Back to the Timeline")))
    , m_startup(new QCheckBox(tr("Show at startup")))
    , m_cancel(std::make_shared<std::atomic<bool>>(false)) {
    setObjectName(QStringLiteral("gallery"));
    // One simulation at a time: the window's own runs keep a core.
    m_pool.setMaxThreadCount(1);
    m_presets = lessonPresets(&m_errors);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    auto *header = new QWidget;
    header->setObjectName(QStringLiteral("galleryHeader"));
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(24, 18, 24, 12);
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Lessons: how Python schedules threads"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    // Wraps rather than widen the window: the page stays in the window's stack after it is left.
    title->setWordWrap(true);
    auto *intro = new QLabel(
        tr("Each preset reproduces a measurement of real CPython. Open one to see its "
           "timeline: <b>green</b> running, <b>pale</b> waiting for the GIL, <b>grey</b> "
           "blocking I/O; yellow and red ticks are wake-ups that found the GIL taken."));
    intro->setWordWrap(true);
    titles->addWidget(title);
    titles->addWidget(intro);
    headerLayout->addLayout(titles, 1);
    auto *side = new QVBoxLayout;
    m_back->setObjectName(QStringLiteral("back"));
    m_back->setVisible(false);
    m_startup->setObjectName(QStringLiteral("showAtStartup"));
    side->addWidget(m_back, 0, Qt::AlignRight);
    side->addWidget(m_startup, 0, Qt::AlignRight);
    side->addStretch(1);
    headerLayout->addLayout(side);
    column->addWidget(header);

    m_scroll->setObjectName(QStringLiteral("galleryScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->verticalScrollBar()->setSingleStep(24);
    m_scroll->viewport()->installEventFilter(this);
    column->addWidget(m_scroll, 1);

    connect(m_back, &QPushButton::clicked, this, &GalleryPage::backRequested);
    buildCards();
    if (!m_errors.isEmpty()) {
        auto *errors = new QLabel(tr("Some presets could not be loaded:<br>%1")
                                      .arg(m_errors.join(QStringLiteral("<br>")).toHtmlEscaped()));
        errors->setObjectName(QStringLiteral("loadErrors"));
        errors->setWordWrap(true);
        column->insertWidget(1, errors);
    }
}

GalleryPage::~GalleryPage() {
    m_cancel->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

void GalleryPage::buildCards() {
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("galleryContent"));
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(24, 4, 24, 24);
    column->setSpacing(6);
    const QStringList sections = lessonSections();
    int index = 0;
    for (int s = 0; s < sections.size(); ++s) {
        const auto first = std::find_if(m_presets.begin(), m_presets.end(),
                                        [s](const LessonPreset &p) { return p.section == s; });
        if (first == m_presets.end())
            continue;
        auto *head = new QLabel(QStringLiteral("%1. %2").arg(s + 1).arg(sections[s]));
        head->setObjectName(QStringLiteral("sectionHead"));
        QFont f = head->font();
        f.setPointSizeF(f.pointSizeF() * 1.35);
        f.setBold(true);
        head->setFont(f);
        head->setContentsMargins(0, s == 0 ? 4 : 16, 0, 0);
        auto *blurb = new QLabel(lessonSectionBlurb(s));
        blurb->setWordWrap(true);
        blurb->setForegroundRole(QPalette::PlaceholderText);
        column->addWidget(head);
        column->addWidget(blurb);
        auto *grid = new QWidget;
        auto *gridLayout = new QGridLayout(grid);
        gridLayout->setContentsMargins(0, 6, 0, 0);
        gridLayout->setSpacing(kCardSpacing);
        std::vector<GalleryCard *> sectionCards;
        for (const LessonPreset &p : m_presets) {
            if (p.section != s)
                continue;
            const LessonPreset *other = preset(counterpartPreset(p.id));
            auto *card = new GalleryCard(p, other, grid);
            card->setProperty("cardIndex", index++);
            connect(card, &GalleryCard::openRequested, this, [this](const QString &id) {
                if (const LessonPreset *chosen = preset(id))
                    emit presetOpened(id, chosen->scenario);
            });
            connect(card, &GalleryCard::compareRequested, this, &GalleryPage::compareRequested);
            connect(card, &GalleryCard::playRequested, this, [this](const QString &id) {
                if (const LessonPreset *chosen = preset(id))
                    emit playRequested(id, chosen->scenario);
            });
            m_cards.push_back(card);
            sectionCards.push_back(card);
        }
        column->addWidget(grid);
        m_sectionGrids.push_back(gridLayout);
        m_sectionCards.push_back(std::move(sectionCards));
    }
    column->addStretch(1);
    m_scroll->setWidget(content);
    relayout();
}

void GalleryPage::relayout() {
    // The viewport narrows when the scroll bar appears: count it in from the start.
    const int scrollBar = m_scroll->verticalScrollBar()->isVisible()
                              ? 0
                              : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_scroll);
    const int available = m_scroll->viewport()->width() - scrollBar - 48;
    const int columns =
        std::clamp((available + kCardSpacing) / (kCardMinWidth + kCardSpacing), 1, kMaxColumns);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (std::size_t s = 0; s < m_sectionGrids.size(); ++s) {
        QGridLayout *grid = m_sectionGrids[s];
        while (QLayoutItem *item = grid->takeAt(0))
            delete item; // the cards stay children of the grid's widget
        const auto &cards = m_sectionCards[s];
        for (int i = 0; i < static_cast<int>(cards.size()); ++i)
            grid->addWidget(cards[static_cast<std::size_t>(i)], i / columns, i % columns);
        for (int c = 0; c < kMaxColumns; ++c)
            grid->setColumnStretch(c, c < columns ? 1 : 0);
    }
}

bool GalleryPage::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        relayout();
    return QWidget::eventFilter(watched, event);
}

void GalleryPage::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void GalleryPage::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape && m_back->isVisible()) {
        emit backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void GalleryPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    relayout();
    startThumbnails();
}

void GalleryPage::setBackVisible(bool visible) {
    m_back->setVisible(visible);
}

GalleryCard *GalleryPage::card(const QString &presetId) const {
    for (GalleryCard *c : m_cards)
        if (c->presetId() == presetId)
            return c;
    return nullptr;
}

QStringList GalleryPage::presetIds() const {
    QStringList ids;
    for (const GalleryCard *c : m_cards)
        ids << c->presetId();
    return ids;
}

const LessonPreset *GalleryPage::preset(const QString &id) const {
    for (const LessonPreset &p : m_presets)
        if (p.id == id)
            return &p;
    return nullptr;
}

void GalleryPage::startThumbnails() {
    if (m_started)
        return;
    m_started = true;
    const TimelineTheme theme = TimelineTheme::forPalette(palette());
    const qreal dpr = devicePixelRatioF();
    const QSize size(GalleryCard::kThumbWidth - 2,
                     GalleryCard::kThumbHeight - 2); // inside the border
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        const core::Scenario scenario = m_cards[i]->preset().scenario;
        auto *watcher = new QFutureWatcher<Thumbnail>(this);
        connect(watcher, &QFutureWatcher<Thumbnail>::finished, this, [this, watcher] {
            if (!watcher->isCanceled())
                thumbnailFinished(watcher->result());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run(
            &m_pool, [scenario, theme, dpr, size, cancel = m_cancel, card = static_cast<int>(i)] {
                Thumbnail t;
                t.card = card;
                const auto run =
                    core::prepareRun(scenario, cancel.get(), core::RunParts::TraceAndMetrics);
                if (!run.ok()) {
                    t.error = QString::fromStdString(run.error());
                    return t;
                }
                t.image = renderThumbnail((*run)->trace(), size, theme, dpr);
                t.figures = headlineFigures((*run)->metrics);
                return t;
            }));
    }
}

void GalleryPage::thumbnailFinished(const Thumbnail &t) {
    if (t.card < 0 || t.card >= cardCount())
        return;
    if (t.error.isEmpty())
        m_cards[static_cast<std::size_t>(t.card)]->setThumbnail(t.image, t.figures);
    else
        m_cards[static_cast<std::size_t>(t.card)]->setThumbnailError(t.error);
    if (++m_done == cardCount())
        emit thumbnailsReady();
}

} // namespace gilscope::ui
