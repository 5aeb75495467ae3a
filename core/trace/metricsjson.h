#pragma once

#include "trace/metrics.h"

#include <QByteArray>
#include <QJsonObject>

namespace gilscope::core {

// The metrics JSON documented in the README.
QJsonObject metricsToJsonObject(const Metrics &metrics);
QByteArray metricsToJson(const Metrics &metrics);

} // namespace gilscope::core
