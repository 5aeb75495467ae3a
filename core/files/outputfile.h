#pragma once

#include "files/bytesink.h"
#include "result.h"

#include <QString>

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace gilscope::core {

// The system calls through which an OutputFile reaches the disk: the real ones by default.
// Tests pass failing ones to play a full disk, or an fsync that fails, without filling a disk.
struct OutputCalls {
    std::function<ssize_t(int fd, const void *data, std::size_t size)> write = ::write;
    std::function<int(int fd)> fsync = ::fsync;
};

// The one way GIL Scope writes a file — metrics, scenarios, traces, CSV, machine profiles,
// images — so that a full disk or a device path loses nothing and damages nothing:
//  - A regular file, or a name that does not exist yet, is written to a temporary file in the
//    same folder; commit() flushes it, checks every write, fsyncs it and renames it over the
//    target. Readers see the earlier file or the whole new one, and any failure leaves the
//    earlier file untouched. A symbolic link is followed: its target is replaced, the link stays.
//  - Anything else — a device, a FIFO, a /dev/fd or /proc/self/fd path — is written in place and
//    never replaced: renaming over /dev/null as root would turn the device into a plain file.
//  - "-" is standard output, written in place too, with its errors reported like any other.
// Errors read "PATH: cannot write: REASON", REASON in the operating system's words.
class OutputFile final : public ByteSink {
public:
    static Result<std::unique_ptr<OutputFile>> open(const QString &path, OutputCalls calls = {});
    // Whether `path` could take an output, found without touching it: a temporary file is made
    // and removed beside a regular file; a device or FIFO is only checked for write permission
    // (opening a FIFO would wait for a reader). For checks before long work, such as calibrating.
    static Result<void> probe(const QString &path);
    // Without a successful commit() the temporary file is removed: the earlier file stays.
    ~OutputFile() override;
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    bool write(QByteArrayView bytes) override;
    // Puts the new contents in place, or says why not with the earlier file as it was.
    Result<void> commit();

    // True for a regular file, which is replaced as a whole; false when written in place.
    bool replacesTarget() const { return !m_tempPath.isEmpty(); }

private:
    OutputFile(std::string name, OutputCalls calls);
    bool flushBuffer();
    bool writeAll(const char *data, std::size_t size);
    void fail(int error);

    std::string m_name; // for messages
    OutputCalls m_calls;
    int m_fd = -1;
    bool m_ownsFd = true;    // false for standard output, which stays open
    QByteArray m_tempPath;   // replaced targets only: the file being written
    QByteArray m_targetPath; // what it becomes
    std::string m_buffer;    // small writes, gathered into large ones
    std::string m_error;     // the first failure; later writes are refused
    bool m_committed = false;
};

// Writes `bytes` to `path` through an OutputFile.
Result<void> writeOutputFile(const QString &path, QByteArrayView bytes, OutputCalls calls = {});

// Streams whatever `produce` writes into the sink to `path` through an OutputFile.
Result<void> streamOutputFile(const QString &path, const std::function<void(ByteSink &)> &produce,
                              OutputCalls calls = {});

} // namespace gilscope::core
