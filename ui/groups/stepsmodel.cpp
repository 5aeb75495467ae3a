#include "groups/stepsmodel.h"

#include "groups/groupsmodel.h"

#include <functional>

namespace gilscope::ui {

using core::Step;
using core::StepKind;

void StepsModel::setSteps(std::vector<Step> steps) {
    beginResetModel();
    m_steps = std::move(steps);
    endResetModel();
}

const std::vector<Step> &StepsModel::childrenOf(const Step *parent) const {
    return parent ? parent->body : m_steps;
}

// An index's internal pointer is the step whose body holds it (null at the top level).
const Step *StepsModel::stepOf(const QModelIndex &index) const {
    if (!index.isValid())
        return nullptr;
    const auto &siblings = childrenOf(static_cast<const Step *>(index.internalPointer()));
    return &siblings[index.row()];
}

QModelIndex StepsModel::index(int row, int column, const QModelIndex &parent) const {
    if (column < 0 || column >= ColumnCount)
        return {};
    const Step *owner = stepOf(parent);
    if (row < 0 || row >= static_cast<int>(childrenOf(owner).size()))
        return {};
    return createIndex(row, column, const_cast<Step *>(owner));
}

QModelIndex StepsModel::parent(const QModelIndex &child) const {
    const auto *owner = static_cast<const Step *>(child.internalPointer());
    if (!child.isValid() || !owner)
        return {};
    // Find the owner's own place: search the tree (steps are few: at most 256 a group).
    std::function<QModelIndex(const std::vector<Step> &, const Step *)> find =
        [&](const std::vector<Step> &level, const Step *levelOwner) -> QModelIndex {
        for (std::size_t i = 0; i < level.size(); ++i) {
            if (&level[i] == owner)
                return createIndex(static_cast<int>(i), 0, const_cast<Step *>(levelOwner));
            if (auto found = find(level[i].body, &level[i]); found.isValid())
                return found;
        }
        return {};
    };
    return find(m_steps, nullptr);
}

int StepsModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(childrenOf(stepOf(parent)).size());
}

int StepsModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

StepPath StepsModel::pathOf(const QModelIndex &index) const {
    StepPath path;
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = parent(i))
        path.insert(path.begin(), i.row());
    return path;
}

QModelIndex StepsModel::indexOf(const StepPath &path) const {
    QModelIndex at;
    for (int row : path) {
        at = index(row, 0, at);
        if (!at.isValid())
            return {};
    }
    return at;
}

QString StepsModel::kindTitle(StepKind kind) {
    switch (kind) {
    case StepKind::Python:
        return tr("python (GIL held)");
    case StepKind::Native:
        return tr("native (C code, GIL released)");
    case StepKind::Io:
        return tr("io (blocking call)");
    case StepKind::Sleep:
        return tr("sleep");
    case StepKind::Lock:
        return tr("lock (threading.Lock)");
    case StepKind::Put:
        return tr("put (queue.Queue)");
    case StepKind::Get:
        return tr("get (queue.Queue)");
    case StepKind::Wait:
        return tr("wait (threading.Event)");
    case StepKind::Set:
        return tr("set (threading.Event)");
    case StepKind::ToThread:
        return tr("to_thread (asyncio)");
    case StepKind::InProcess:
        return tr("in_process (asyncio)");
    }
    return {};
}

QVariant StepsModel::data(const QModelIndex &index, int role) const {
    const Step *step = stepOf(index);
    if (!step)
        return {};
    if (role == Qt::DisplayRole) {
        if (index.column() == Kind)
            return QString::fromUtf8(core::toString(step->kind).data());
        if (hasDuration(step->kind)) {
            QString text = GroupsModel::msText(step->ms);
            if (step->kind == StepKind::Python && !step->checks)
                text += tr(" (no checks)");
            return text;
        }
        if (hasName(step->kind))
            return QString::fromStdString(step->name);
        return step->body.size() == 1 ? tr("1 step") : tr("%1 steps").arg(step->body.size());
    }
    if (role == Qt::ToolTipRole)
        return kindTitle(step->kind);
    return {};
}

QVariant StepsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Kind ? tr("Step") : tr("Time or name");
}

} // namespace gilscope::ui
