#pragma once

#include "export/exportdialog.h"
#include "run/preparedrun.h"
#include "scenario/scenario.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QDockWidget;
class QActionGroup;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

namespace gilscope::ui {

class CompareView;
class ControlsPanel;
class GroupsEditor;
class MetricsPanel;
class PlayMode;
class RecordDialog;
class AttachDialog;
class SimulationController;
class TimelineView;
class TraceLoader;

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

    // Shows and simulates a scenario as a new start (leaving a trace shown from a file): the
    // whole run, bound to no file, not modified. A preset picked in the controls comes here too.
    void setScenario(const core::Scenario &scenario);
    // A scenario JSON or a trace JSON ({"traceEvents": ...} or an array of events), by content.
    // A bad file changes nothing: the error names the file and what is wrong.
    bool openFile(const QString &path, QString *error);
    bool openScenarioFile(const QString &path, QString *error);
    // A trace of at least backgroundLoadBytes() loads on a worker thread with a progress bar
    // and Cancel in the status bar (true: the load started; a failure is shown when it ends);
    // the run on screen stays until the new one is ready. Smaller ones open at once.
    bool openTraceFile(const QString &path, QString *error);
    qint64 backgroundLoadBytes() const { return m_backgroundLoadBytes; }
    void setBackgroundLoadBytes(qint64 bytes) { m_backgroundLoadBytes = bytes; }
    TraceLoader *traceLoader() const { return m_loader; }
    QPushButton *cancelLoadButton() const { return m_cancelLoad; }
    QProgressBar *loadProgress() const { return m_loadBar; }
    // Shows a finished trace in place of the simulation: the controls do not apply to it until
    // a new simulation is asked for (a preset, a scenario, Run Again).
    void showTrace(core::TracePtr trace, const QString &source);
    void showPreparedTrace(const core::PreparedRunPtr &run, const QString &source);
    bool isShowingTrace() const { return m_traceMode; }
    // Written atomically: a failed save leaves the earlier file as it was.
    bool saveScenarioFile(const QString &path, QString *error);
    // File > Save: to the scenario's file, else as Save As. File > Save As: asks where, adding
    // ".json" when the name has no such extension. Both first name an edited preset (see
    // SavePrompts). False when cancelled or failed (the failure is shown).
    bool save();
    bool saveAs();
    // What saving asks the user: where to save (an empty answer cancels) and, for a preset that
    // was edited, the scenario's new name (the described title is offered; no answer cancels).
    // File dialogs by default; tests answer for the user.
    struct SavePrompts {
        std::function<QString(const QString &suggestedPath)> path;
        std::function<std::optional<QString>(const QString &suggestedName)> name;
    };
    void setSavePrompts(SavePrompts prompts) { m_prompts = std::move(prompts); }
    // What the scenario is called in the window title, the chart, exports and saved files: its
    // name while that is true, else what it is (core::scenarioTitle).
    QString scenarioTitle() const;
    // The trace on screen as Chrome trace JSON (.json), Perfetto protobuf (.pftrace) or CSV
    // (.csv), written atomically.
    bool exportTraceFile(const QString &path, QString *error) const;
    // What File > Export Image starts from: the chart as shown.
    ExportDialog::Source exportSource() const;
    // Most recent first.
    QStringList recentFiles() const;
    // File > Record Python Script: made on first use; a recorded trace opens here.
    RecordDialog *recordDialog();
    // File > Attach to Process (created on first use).
    AttachDialog *attachDialog();
    // The trace shown (A) beside a simulation of its equivalent scenario (B), in a compare window
    // made on first use. Null while no trace is shown.
    CompareView *compareWithSimulation();

    TimelineView *timeline() const { return m_view; }
    // The playhead, play bar and stage panel (View > Play Mode).
    PlayMode *playMode() const { return m_play; }
    ControlsPanel *controls() const { return m_controls; }
    // The worker groups and their steps (a dock under the timeline).
    GroupsEditor *groupsEditor() const { return m_groupsEditor; }
    QDockWidget *groupsDock() const { return m_groupsDock; }
    MetricsPanel *metrics() const { return m_metrics; }
    SimulationController *controller() const { return m_controller; }
    QString currentFile() const { return m_file; }
    QAction *exportImageAction() const { return m_exportImage; }
    QAction *exportTraceAction() const { return m_exportTrace; }
    QAction *recordAction() const { return m_record; }
    QAction *compareWithSimulationAction() const { return m_compareWithSimulation; }
    QAction *saveAction() const { return m_save; }
    QAction *helpAction() const { return m_help; }
    QAction *aboutAction() const { return m_about; }
    QLabel *traceBanner() const { return m_traceBanner; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void addColoursMenu(QMenu *view);
    void createDocks();
    void createStatusBar();
    void connectTraceLoader();
    void showResult(const core::PreparedRunPtr &result);
    void showError(const QString &message);
    void showBusy(bool busy);
    void showHoverTime(double ns);
    // Annotations added or removed on the chart go into the scenario (saved with it).
    void keepAnnotations(const std::vector<core::Annotation> &annotations);
    void open();
    // Gives an edited preset (or a stale described name) a name that says what it is.
    bool nameScenario();
    void showHelp();
    void showAbout();
    void exportImage();
    void exportTrace();
    void showRecordDialog();
    void showAttachDialog();
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
    PlayMode *m_play = nullptr;
    ControlsPanel *m_controls;
    MetricsPanel *m_metrics;
    QDockWidget *m_controlsDock = nullptr;
    QDockWidget *m_metricsDock = nullptr;
    GroupsEditor *m_groupsEditor = nullptr;
    QDockWidget *m_groupsDock = nullptr;
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
    QAction *m_help = nullptr;
    QAction *m_about = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_traceBanner = nullptr;
    QWidget *m_traceBox = nullptr;
    QString m_file;      // the scenario's file
    QString m_traceFile; // the trace shown instead of a simulation, if any
    bool m_traceMode = false;
    bool m_leaveTrace = false; // a simulation was asked for since the trace opened
    bool m_fitPending = false; // a new scenario: its first result shows whole
    SavePrompts m_prompts;
    core::PreparedRunPtr m_shown;
    QPointer<RecordDialog> m_recordDialog;
    QPointer<AttachDialog> m_attachDialog;
    QPointer<CompareView> m_recordingCompare;
    TraceLoader *m_loader = nullptr;
    QProgressBar *m_loadBar = nullptr;
    QPushButton *m_cancelLoad = nullptr;
    qint64 m_backgroundLoadBytes = 32 << 20;
};

} // namespace gilscope::ui
