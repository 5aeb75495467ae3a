#include "trace/metricsjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gilscope::core {

QJsonObject metricsToJsonObject(const Metrics &m) {
    QJsonArray threads;
    for (const auto &t : m.threads)
        threads.append(QJsonObject{{"name", QString::fromStdString(t.name)},
                                   {"kind", QString::fromStdString(t.kind)},
                                   {"running_ms", t.running_ms},
                                   {"waiting_ms", t.waiting_ms},
                                   {"ready_ms", t.ready_ms},
                                   {"io_ms", t.io_ms},
                                   {"starting_ms", t.starting_ms},
                                   {"done_ms", t.done_ms},
                                   {"native_ms", t.native_ms},
                                   {"lock_wait_ms", t.lock_wait_ms},
                                   {"queue_wait_ms", t.queue_wait_ms}});
    QJsonArray queues;
    for (const auto &q : m.queues)
        queues.append(QJsonObject{{"name", QString::fromStdString(q.name)},
                                  {"items", static_cast<double>(q.items)},
                                  {"items_per_s", q.items_per_s},
                                  {"wait_ms_p50", q.wait_ms_p50},
                                  {"wait_ms_p99", q.wait_ms_p99}});
    // A recording's memory is not known: null rather than a made-up 0; a trace file keeps the
    // peak alone.
    QJsonValue memory = QJsonValue::Null;
    if (m.memory.known() && !m.memory.breakdown)
        memory = QJsonObject{{"peak_mb", m.memory.peakMb}};
    else if (m.memory.known())
        memory = QJsonObject{{"peak_mb", m.memory.peakMb},
                             {"at_ms", static_cast<double>(m.memory.atNs) / kNsPerMs},
                             {"interpreters_mb", m.memory.interpretersMb},
                             {"threads_mb", m.memory.threadsMb},
                             {"data_mb", m.memory.dataMb},
                             {"processes", m.memory.processes},
                             {"threads", m.memory.threads}};
    return QJsonObject{
        {"scenario", QString::fromStdString(m.scenario)},
        {"interpreter", QString::fromStdString(m.interpreter)},
        {"executor", QString::fromStdString(m.executor)},
        {"cores", m.cores},
        {"makespan_ms", m.makespan_ms},
        {"sequential_ms", m.sequential_ms},
        {"speedup", m.speedup},
        {"events", static_cast<double>(m.events)},
        {"gil", QJsonObject{{"acquires", static_cast<double>(m.gil.acquires)},
                            {"switches", static_cast<double>(m.gil.switches)},
                            {"switches_per_s", m.gil.switches_per_s},
                            {"failed_acquires", static_cast<double>(m.gil.failed_acquires)},
                            {"failed_acquires_per_s", m.gil.failed_acquires_per_s},
                            {"drop_requests", static_cast<double>(m.gil.drop_requests)},
                            {"hold_ms_p50", m.gil.hold_ms_p50},
                            {"hold_ms_p90", m.gil.hold_ms_p90}}},
        {"io", QJsonObject{{"ops", static_cast<double>(m.io.ops)},
                           {"ops_per_s", m.io.ops_per_s},
                           {"serving_ops_per_s", m.io.serving_ops_per_s},
                           {"latency_ms_p50", m.io.latency_ms_p50},
                           {"latency_ms_p99", m.io.latency_ms_p99},
                           {"max_stall_ms", m.io.max_stall_ms}}},
        {"locks", QJsonObject{{"waits", static_cast<double>(m.locks.waits)},
                              {"wait_ms_total", m.locks.wait_ms_total},
                              {"wait_ms_p50", m.locks.wait_ms_p50},
                              {"wait_ms_max", m.locks.wait_ms_max}}},
        {"queues", queues},
        {"memory", memory},
        {"threads", threads}};
}

QByteArray metricsToJson(const Metrics &m) {
    return QJsonDocument(metricsToJsonObject(m)).toJson(QJsonDocument::Indented);
}

} // namespace gilscope::core
