#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gilscope::core {

// Where a writer puts its output, piece by piece and in order: an OutputFile on disk, or a
// QByteArray in memory. The trace and CSV writers stream into one, so a trace of any size is
// written with a bounded buffer rather than built whole in memory first.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    // False once the sink has failed (a full disk): the writer may stop early, and the sink
    // reports why when it is finished.
    virtual bool write(QByteArrayView bytes) = 0;
};

// Collects everything in memory: for small outputs and for tests.
class ByteArraySink final : public ByteSink {
public:
    bool write(QByteArrayView bytes) override {
        m_bytes.append(bytes);
        return true;
    }
    QByteArray &bytes() { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace gilscope::core
