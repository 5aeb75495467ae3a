#include "files/outputfile.h"

#include "files/localpath.h"

#include <QRandomGenerator>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace gilscope::core {

namespace {

// Small writes are gathered up to this size; larger ones go straight through.
constexpr std::size_t kBufferBytes = 256 * 1024;

std::string osMessage(int error) {
    return std::generic_category().message(error);
}

Error cannotWrite(const std::string &name, const std::string &why) {
    return Error{name + ": cannot write: " + why};
}

// Paths into /dev and /proc name devices, descriptors (/dev/fd/3, /dev/stdout, /proc/self/fd/1)
// and kernel files: whatever stat says they are, they are written in place, never replaced (a
// file renamed over the one behind /dev/stdout would leave the open descriptor on the old one).
// /dev/shm is an ordinary tmpfs for ordinary files.
bool isSystemPath(const QByteArray &path) {
    QByteArray absolute = path;
    if (!absolute.startsWith('/')) {
        char *cwd = ::getcwd(nullptr, 0);
        absolute = QByteArray(cwd ? cwd : "") + '/' + path;
        std::free(cwd);
    }
    return (absolute.startsWith("/dev/") && !absolute.startsWith("/dev/shm/")) ||
           absolute.startsWith("/proc/");
}

// The file a symbolic link leads to, so that it is replaced and the link kept.
QByteArray resolved(const QByteArray &path) {
    char *real = ::realpath(path.constData(), nullptr);
    if (!real)
        return path;
    QByteArray out(real);
    std::free(real);
    return out;
}

// "NAME" in DIR becomes DIR/.NAME.XXXXXX.tmp: hidden, beside it, on the same file system, so
// that the rename is atomic. Long names are shortened to stay within NAME_MAX.
QByteArray tempPathFor(const QByteArray &target) {
    const qsizetype slash = target.lastIndexOf('/');
    const QByteArray dir = slash < 0 ? QByteArray(".") : target.left(slash + 1);
    const QByteArray base = (slash < 0 ? target : target.mid(slash + 1)).left(NAME_MAX - 16);
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray suffix(6, 'x');
    for (char &c : suffix)
        c = kAlphabet[QRandomGenerator::system()->bounded(36)];
    return (slash < 0 ? QByteArray() : dir) + '.' + base + '.' + suffix + ".tmp";
}

// Creates the temporary file beside `target`: its descriptor, or -1 with errno set. 0666 less
// the umask, like any program's new output.
int createTempBeside(const QByteArray &target, QByteArray *tempPath) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        *tempPath = tempPathFor(target);
        const int fd = ::open(tempPath->constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) {
            if (fd < 0)
                tempPath->clear();
            return fd;
        }
    }
    tempPath->clear();
    errno = EEXIST;
    return -1;
}

// How `path` is written.
enum class Target { InPlace, Replaced };
struct Plan {
    Target how = Target::Replaced;
    bool exists = false;
    struct stat info {};
};

// A regular file (or a new name) is replaced; a device, a FIFO, a descriptor path or a dangling
// link is written in place. A folder cannot be written at all: errno says why.
bool planFor(const QByteArray &path, Plan *plan) {
    plan->exists = ::stat(path.constData(), &plan->info) == 0;
    if (plan->exists && S_ISDIR(plan->info.st_mode)) {
        errno = EISDIR;
        return false;
    }
    struct stat link {};
    const bool dangling =
        !plan->exists && ::lstat(path.constData(), &link) == 0 && S_ISLNK(link.st_mode);
    plan->how = (plan->exists && !S_ISREG(plan->info.st_mode)) || dangling || isSystemPath(path)
                    ? Target::InPlace
                    : Target::Replaced;
    return true;
}

// After a rename the folder's entry must reach the disk too, or a crash may bring back the
// earlier file. Best effort: some file systems cannot sync a folder.
void syncFolderOf(const QByteArray &path) {
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray dir = slash < 0 ? QByteArray(".") : slash == 0 ? "/" : path.left(slash);
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

OutputFile::OutputFile(std::string name, OutputCalls calls)
    : m_name(std::move(name))
    , m_calls(std::move(calls)) {}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const QString &path, OutputCalls calls) {
    if (path == QLatin1String("-")) {
        std::fflush(stdout); // what was printed before goes first
        std::unique_ptr<OutputFile> out(new OutputFile("standard output", std::move(calls)));
        out->m_fd = STDOUT_FILENO;
        out->m_ownsFd = false;
        return out;
    }
    const std::string name = displayPath(path);
    if (path.isEmpty())
        return cannotWrite("\"\"", "no file name");
    const QByteArray bytes = encodeLocalPath(path);
    std::unique_ptr<OutputFile> out(new OutputFile(name, std::move(calls)));

    Plan plan;
    if (!planFor(bytes, &plan))
        return cannotWrite(name, osMessage(errno));
    const struct stat &target = plan.info;
    if (plan.how == Target::InPlace) {
        // Opened as a shell redirection would: a FIFO waits here for its reader.
        int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY;
        if (!plan.exists || S_ISREG(target.st_mode))
            flags |= O_CREAT | O_TRUNC;
        out->m_fd = ::open(bytes.constData(), flags, 0666);
        if (out->m_fd < 0)
            return cannotWrite(name, osMessage(errno));
        return out;
    }

    out->m_targetPath = plan.exists ? resolved(bytes) : bytes;
    out->m_fd = createTempBeside(out->m_targetPath, &out->m_tempPath);
    if (out->m_fd < 0)
        return cannotWrite(name, osMessage(errno));
    if (plan.exists) {
        // The new file keeps the earlier one's permissions, and its owner when we may set it.
        ::fchmod(out->m_fd, target.st_mode & 07777);
        if (::geteuid() == 0 && (target.st_uid != 0 || target.st_gid != 0))
            if (::fchown(out->m_fd, target.st_uid, target.st_gid) != 0) {
                // Kept as root's: the contents matter more than the owner.
            }
    }
    return out;
}

Result<void> OutputFile::probe(const QString &path) {
    if (path == QLatin1String("-"))
        return {};
    const std::string name = displayPath(path);
    const QByteArray bytes = encodeLocalPath(path);
    Plan plan;
    if (path.isEmpty() || !planFor(bytes, &plan))
        return cannotWrite(name, osMessage(path.isEmpty() ? ENOENT : errno));
    if (plan.how == Target::InPlace) {
        // Not opened: a FIFO would wait for a reader, and then give it an empty file.
        if (plan.exists && ::access(bytes.constData(), W_OK) != 0)
            return cannotWrite(name, osMessage(errno));
        return {};
    }
    QByteArray temp;
    const int fd = createTempBeside(plan.exists ? resolved(bytes) : bytes, &temp);
    if (fd < 0)
        return cannotWrite(name, osMessage(errno));
    ::close(fd);
    ::unlink(temp.constData());
    return {};
}

OutputFile::~OutputFile() {
    if (m_fd >= 0 && m_ownsFd)
        ::close(m_fd);
    if (!m_committed && !m_tempPath.isEmpty())
        ::unlink(m_tempPath.constData());
}

void OutputFile::fail(int error) {
    if (m_error.empty())
        m_error = m_name + ": cannot write: " + osMessage(error);
}

bool OutputFile::writeAll(const char *data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = m_calls.write(m_fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fail(n < 0 ? errno : EIO);
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool OutputFile::flushBuffer() {
    const bool ok = writeAll(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    return ok;
}

bool OutputFile::write(QByteArrayView bytes) {
    if (!m_error.empty() || m_committed)
        return false;
    const auto size = static_cast<std::size_t>(bytes.size());
    if (m_buffer.size() + size > kBufferBytes) {
        if (!flushBuffer())
            return false;
        if (size >= kBufferBytes)
            return writeAll(bytes.data(), size);
    }
    if (m_buffer.capacity() < kBufferBytes)
        m_buffer.reserve(kBufferBytes);
    m_buffer.append(bytes.data(), size);
    return true;
}

Result<void> OutputFile::commit() {
    if (m_committed)
        return {};
    if (m_error.empty())
        flushBuffer();
    const bool replacing = !m_tempPath.isEmpty();
    if (m_error.empty() && replacing && m_calls.fsync(m_fd) != 0)
        fail(errno);
    if (m_ownsFd && m_fd >= 0) {
        if (::close(m_fd) != 0)
            fail(errno); // NFS and others report a failed write only here
        m_fd = -1;
    }
    if (m_error.empty() && replacing &&
        ::rename(m_tempPath.constData(), m_targetPath.constData()) != 0)
        fail(errno);
    if (!m_error.empty())
        return Error{m_error}; // the destructor removes the temporary file
    m_committed = true;
    if (replacing)
        syncFolderOf(m_targetPath);
    return {};
}

Result<void> writeOutputFile(const QString &path, QByteArrayView bytes, OutputCalls calls) {
    return streamOutputFile(
        path, [&](ByteSink &sink) { sink.write(bytes); }, std::move(calls));
}

Result<void> streamOutputFile(const QString &path, const std::function<void(ByteSink &)> &produce,
                              OutputCalls calls) {
    auto file = OutputFile::open(path, std::move(calls));
    if (!file.ok())
        return Error{file.error()};
    produce(**file);
    return (*file)->commit();
}

} // namespace gilscope::core
