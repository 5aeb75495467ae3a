#pragma once

#include "scenario.h"
#include "simulationresult.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QActionGroup;
class QLabel;

namespace gilscope::ui {

class ControlsPanel;
class MetricsPanel;
class SimulationController;
class TimelineView;

// The product's window: the timeline in the centre, the controls and the metrics in docks,
// menus with the usual shortcuts, a status bar with the trace's size and simulated time.
// Window layout, colours and lane choices persist in QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr const char *kDefaultPreset = "r6-convoy-2cpu";

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setScenario(const core::Scenario &scenario);
    bool openScenarioFile(const QString &path, QString *error);
    bool saveScenarioFile(const QString &path, QString *error);

    TimelineView *timeline() const { return m_view; }
    ControlsPanel *controls() const { return m_controls; }
    MetricsPanel *metrics() const { return m_metrics; }
    SimulationController *controller() const { return m_controller; }
    QString currentFile() const { return m_file; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void createStatusBar();
    void showResult(const SimulationResultPtr &result);
    void showError(const QString &message);
    void showBusy(bool busy);
    void showHoverTime(double ns);
    void open();
    bool save();
    bool saveAs();
    void toggleFullScreen();
    void updateWindowTitle();
    void readSettings();
    void writeSettings() const;

    SimulationController *m_controller;
    TimelineView *m_view;
    ControlsPanel *m_controls;
    MetricsPanel *m_metrics;
    QDockWidget *m_controlsDock = nullptr;
    QDockWidget *m_metricsDock = nullptr;
    QLabel *m_status;
    QLabel *m_events;
    QLabel *m_simTime;
    QLabel *m_runTime;
    QLabel *m_hover;
    QAction *m_fullScreen = nullptr;
    QAction *m_holderLanes = nullptr;
    QAction *m_busyLane = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QString m_file;
};

} // namespace gilscope::ui
