#include "files/inputfile.h"

#include "files/localpath.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>

namespace gilscope::core {

namespace {

constexpr qint64 kChunkBytes = 1 << 20;

std::string osMessage(int error) {
    return std::generic_category().message(error);
}

const char *fileKind(mode_t mode) {
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

Error notRegular(const std::string &name, mode_t mode, InputLimit limit) {
    return Error{name + ": cannot read " + fileKind(mode) + ": " + limit.kind +
                 " is read from a regular file of at most " + formatBytes(limit.bytes)};
}

Error tooLarge(const std::string &name, qint64 size, InputLimit limit) {
    // The size is known for a file; standard input is refused one byte past the limit.
    const std::string what = size > limit.bytes ? formatBytes(size) + ", " : "";
    return Error{name + ": cannot read: " + what + "more than the " + formatBytes(limit.bytes) +
                 " " + limit.kind + " may be"};
}

// Reads `fd` to its end, refusing at one byte past the limit.
Result<QByteArray> readAll(int fd, qint64 expected, const std::string &name, InputLimit limit) {
    QByteArray data;
    data.reserve(std::min(expected, limit.bytes) + 1);
    for (;;) {
        const qint64 room = std::min(kChunkBytes, limit.bytes + 1 - data.size());
        const qsizetype had = data.size();
        data.resize(had + room);
        const ssize_t n = ::read(fd, data.data() + had, static_cast<std::size_t>(room));
        if (n < 0 && errno == EINTR) {
            data.resize(had);
            continue;
        }
        if (n < 0)
            return Error{name + ": cannot read: " + osMessage(errno)};
        data.resize(had + n);
        if (n == 0)
            return data;
        if (data.size() > limit.bytes)
            return tooLarge(name, -1, limit);
    }
}

} // namespace

std::string formatBytes(qint64 bytes) {
    static const std::pair<qint64, const char *> kUnits[] = {
        {qint64(1) << 30, "GiB"}, {qint64(1) << 20, "MiB"}, {qint64(1) << 10, "KiB"}};
    for (const auto &[unit, name] : kUnits) {
        if (bytes < unit)
            continue;
        char text[32];
        if (bytes % unit == 0)
            std::snprintf(text, sizeof text, "%lld %s", static_cast<long long>(bytes / unit), name);
        else
            std::snprintf(text, sizeof text, "%.1f %s", static_cast<double>(bytes) / unit, name);
        return text;
    }
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

namespace {

// Opens a regular file of at most `limit` for reading: the descriptor, or why not.
Result<int> openRegular(const QString &path, InputLimit limit, qint64 &size) {
    const std::string name = displayPath(path);
    const QByteArray bytes = encodeLocalPath(path);
    if (bytes.isEmpty())
        return Error{"cannot read: no file name"};

    // Looked at before opening: opening a FIFO waits for a writer, and some devices act when
    // opened.
    struct stat info {};
    if (::stat(bytes.constData(), &info) != 0)
        return Error{name + ": cannot read: " + osMessage(errno)};
    if (!S_ISREG(info.st_mode))
        return notRegular(name, info.st_mode, limit);
    if (info.st_size > limit.bytes)
        return tooLarge(name, info.st_size, limit);

    // Non-blocking, and checked again once open: the name may have been swapped meanwhile.
    const int fd = ::open(bytes.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return Error{name + ": cannot read: " + osMessage(errno)};
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        const mode_t mode = opened.st_mode;
        ::close(fd);
        return notRegular(name, mode, limit);
    }
    size = opened.st_size;
    return fd;
}

} // namespace

Result<QByteArray> readInputFile(const QString &path, InputLimit limit, DashMeans dash) {
    if (path == QLatin1String("-") && dash == DashMeans::StandardInput)
        return readAll(STDIN_FILENO, 0, "standard input", limit);
    qint64 size = 0;
    const auto fd = openRegular(path, limit, size);
    if (!fd)
        return Error{fd.error()};
    auto data = readAll(*fd, size, displayPath(path), limit);
    ::close(*fd);
    return data;
}

Result<InputBytes> mapInputFile(const QString &path, InputLimit limit, DashMeans dash) {
    if (path == QLatin1String("-") && dash == DashMeans::StandardInput) {
        auto data = readAll(STDIN_FILENO, 0, "standard input", limit);
        if (!data)
            return Error{data.error()};
        return InputBytes(std::move(*data));
    }
    qint64 size = 0;
    const auto fd = openRegular(path, limit, size);
    if (!fd)
        return Error{fd.error()};
    if (size == 0) {
        ::close(*fd);
        return InputBytes();
    }
    void *address = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, *fd, 0);
    ::close(*fd);
    if (address == MAP_FAILED) { // a file system without mmap: read it instead
        auto data = readInputFile(path, limit, dash);
        if (!data)
            return Error{data.error()};
        return InputBytes(std::move(*data));
    }
    ::madvise(address, static_cast<std::size_t>(size), MADV_SEQUENTIAL);
    std::shared_ptr<const void> mapping(address, [size](const void *a) {
        ::munmap(const_cast<void *>(a), static_cast<std::size_t>(size));
    });
    return InputBytes(std::move(mapping), QByteArrayView(static_cast<const char *>(address), size));
}

} // namespace gilscope::core
