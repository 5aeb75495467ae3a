#pragma once

#include "export/exportdialog.h"
#include "run/preparedrun.h"
#include "scenario/scenario.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QActionGroup;
class QLabel;
class QMenu;
class QPushButton;

namespace gilscope::ui {

class CompareView;
class ControlsPanel;
class MetricsPanel;
class RecordDialog;
class SimulationController;
class TimelineView;

// The product's window: the timeline in the centre, the controls and the metrics in docks,
// menus with the usual shortcuts, a status bar with the trace's size and simulated time.
// Opens scenario files and trace files (recorded or exported: the controls then do not apply
// until the next simulation), records Python scripts into traces and compares a trace with its
// simulated equivalent, saves scenarios, exports images and traces. Window layout,
// colours, lane choices, recent files and the last scenario persist in QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr const char *kDefaultPreset = "r6-convoy-2cpu";

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    static constexpr int kMaxRecentFiles = 8;

    // Shows and simulates a scenario (leaving a trace shown from a file).
    void setScenario(const core::Scenario &scenario);
    // A scenario JSON or a trace JSON ({"traceEvents": ...} or an array of events), by content.
    // A bad file changes nothing: the error names the file and what is wrong.
    bool openFile(const QString &path, QString *error);
    bool openScenarioFile(const QString &path, QString *error);
    bool openTraceFile(const QString &path, QString *error);
    // Shows a finished trace in place of the simulation: the controls do not apply to it until
    // a new simulation is asked for (a preset, a scenario, Run Again).
    void showTrace(core::TracePtr trace, const QString &source);
    bool isShowingTrace() const { return m_traceMode; }
    // Written atomically: a failed save leaves the earlier file as it was.
    bool saveScenarioFile(const QString &path, QString *error);
    // The trace on screen as Chrome trace JSON (.json) or CSV (.csv), written atomically.
    bool exportTraceFile(const QString &path, QString *error) const;
    // What File > Export Image starts from: the chart as shown.
    ExportDialog::Source exportSource() const;
    // Most recent first.
    QStringList recentFiles() const;
    // File > Record Python Script: made on first use; a recorded trace opens here.
    RecordDialog *recordDialog();
    // The trace shown (A) beside a simulation of its equivalent scenario (B), in a compare window
    // made on first use. Null while no trace is shown.
    CompareView *compareWithSimulation();

    TimelineView *timeline() const { return m_view; }
    ControlsPanel *controls() const { return m_controls; }
    MetricsPanel *metrics() const { return m_metrics; }
    SimulationController *controller() const { return m_controller; }
    QString currentFile() const { return m_file; }
    QAction *exportImageAction() const { return m_exportImage; }
    QAction *exportTraceAction() const { return m_exportTrace; }
    QAction *recordAction() const { return m_record; }
    QAction *compareWithSimulationAction() const { return m_compareWithSimulation; }
    QLabel *traceBanner() const { return m_traceBanner; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void createStatusBar();
    void showResult(const core::PreparedRunPtr &result);
    void showError(const QString &message);
    void showBusy(bool busy);
    void showHoverTime(double ns);
    // Annotations added or removed on the chart go into the scenario (saved with it).
    void keepAnnotations(const std::vector<core::Annotation> &annotations);
    void open();
    bool save();
    bool saveAs();
    void exportImage();
    void exportTrace();
    void showRecordDialog();
    void openRecording(const QString &path, const QString &note);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void leaveTraceMode();
    void updateFileActions();
    QWidget *wrapControls();
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
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_exportImage = nullptr;
    QAction *m_exportTrace = nullptr;
    QAction *m_record = nullptr;
    QAction *m_compareWithSimulation = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_traceBanner = nullptr;
    QWidget *m_traceBox = nullptr;
    QString m_file;      // the scenario's file
    QString m_traceFile; // the trace shown instead of a simulation, if any
    bool m_traceMode = false;
    bool m_leaveTrace = false; // a simulation was asked for since the trace opened
    core::PreparedRunPtr m_shown;
    QPointer<RecordDialog> m_recordDialog;
    QPointer<CompareView> m_recordingCompare;
};

} // namespace gilscope::ui
