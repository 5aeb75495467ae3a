#include "sampling/gilfinder.h"

#include <QFile>
#include <QRegularExpression>
#include <QString>

#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <map>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace gilscope::core {

namespace {

struct Symbol {
    std::uint64_t value = 0, size = 0;
};

// A read-only mapping of a whole file; empty when it cannot be opened.
class MappedFile {
public:
    explicit MappedFile(const std::string &path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void *p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE,
                             fd, 0);
            if (p != MAP_FAILED) {
                m_data = static_cast<const unsigned char *>(p);
                m_size = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (m_data)
            ::munmap(const_cast<unsigned char *>(m_data), m_size);
    }
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    // A T at `offset`, or nullptr past the end.
    template <typename T> const T *at(std::uint64_t offset, std::uint64_t count = 1) const {
        if (!m_data || offset > m_size || count > (m_size - offset) / sizeof(T))
            return nullptr;
        return reinterpret_cast<const T *>(m_data + offset);
    }
    std::size_t size() const { return m_size; }

private:
    const unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// The wanted symbols an ELF64 file defines (in .symtab or .dynsym), and the virtual address
// its first loadable segment starts at (the load bias is the mapping's start minus that).
struct ElfLookup {
    std::map<std::string, Symbol> symbols;
    std::uint64_t firstLoad = 0;
    bool elf = false;
};

ElfLookup lookUp(const std::string &path, const std::vector<std::string> &wanted) {
    ElfLookup out;
    const MappedFile file(path);
    const auto *eh = file.at<Elf64_Ehdr>(0);
    if (!eh || std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
        eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_shentsize != sizeof(Elf64_Shdr))
        return out;
    out.elf = true;
    if (const auto *ph = file.at<Elf64_Phdr>(eh->e_phoff, eh->e_phnum))
        for (int i = 0; i < eh->e_phnum; ++i)
            if (ph[i].p_type == PT_LOAD) {
                out.firstLoad = ph[i].p_vaddr - ph[i].p_offset;
                break;
            }
    const auto *sections = file.at<Elf64_Shdr>(eh->e_shoff, eh->e_shnum);
    if (!sections)
        return out;
    for (int i = 0; i < eh->e_shnum; ++i) {
        const Elf64_Shdr &sh = sections[i];
        if ((sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) || sh.sh_link >= eh->e_shnum ||
            sh.sh_entsize != sizeof(Elf64_Sym))
            continue;
        const Elf64_Shdr &strtab = sections[sh.sh_link];
        const auto *names = file.at<char>(strtab.sh_offset, strtab.sh_size);
        const auto *syms = file.at<Elf64_Sym>(sh.sh_offset, sh.sh_size / sizeof(Elf64_Sym));
        if (!names || !syms)
            continue;
        for (std::uint64_t s = 0; s < sh.sh_size / sizeof(Elf64_Sym); ++s) {
            if (syms[s].st_shndx == SHN_UNDEF || syms[s].st_name >= strtab.sh_size)
                continue;
            const char *name = names + syms[s].st_name;
            const std::size_t room = strtab.sh_size - syms[s].st_name;
            const std::size_t length = ::strnlen(name, room);
            if (length == room)
                continue;
            for (const std::string &w : wanted)
                if (w.size() == length && std::memcmp(w.data(), name, length) == 0)
                    out.symbols[w] = Symbol{syms[s].st_value, syms[s].st_size};
        }
    }
    return out;
}

struct Mapped {
    std::string path;
    std::uint64_t start = 0; // where its offset-0 page is mapped
};

// The executable and any libpython the process has mapped, executable first.
std::vector<Mapped> pythonFiles(int pid, std::string &exe) {
    char link[4096];
    const std::string exeLink = "/proc/" + std::to_string(pid) + "/exe";
    const ssize_t n = ::readlink(exeLink.c_str(), link, sizeof link - 1);
    if (n > 0)
        exe.assign(link, static_cast<std::size_t>(n));
    QFile maps(QString("/proc/%1/maps").arg(pid));
    std::vector<Mapped> files;
    if (!maps.open(QIODevice::ReadOnly))
        return files;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        // start-end perms offset dev inode path
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 6 || f[2].toULongLong(nullptr, 16) != 0)
            continue;
        const std::string path = line.mid(line.indexOf('/')).toStdString();
        if (line.indexOf('/') < 0)
            continue;
        const std::string base = path.substr(path.rfind('/') + 1);
        const bool isExe = path == exe;
        if (!isExe && base.rfind("libpython", 0) != 0)
            continue;
        bool known = false;
        for (const Mapped &m : files)
            known = known || m.path == path;
        if (known)
            continue;
        const Mapped m{path, f[0].split('-').value(0).toULongLong(nullptr, 16)};
        if (isExe)
            files.insert(files.begin(), m);
        else
            files.push_back(m);
    }
    return files;
}

bool readPointer(int pid, std::uint64_t address, std::uint64_t &value) {
    const std::string path = "/proc/" + std::to_string(pid) + "/mem";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::pread(fd, &value, sizeof value, static_cast<off_t>(address)) ==
                    static_cast<ssize_t>(sizeof value);
    ::close(fd);
    return ok;
}

} // namespace

Result<GilLocation> findGil(int pid) {
    std::string exe;
    const std::vector<Mapped> files = pythonFiles(pid, exe);
    static const std::vector<std::string> wanted = {
        "_PyRuntime", "gil_cond", "gil_mutex", "switch_cond", "switch_mutex", "interpreter_lock"};
    GilLocation found;
    static const QRegularExpression version("python(\\d\\.\\d+)(t?)");
    for (const Mapped &m : files) {
        const std::string base = m.path.substr(m.path.rfind('/') + 1);
        const auto match = version.match(QString::fromStdString(base));
        if (match.hasMatch() && found.python.empty()) {
            found.python = match.captured(1).toStdString();
            found.freeThreaded = !match.captured(2).isEmpty();
        }
        // Through the process's own root first: it may live in another mount namespace.
        ElfLookup elf = lookUp("/proc/" + std::to_string(pid) + "/root" + m.path, wanted);
        if (!elf.elf)
            elf = lookUp(m.path, wanted);
        if (!elf.elf)
            continue;
        const std::uint64_t bias = m.start - (elf.firstLoad & ~std::uint64_t{0xfff});
        const auto &s = elf.symbols;
        if (const auto runtime = s.find("_PyRuntime"); runtime != s.end() && runtime->second.size) {
            found.addresses.ranges.push_back({bias + runtime->second.value,
                                              bias + runtime->second.value + runtime->second.size});
            found.how = "_PyRuntime in " + base;
            return found;
        }
        if (s.count("gil_cond") && s.count("gil_mutex")) {
            for (const char *name : {"gil_cond", "gil_mutex", "switch_cond", "switch_mutex"})
                if (const auto it = s.find(name); it != s.end())
                    found.addresses.ranges.push_back(
                        {bias + it->second.value,
                         bias + it->second.value + std::max<std::uint64_t>(it->second.size, 4)});
            found.how = "gil_cond, gil_mutex, switch_cond and switch_mutex in " + base;
            return found;
        }
        if (const auto lock = s.find("interpreter_lock"); lock != s.end()) {
            std::uint64_t semaphore = 0;
            if (!readPointer(pid, bias + lock->second.value, semaphore))
                return Error{"cannot read the memory of process " + std::to_string(pid) +
                             " (to find its GIL)"};
            found.how = "interpreter_lock in " + base;
            if (semaphore == 0)
                found.retryLater = true; // no thread started yet: no GIL yet
            else
                found.addresses.ranges.push_back({semaphore, semaphore + 32}); // a sem_t
            return found;
        }
    }
    if (found.freeThreaded) {
        found.how = "a free-threaded build";
        return found;
    }
    if (found.python.empty())
        return Error{"process " + std::to_string(pid) + " (" + exe +
                     ") does not look like CPython: no python executable or libpython mapped"};
    return Error{"process " + std::to_string(pid) +
                 ": no GIL symbols (_PyRuntime, gil_cond or interpreter_lock) in " + exe +
                 " or its libpython: a stripped Python 2.7 or 3.6?"};
}

} // namespace gilscope::core
