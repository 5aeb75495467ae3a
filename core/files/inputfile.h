#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace gilscope::core {

// The most an input of one kind may hold. Scenarios and profiles are read whole into memory and
// through Qt's JSON reader, which holds about nine times the file. A trace is mapped and read in
// one pass into its columns (core/import), about 1.4 times the file at its peak, so its ceiling
// is higher: a 10M-event trace of 1.2 GB opens. Each ceiling sits far above any real file of its
// kind and below what a desktop machine can hold.
struct InputLimit {
    qint64 bytes;
    const char *kind; // "a trace", for messages

    static constexpr InputLimit scenario() { return {16 << 20, "a scenario"}; }
    static constexpr InputLimit machineProfile() { return {1 << 20, "a machine profile"}; }
    static constexpr InputLimit trace() { return {qint64(4) << 30, "a trace"}; }
};

// Whether "-" names standard input (for the command line) or a file called "-".
enum class DashMeans { File, StandardInput };

// Reads a whole input: a regular file (or standard input) of at most `limit` bytes. A device,
// a FIFO or a folder is refused without being opened, so /dev/zero cannot fill the memory and
// a FIFO cannot hang the program; a file that grows while it is read is refused at the limit.
// Errors name the file and the limit: "/dev/zero: cannot read a character device: a trace is
// read from a regular file of at most 4 GiB".
Result<QByteArray> readInputFile(const QString &path, InputLimit limit,
                                 DashMeans dash = DashMeans::File);

// An input held whole for a reader that goes through it once: a regular file is mapped from the
// page cache (no copy, and its pages count once), standard input is read into memory.
class InputBytes {
public:
    InputBytes() = default;
    explicit InputBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
        , m_view(m_bytes) {}
    InputBytes(std::shared_ptr<const void> mapping, QByteArrayView view)
        : m_mapping(std::move(mapping))
        , m_view(view) {}
    QByteArrayView view() const { return m_view; }

private:
    QByteArray m_bytes;
    std::shared_ptr<const void> m_mapping;
    QByteArrayView m_view;
};

// readInputFile's checks and messages, with the file mapped rather than copied.
Result<InputBytes> mapInputFile(const QString &path, InputLimit limit,
                                DashMeans dash = DashMeans::File);

// "16 MiB", "1.5 GiB", "300 bytes": sizes in messages.
std::string formatBytes(qint64 bytes);

} // namespace gilscope::core
