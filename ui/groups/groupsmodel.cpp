#include "groups/groupsmodel.h"

#include "groups/steppath.h"
#include "timeline/timeformat.h"

#include <QRegularExpression>

namespace gilscope::ui {

namespace {
QString ms(double v) {
    return GroupsModel::msText(v);
}
QString stepCount(std::size_t n) {
    return n == 1 ? GroupsModel::tr("1 step") : GroupsModel::tr("%1 steps").arg(n);
}
} // namespace

QString GroupsModel::msText(double v) {
    // formatDuration keeps three significant digits ("23.0 ms"); a typed 23 reads better as 23.
    QString text = formatDuration(v * 1e6);
    static const QRegularExpression trailing(QStringLiteral("\\.0+(?=\\D)|(\\.\\d*?)0+(?=\\D)"));
    return text.replace(trailing, QStringLiteral("\\1"));
}

void GroupsModel::setScenario(const core::Scenario &scenario) {
    const bool sameRows = scenario.workers.size() == m_scenario.workers.size();
    if (!sameRows)
        beginResetModel();
    m_scenario = scenario;
    if (!sameRows) {
        endResetModel();
        return;
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int GroupsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_scenario.workers.size());
}

int GroupsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString GroupsModel::groupName(const core::WorkerGroup &g) {
    return g.name.empty() ? QString::fromUtf8(core::toString(g.kind).data())
                          : QString::fromStdString(g.name);
}

QString GroupsModel::stepText(const core::Step &step) {
    const QString kind = QString::fromUtf8(core::toString(step.kind).data());
    if (hasDuration(step.kind))
        return QStringLiteral("%1 %2").arg(kind, ms(step.ms));
    QString text = kind;
    if (hasName(step.kind))
        text += QLatin1Char(' ') + QString::fromStdString(step.name);
    if (hasBody(step.kind))
        text += QStringLiteral(" (%1)").arg(stepCount(step.body.size()));
    return text;
}

QString GroupsModel::workText(const core::WorkerGroup &g) {
    QStringList steps;
    if (g.hasSteps()) {
        for (const auto &s : g.steps)
            steps << stepText(s);
    } else {
        steps << tr("python %1").arg(ms(g.cpu_ms));
        if (g.io_ms > 0)
            steps << tr("io %1").arg(ms(g.io_ms));
    }
    const QString list = steps.join(QStringLiteral(", "));
    if (g.until_others)
        return tr("until the others: %1").arg(list);
    if (g.ops == 1)
        return list;
    return QStringLiteral("%1 × (%2)").arg(g.ops).arg(list);
}

QVariant GroupsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &g = m_scenario.workers[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return groupName(g);
        case Threads:
            return g.count;
        case Work:
            return workText(g);
        }
    }
    if (role == Qt::ToolTipRole) {
        const QString executor =
            g.executor ? QString::fromUtf8(core::toString(*g.executor).data())
                       : tr("the scenario's (%1)")
                             .arg(QString::fromUtf8(core::toString(m_scenario.executor).data()));
        return tr("%1: %n thread(s), executor %2\n%3", nullptr, g.count)
            .arg(groupName(g), executor, workText(g));
    }
    if (role == Qt::TextAlignmentRole && index.column() == Threads)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant GroupsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Group");
    case Threads:
        return tr("Threads");
    case Work:
        return tr("One op");
    }
    return {};
}

} // namespace gilscope::ui
