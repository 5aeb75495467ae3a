#include "lessons/gallerycard.h"

#include "play/playstories.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace gilscope::ui {

GalleryCard::GalleryCard(const LessonPreset &preset, const LessonPreset *counterpart,
                         QWidget *parent)
    : QFrame(parent)
    , m_preset(preset)
    , m_counterpart(counterpart ? counterpart->id : QString())
    , m_badge(new QLabel)
    , m_title(new QLabel)
    , m_summary(new QLabel)
    , m_picture(new QLabel)
    , m_figures(new QLabel)
    , m_lesson(new QLabel)
    , m_lookFor(new QLabel)
    , m_reference(new QLabel)
    , m_open(new QPushButton(tr("Open")))
    , m_compare(new QPushButton(tr("Compare")))
    , m_play(new QPushButton(tr("Play"))) {
    setObjectName(QStringLiteral("galleryCard"));
    setProperty("presetId", preset.id);
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(14, 12, 14, 12);
    column->setSpacing(6);

    auto *head = new QHBoxLayout;
    head->setSpacing(8);
    m_badge->setObjectName(QStringLiteral("referenceBadge"));
    m_badge->setText(preset.referenceTag);
    m_badge->setVisible(!preset.referenceTag.isEmpty());
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setToolTip(tr("Reproduces published result %1").arg(preset.referenceTag));
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setText(preset.title);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    head->addWidget(m_badge, 0, Qt::AlignTop);
    head->addWidget(m_title, 1);
    column->addLayout(head);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setText(scenarioSummary(preset.scenario));
    column->addWidget(m_summary);

    m_picture->setObjectName(QStringLiteral("thumbnail"));
    m_picture->setFixedHeight(kThumbHeight);
    m_picture->setMinimumWidth(kMinWidth - 30);
    m_picture->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_picture->setScaledContents(true);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setText(tr("simulating…"));
    m_picture->setCursor(Qt::PointingHandCursor);
    m_picture->setToolTip(tr("Open this preset"));
    m_picture->installEventFilter(this);
    column->addWidget(m_picture);

    m_figures->setObjectName(QStringLiteral("figures"));
    m_figures->setTextFormat(Qt::RichText);
    column->addWidget(m_figures);

    // A lesson says first, in a few sentences, what to look at; the description follows.
    m_lesson->setObjectName(QStringLiteral("lesson"));
    m_lesson->setText(preset.lesson);
    m_lesson->setWordWrap(true);
    m_lesson->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont lessonFont = m_lesson->font();
    lessonFont.setBold(true);
    m_lesson->setFont(lessonFont);
    m_lesson->setVisible(!preset.lesson.isEmpty());
    column->addWidget(m_lesson);

    m_lookFor->setObjectName(QStringLiteral("description"));
    m_lookFor->setText(preset.lookFor);
    m_lookFor->setWordWrap(true);
    m_lookFor->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lookFor->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    column->addWidget(m_lookFor, 1);

    m_reference->setObjectName(QStringLiteral("reference"));
    m_reference->setWordWrap(true);
    m_reference->setTextFormat(Qt::RichText);
    if (!preset.referenceFigure.isEmpty())
        m_reference->setText(tr("<b>Published:</b> %1<br><i>%2</i>")
                                 .arg(preset.referenceFigure.toHtmlEscaped(),
                                      preset.referenceSource.toHtmlEscaped()));
    m_reference->setVisible(!preset.referenceFigure.isEmpty());
    column->addWidget(m_reference);

    auto *actions = new QHBoxLayout;
    m_compare->setObjectName(QStringLiteral("compare"));
    m_compare->setVisible(counterpart != nullptr);
    if (counterpart) {
        m_compare->setText(counterpart->referenceTag.isEmpty() ||
                                   counterpart->referenceTag == preset.referenceTag
                               ? tr("Compare…")
                               : tr("Compare with %1…").arg(counterpart->referenceTag));
        m_compare->setToolTip(tr("Side by side with “%1”").arg(counterpart->title));
    }
    m_open->setObjectName(QStringLiteral("open"));
    m_open->setDefault(true);
    m_open->setToolTip(tr("Load this preset into the timeline"));
    // Every card has an Open button: a screen reader's list of buttons says which is which.
    m_open->setAccessibleName(tr("Open “%1”").arg(preset.title));
    if (counterpart)
        m_compare->setAccessibleName(
            tr("Compare “%1” with “%2”").arg(preset.title, counterpart->title));
    m_picture->setAccessibleName(tr("Timeline of “%1”").arg(preset.title));
    const auto story = playStoryFor(preset.id);
    m_play->setObjectName(QStringLiteral("play"));
    m_play->setVisible(story.has_value());
    if (story)
        m_play->setToolTip(story->label);
    actions->addWidget(m_compare);
    actions->addWidget(m_play);
    actions->addStretch(1);
    actions->addWidget(m_open);
    column->addLayout(actions);

    connect(m_open, &QPushButton::clicked, this, [this] { emit openRequested(m_preset.id); });
    connect(m_play, &QPushButton::clicked, this, [this] { emit playRequested(m_preset.id); });
    connect(m_compare, &QPushButton::clicked, this,
            [this] { emit compareRequested(m_preset.id, m_counterpart); });
    applyStyle();
}

QString GalleryCard::title() const {
    return m_title->text();
}
QString GalleryCard::description() const {
    return m_lookFor->text();
}
QString GalleryCard::lesson() const {
    return m_lesson->text();
}
QString GalleryCard::reference() const {
    return m_reference->text();
}

void GalleryCard::setThumbnail(const QImage &image, const QString &figures) {
    m_thumbnail = image;
    m_picture->setText(QString());
    m_picture->setPixmap(QPixmap::fromImage(image));
    m_picture->setAccessibleDescription(QTextDocumentFragment::fromHtml(figures).toPlainText());
    m_figures->setText(figures);
}

void GalleryCard::setThumbnailError(const QString &message) {
    m_picture->setText(tr("cannot simulate: %1").arg(message));
    m_picture->setWordWrap(true);
}

bool GalleryCard::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_picture && event->type() == QEvent::MouseButtonRelease &&
        static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        emit openRequested(m_preset.id);
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void GalleryCard::changeEvent(QEvent *event) {
    // A style sheet itself changes the palette: only a new desktop palette restyles.
    if (event->type() == QEvent::PaletteChange && !m_styling)
        applyStyle();
    QFrame::changeEvent(event);
}

void GalleryCard::applyStyle() {
    // Colours from the palette, so a dark desktop gets dark cards.
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QColor card = pal.color(QPalette::Base);
    const QColor border =
        dark ? pal.color(QPalette::Mid) : pal.color(QPalette::Midlight).darker(112);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QString sheet =
        (QStringLiteral(
             "QFrame#galleryCard { background: %1; border: 1px solid %2; border-radius: 10px; }"
             "QLabel#referenceBadge { background: %3; color: white; border-radius: 4px;"
             " padding: 1px 7px; font-weight: bold; }"
             "QLabel#summary, QLabel#figures { color: %4; }"
             "QLabel#reference { color: %4; border-top: 1px solid %2; padding-top: 5px; }"
             "QLabel#thumbnail { border: 1px solid %2; border-radius: 3px; color: %4; }")
             .arg(card.name(), border.name(),
                  dark ? QStringLiteral("#3d7bd9") : QStringLiteral("#1a5fb4"), muted.name()));
    if (sheet == styleSheet())
        return;
    m_styling = true;
    setStyleSheet(sheet);
    m_styling = false;
}

} // namespace gilscope::ui
