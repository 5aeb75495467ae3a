#include "timeline/timelinelayout.h"

#include <QObject>

#include <algorithm>
#include <map>
#include <numeric>

namespace gilscope::ui {

TimelineLayout TimelineLayout::build(const core::TraceIndex &index, bool holderLanes, bool busyLane,
                                     const std::optional<std::vector<int>> &shown,
                                     const std::vector<int> &calloutRows) {
    TimelineLayout layout;
    double y = 0;
    auto add = [&](TimelineLane::Kind kind, int i, double height, QString label) {
        TimelineLane lane;
        lane.kind = kind;
        lane.index = i;
        lane.top = y;
        lane.bottom = y + height;
        lane.label = std::move(label);
        layout.m_lanes.push_back(lane);
        y += height;
    };

    const auto &trace = index.trace();
    if (holderLanes) {
        const auto &holders = index.holderLanes();
        for (std::size_t h = 0; h < holders.size(); ++h)
            add(TimelineLane::Kind::Holder, static_cast<int>(h), kRowHeight,
                holders.size() == 1 ? QObject::tr("GIL holder")
                                    : QObject::tr("GIL %1 holder").arg(holders[h].gilId));
    }
    if (busyLane && !trace.threads.empty())
        add(TimelineLane::Kind::Busy, 0, kRowHeight,
            QObject::tr("cores busy / %1").arg(trace.cores));
    if (!layout.m_lanes.empty())
        y += kSummaryGap;

    // Groups in order of first appearance; rows keep their order within a group.
    const int rowCount = static_cast<int>(trace.threads.size());
    std::vector<int> order;
    if (shown) {
        std::vector<bool> seen(trace.threads.size());
        for (int r : *shown)
            if (r >= 0 && r < rowCount && !seen[static_cast<std::size_t>(r)]) {
                seen[static_cast<std::size_t>(r)] = true;
                order.push_back(r);
            }
    } else {
        order.resize(trace.threads.size());
        std::iota(order.begin(), order.end(), 0);
    }
    std::vector<int> groupOrder;
    std::map<int, std::vector<int>> rowsOfGroup;
    for (int r : order) {
        const int g = trace.threads[r].info.groupId;
        if (!rowsOfGroup.count(g))
            groupOrder.push_back(g);
        rowsOfGroup[g].push_back(r);
    }
    const bool headers = groupOrder.size() > 1;
    for (int g : groupOrder) {
        const auto &rows = rowsOfGroup[g];
        if (headers) {
            QString name = QString::fromStdString(trace.threads[rows.front()].info.groupName);
            if (name.isEmpty())
                name = QObject::tr("group %1").arg(g);
            add(TimelineLane::Kind::GroupHeader, g, kHeaderHeight, name);
        }
        for (std::size_t k = 0; k < rows.size(); ++k) {
            if (std::find(calloutRows.begin(), calloutRows.end(), rows[k]) != calloutRows.end())
                y += kCalloutRoom;
            add(TimelineLane::Kind::Thread, rows[k], kRowHeight,
                QString::fromStdString(trace.threads[rows[k]].info.name));
            layout.m_lanes.back().striped = k % 2 == 1;
        }
    }
    layout.m_height = y;
    return layout;
}

const TimelineLane *TimelineLayout::laneAt(double y) const {
    auto it = std::upper_bound(m_lanes.begin(), m_lanes.end(), y,
                               [](double v, const TimelineLane &l) { return v < l.top; });
    if (it == m_lanes.begin())
        return nullptr;
    --it;
    return y < it->bottom ? &*it : nullptr;
}

const TimelineLane *TimelineLayout::laneOfRow(int row) const {
    for (const auto &lane : m_lanes)
        if (lane.kind == TimelineLane::Kind::Thread && lane.index == row)
            return &lane;
    return nullptr;
}

} // namespace gilscope::ui
