#include "python/cpuload.h"

#include <QFile>
#include <QList>

#include <thread>

namespace gilscope::core {

namespace {

struct CpuTimes {
    long long busy = 0, total = 0;
};

bool readCpuTimes(CpuTimes &out) {
    QFile stat("/proc/stat");
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    if (fields.size() < 8 || fields[0] != "cpu")
        return false;
    out = {};
    for (int i = 1; i < fields.size(); ++i) {
        const long long v = fields[i].toLongLong();
        out.total += v;
        if (i != 4 && i != 5) // idle, iowait
            out.busy += v;
    }
    return true;
}

} // namespace

double busyCpuShare(std::chrono::milliseconds window) {
    CpuTimes before, after;
    if (!readCpuTimes(before))
        return -1;
    std::this_thread::sleep_for(window);
    if (!readCpuTimes(after) || after.total <= before.total)
        return -1;
    return double(after.busy - before.busy) / double(after.total - before.total);
}

} // namespace gilscope::core
