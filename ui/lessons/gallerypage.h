#pragma once

#include "lessons/lessonscatalog.h"

#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace gilscope::ui {

class GalleryCard;

// The preset gallery, as a start page or from the Lessons menu: the presets as cards in the
// chapters of the story, each with a thumbnail of its run. Thumbnails are simulated on a worker
// thread, one preset after another, while the page is already usable.
class GalleryPage : public QWidget {
    Q_OBJECT
public:
    explicit GalleryPage(QWidget *parent = nullptr);
    ~GalleryPage() override;

    int cardCount() const { return static_cast<int>(m_cards.size()); }
    GalleryCard *card(int i) const { return m_cards[static_cast<std::size_t>(i)]; }
    GalleryCard *card(const QString &presetId) const;
    QStringList presetIds() const;
    const std::vector<LessonPreset> &presets() const { return m_presets; }
    // Problems loading presets (none when every preset loaded).
    QStringList loadErrors() const { return m_errors; }
    int thumbnailsDone() const { return m_done; }
    bool thumbnailsFinished() const { return m_done == cardCount(); }

    // The "Back to the timeline" button (shown when the page stands in for the timeline).
    void setBackVisible(bool visible);
    QCheckBox *startupCheckBox() const { return m_startup; }
    QScrollArea *scrollArea() const { return m_scroll; }

signals:
    void presetOpened(const QString &id, const gilscope::core::Scenario &scenario);
    void compareRequested(const QString &idA, const QString &idB);
    // A lesson's Play button: open the preset and play its story.
    void playRequested(const QString &id, const gilscope::core::Scenario &scenario);
    void backRequested();
    void thumbnailsReady();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Thumbnail {
        int card = -1;
        QImage image;
        QString figures;
        QString error;
    };
    void buildCards();
    void relayout();
    void startThumbnails();
    void thumbnailFinished(const Thumbnail &thumbnail);
    const LessonPreset *preset(const QString &id) const;

    std::vector<LessonPreset> m_presets;
    QStringList m_errors;
    std::vector<GalleryCard *> m_cards;
    std::vector<QGridLayout *> m_sectionGrids;
    std::vector<std::vector<GalleryCard *>> m_sectionCards;
    QScrollArea *m_scroll;
    QPushButton *m_back;
    QCheckBox *m_startup;
    int m_columns = 0;
    int m_done = 0;
    bool m_started = false;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace gilscope::ui
