#pragma once

#include "python/pythoninstalls.h"

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace gilscope::ui {

// Which Python to record with: a list of every interpreter found on this machine ("Python
// 3.12.1 — /root/.pyenv/versions/3.12.1/bin/python"), filled off the GUI thread because
// finding them runs each one, and a Browse button for another, checked the same way (what is
// wrong with it shown beneath).
class PythonPicker : public QWidget {
    Q_OBJECT
public:
    explicit PythonPicker(QWidget *parent = nullptr);
    ~PythonPicker() override;

    // Probes `candidates` on a worker thread; the list fills when all have answered.
    void search(const QStringList &candidates);
    // Selected when the search finds it (the one used last time); else the newest Python 3.
    void setPreferredPath(const QString &path);
    // Probes `path` on a worker thread; a supported CPython is added and selected, anything else
    // leaves the list as it was and says why.
    void addInterpreter(const QString &path);

    bool isBusy() const { return m_searching || m_probing; }
    std::optional<core::PythonInstall> current() const;
    const std::vector<core::PythonInstall> &installs() const { return m_installs; }

    QComboBox *list() const { return m_list; }
    QPushButton *browseButton() const { return m_browse; }
    // What the picker is doing or what went wrong ("No Python found…", a probe's error).
    QLabel *message() const { return m_message; }

signals:
    void currentChanged();
    void searchFinished();
    void probeFinished(bool ok);

private:
    void searched(const std::vector<core::PythonInstall> &found);
    void probed(const std::optional<core::PythonInstall> &install, const QString &error);
    int add(const core::PythonInstall &install);
    void browse();
    void showMessage(const QString &text, bool problem);
    void updateEnabled();

    QComboBox *m_list;
    QPushButton *m_browse;
    QLabel *m_message;
    std::vector<core::PythonInstall> m_installs; // in the list's order
    QString m_preferred;
    bool m_searching = false;
    bool m_probing = false;
};

} // namespace gilscope::ui
