#pragma once

#include "compare/comparemetrics.h"
#include "pixels/timewindow.h"
#include "run/preparedrun.h"
#include "scenario/scenario.h"
#include "slide/timelinetheme.h"

#include <QImage>
#include <QWidget>

#include <vector>

class QCPMarginGroup;
class QCPPainter;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace gilscope::ui {

class SimulationController;
class TimelineView;

// Two runs, A above B, on one time axis: zooming or panning either timeline moves both, and
// their plot areas line up so the same instant sits at the same x. Beside them the figures of
// both runs with the ratio B/A, coloured where B is better or worse. Exports as one image.
// Either side is a scenario simulated here or a finished run handed over (a recording); Swap
// exchanges the two whatever they are.
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    // The main window's scenario: offered first in both pickers.
    void setWindowScenario(const core::Scenario &scenario);
    // Offers `scenario` in that side's picker (as `label`, or its name) and simulates it on a
    // worker thread; the side shows its run when it is done.
    void setScenarioA(const core::Scenario &scenario, const QString &label = {});
    void setScenarioB(const core::Scenario &scenario, const QString &label = {});
    // A finished run that is not simulated here, such as a recording of real Python: offered in
    // both pickers as `label` and shown on that side at once, until another entry is picked.
    void setResultA(core::PreparedRunPtr result, const QString &label);
    void setResultB(core::PreparedRunPtr result, const QString &label);
    // Picks presets by id in both pickers (and simulates them).
    bool setPresets(const QString &idA, const QString &idB);
    // Shows finished runs at once (exports, tests).
    void setResults(core::PreparedRunPtr a, core::PreparedRunPtr b);

    core::PreparedRunPtr resultA() const { return m_a; }
    core::PreparedRunPtr resultB() const { return m_b; }
    TimelineView *viewA() const { return m_viewA; }
    TimelineView *viewB() const { return m_viewB; }
    QComboBox *pickerA() const { return m_pickA; }
    QComboBox *pickerB() const { return m_pickB; }
    QTableWidget *table() const { return m_table; }
    // The figures as shown in the table; empty until both runs are there.
    const std::vector<CompareRow> &rows() const { return m_rows; }
    QString headline() const;

    // Paints A above B with one time axis and the figures beside them into `target`, at the
    // zoom shown on screen.
    void paint(QCPPainter *painter, const QRect &target) const;
    QImage render(QSize size, qreal devicePixelRatio = 1.0) const;
    bool exportImage(const QString &path, QSize size, QString *error) const;

    // The same for any two runs (the headless --compare export). An invalid window shows both
    // runs whole.
    static void paint(QCPPainter *painter, const QRect &target, const core::PreparedRunPtr &a,
                      const core::PreparedRunPtr &b, const TimelineTheme &theme,
                      core::TimeWindow window = {});
    // The same under a title band (omitted when `title` is empty), laid out like the slides.
    static void paintTitled(QCPPainter *painter, const QRect &target, const QString &title,
                            const core::PreparedRunPtr &a, const core::PreparedRunPtr &b,
                            const TimelineTheme &theme, core::TimeWindow window = {});

signals:
    // Both runs are on screen (after either changed).
    void resultsChanged();

private:
    // What setScenario or setResult handed over: a scenario to simulate, or a fixed run.
    struct Offer {
        QString label;
        core::Scenario scenario;
        core::PreparedRunPtr fixed;
    };

    void fillPickers();
    // Selects the entry with `data`, adding a scenario file's entry (as `text`) if it is missing.
    void selectEntry(QComboBox *box, const QString &data, const QString &text);
    void picked(bool sideB);
    void offer(bool sideB, Offer entry);
    void run(bool sideB, const core::Scenario &scenario);
    // A controller's run arrives: for the side it works for, unless that side shows a fixed run.
    void delivered(SimulationController *from, const core::PreparedRunPtr &result);
    void showA(const core::PreparedRunPtr &result);
    void showB(const core::PreparedRunPtr &result);
    void display(core::PreparedRunPtr a, core::PreparedRunPtr b);
    // One view moved: the other goes to the same window.
    void follow(TimelineView *to, core::TimeWindow window);
    void updateTable();
    void exportClicked();
    void swap();

    SimulationController *m_runA;
    SimulationController *m_runB;
    TimelineView *m_viewA;
    TimelineView *m_viewB;
    QCPMarginGroup *m_margins;
    QComboBox *m_pickA;
    QComboBox *m_pickB;
    QPushButton *m_swap;
    QPushButton *m_export;
    QLabel *m_headline;
    QLabel *m_status;
    QTableWidget *m_table;
    core::PreparedRunPtr m_a, m_b;
    std::vector<CompareRow> m_rows;
    std::vector<Offer> m_offered; // one per label, offered in both pickers
    core::Scenario m_windowScenario;
    bool m_hasWindowScenario = false;
    int m_leftA = -1, m_leftB = -1;
    bool m_fixedA = false, m_fixedB = false; // the side shows a fixed run, not its controller's
    bool m_following = false;
    bool m_filling = false;
};

// Simulates both scenarios and paints the comparison into an image of `size` (light slide
// colours unless told otherwise). Needs a QApplication (the timelines are widgets, never shown).
// A null image on failure, with the reason in `error`.
QImage renderCompare(const core::Scenario &a, const core::Scenario &b, QSize size,
                     QString *error = nullptr,
                     const TimelineTheme &theme = TimelineTheme::screenLight());

} // namespace gilscope::ui
