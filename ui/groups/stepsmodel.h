#pragma once

#include "groups/steppath.h"

#include <QAbstractItemModel>

namespace gilscope::ui {

// One group's steps as a tree: a lock's hold, to_thread and in_process are parents of the
// steps they run. Read-only; the editor changes a copy of the steps and sets them again (every
// set is a reset, so an index never outlives the steps it points into; the editor keeps the
// selection as a StepPath).
class StepsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Kind, Value, ColumnCount };

    using QAbstractItemModel::QAbstractItemModel;

    void setSteps(std::vector<core::Step> steps);
    const std::vector<core::Step> &steps() const { return m_steps; }

    StepPath pathOf(const QModelIndex &index) const;
    QModelIndex indexOf(const StepPath &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "python (GIL held)", "native (C code, GIL released)", …
    static QString kindTitle(core::StepKind kind);

private:
    // The steps under `parent` (null: the top level).
    const std::vector<core::Step> &childrenOf(const core::Step *parent) const;
    const core::Step *stepOf(const QModelIndex &index) const;

    std::vector<core::Step> m_steps;
};

} // namespace gilscope::ui
