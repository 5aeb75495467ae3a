#pragma once

#include "scenario/scenario.h"

#include <QAbstractTableModel>

namespace gilscope::ui {

// The scenario's worker groups as a table: name, threads, and what one op does. Read-only: the
// GroupsEditor's fields edit a group and hand the model the scenario they made.
class GroupsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Threads, Work, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Resets the rows only when the number of groups changes; otherwise the rows stay (and the
    // selection with them) and their cells change.
    void setScenario(const core::Scenario &scenario);
    const core::Scenario &scenario() const { return m_scenario; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "hash", or the kind for an unnamed group ("cpu").
    static QString groupName(const core::WorkerGroup &group);
    // "10 × (python 0.01 ms, native 46 ms)"; "until the others: get jobs, python 50 µs".
    static QString workText(const core::WorkerGroup &group);
    // A step's milliseconds as lists show them: "46 ms", "0.27 ms", "400 ns" (no trailing zeros).
    static QString msText(double ms);
    // One step as a list shows it: "native 46 ms", "lock counter (1 step)", "put jobs".
    static QString stepText(const core::Step &step);

private:
    core::Scenario m_scenario;
};

} // namespace gilscope::ui
