#pragma once

#include "lessons/lessonscatalog.h"

#include <QFrame>
#include <QImage>

class QLabel;
class QPushButton;

namespace gilscope::ui {

// One preset in the gallery: its title and reference tag, what it runs, a thumbnail of its
// timeline, what to look for, the published figure with its source, and Open / Compare actions.
class GalleryCard : public QFrame {
    Q_OBJECT
public:
    // Thumbnails are drawn this size and stretched to the card's width.
    static constexpr int kThumbWidth = 480;
    static constexpr int kThumbHeight = 92;
    static constexpr int kMinWidth = 410;

    // `counterpart`: the preset the Compare action pairs this one with (none: no action).
    GalleryCard(const LessonPreset &preset, const LessonPreset *counterpart = nullptr,
                QWidget *parent = nullptr);

    const LessonPreset &preset() const { return m_preset; }
    QString presetId() const { return m_preset.id; }
    QString title() const;
    QString description() const;
    // The lesson's few sentences on what to look at; empty for other presets.
    QString lesson() const;
    QString reference() const;
    QPushButton *openButton() const { return m_open; }
    QPushButton *compareButton() const { return m_compare; }
    // Shown on presets that play as a story (ui/play/playstories.h).
    QPushButton *playButton() const { return m_play; }

    // The run's picture and headline figures, once the background run has finished.
    void setThumbnail(const QImage &image, const QString &figures);
    void setThumbnailError(const QString &message);
    bool hasThumbnail() const { return !m_thumbnail.isNull(); }
    QImage thumbnail() const { return m_thumbnail; }

signals:
    void openRequested(const QString &id);
    void compareRequested(const QString &id, const QString &counterpartId);
    void playRequested(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    LessonPreset m_preset;
    QString m_counterpart;
    QImage m_thumbnail;
    QLabel *m_badge;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_picture;
    QLabel *m_figures;
    QLabel *m_lesson;
    QLabel *m_lookFor;
    QLabel *m_reference;
    QPushButton *m_open;
    QPushButton *m_compare;
    QPushButton *m_play;
    bool m_styling = false;
};

} // namespace gilscope::ui
