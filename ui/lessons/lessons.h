#pragma once

#include "scenario/scenario.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMenu;
class QStackedWidget;

namespace gilscope::ui {

class AdvisorPanel;
class CompareView;
class GalleryPage;
class MainWindow;
class SweepPanel;

// The teaching parts of the window, attached from outside through MainWindow's public API:
// a Lessons menu, the preset gallery (a page in place of the timeline), the compare window,
// and the advisor and sweep docks, which follow the window's scenario while they are shown.
class Lessons : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kStartPageSetting = "lessons/startPage";

    explicit Lessons(MainWindow &window);
    ~Lessons() override;

    MainWindow &window() const { return m_window; }
    QMenu *menu() const { return m_menu; }
    // Every preset by chapter; each action's data is the preset id.
    QMenu *presetsMenu() const { return m_presetsMenu; }
    QAction *galleryAction() const { return m_galleryAction; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *advisorAction() const { return m_advisorAction; }
    QAction *sweepAction() const { return m_sweepAction; }

    // Made on first use, with the page that holds it in place of the timeline.
    GalleryPage *gallery();
    // Made on first use.
    CompareView *compare();
    AdvisorPanel *advisor() const { return m_advisor; }
    SweepPanel *sweep() const { return m_sweep; }
    QDockWidget *advisorDock() const { return m_advisorDock; }
    QDockWidget *sweepDock() const { return m_sweepDock; }

    bool isGalleryShown() const;
    void showGallery();
    void showTimeline();
    void showCompare();
    void showCompare(const QString &presetA, const QString &presetB);
    void showAdvisor();
    void showSweep();

    // Whether the gallery opens when the program starts (QSettings, on by default).
    static bool startPageEnabled();
    static void setStartPageEnabled(bool enabled);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ensureStack();
    void restoreDocks();
    void showDock(QDockWidget *dock);
    void openPreset(const core::Scenario &scenario);
    // Opens the preset and, once its run is shown, plays its story (ui/play/playstories.h).
    void playPreset(const QString &id, const core::Scenario &scenario);
    void followWindow();

    MainWindow &m_window;
    QMenu *m_menu;
    QMenu *m_presetsMenu;
    QAction *m_galleryAction;
    QAction *m_compareAction;
    QAction *m_advisorAction;
    QAction *m_sweepAction;
    GalleryPage *m_gallery = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPointer<CompareView> m_compare;
    AdvisorPanel *m_advisor;
    SweepPanel *m_sweep;
    QDockWidget *m_advisorDock;
    QDockWidget *m_sweepDock;
    // Docks the gallery page put away, to bring back with the timeline.
    QList<QPointer<QDockWidget>> m_hiddenDocks;
    bool m_docksSized = false;
};

} // namespace gilscope::ui
