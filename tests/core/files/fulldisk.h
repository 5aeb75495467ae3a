#pragma once

// A real full disk for tests: a 64 KiB tmpfs filled to its last page. Mounting needs root (or
// CAP_SYS_ADMIN); where it is refused, mounted() is false and the test reports that it skipped.
// Shared by the core and command-line tests.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace gilscope::test {

class FullDisk {
public:
    FullDisk() {
        if (!m_dir.isValid()) {
            m_why = "no temporary folder";
            return;
        }
        const QByteArray path = QFile::encodeName(m_dir.path());
        if (::mount("tmpfs", path.constData(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64k") != 0) {
            m_why = std::string("mount -t tmpfs: ") + std::strerror(errno);
            return;
        }
        m_mounted = true;
    }
    ~FullDisk() {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    FullDisk(const FullDisk &) = delete;
    FullDisk &operator=(const FullDisk &) = delete;

    bool mounted() const { return m_mounted; }
    const std::string &whyNot() const { return m_why; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Writes `name`, then takes every page that is left: the next byte written anywhere fails
    // with ENOSPC.
    void put(const QString &name, const QByteArray &bytes) const {
        QFile f(filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }
    bool fill() const {
        QFile filler(filePath(".filler"));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return false;
        const QByteArray page(4096, 'x');
        while (filler.write(page) == page.size()) {
        }
        return true;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    std::string m_why;
};

} // namespace gilscope::test
