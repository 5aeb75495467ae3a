#include "files/localpath.h"

#include <QDir>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace gilscope::core {

namespace {

constexpr char16_t kEscapeBase = 0xDC00; // + the byte, 0x80..0xFF: U+DC80..U+DCFF

// The length of the valid UTF-8 sequence at `s` (1 to 4), or 0 when the bytes there are not one
// (a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut short).
int validSequenceLength(const unsigned char *s, qsizetype left, char32_t *codePoint) {
    const unsigned char b = s[0];
    int length = 0;
    char32_t cp = 0, min = 0;
    if (b < 0x80) {
        *codePoint = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        length = 2, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        length = 3, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        length = 4, cp = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (left < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *codePoint = cp;
    return length;
}

} // namespace

QString decodeLocalPath(QByteArrayView bytes) {
    QString out;
    out.reserve(bytes.size());
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    for (qsizetype i = 0; i < bytes.size();) {
        char32_t cp = 0;
        const int length = validSequenceLength(s + i, bytes.size() - i, &cp);
        if (length == 0) {
            out += QChar(static_cast<char16_t>(kEscapeBase + s[i]));
            ++i;
            continue;
        }
        if (cp >= 0x10000) {
            out += QChar(QChar::highSurrogate(cp));
            out += QChar(QChar::lowSurrogate(cp));
        } else {
            out += QChar(static_cast<char16_t>(cp));
        }
        i += length;
    }
    return out;
}

QByteArray encodeLocalPath(const QString &path) {
    QByteArray out;
    out.reserve(path.size());
    const qsizetype n = path.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = path.at(i).unicode();
        char32_t cp = c;
        if (QChar::isHighSurrogate(c) && i + 1 < n &&
            QChar::isLowSurrogate(path.at(i + 1).unicode())) {
            cp = QChar::surrogateToUcs4(c, path.at(i + 1).unicode());
            ++i;
        } else if (c >= kEscapeBase + 0x80 && c <= kEscapeBase + 0xFF) {
            out += static_cast<char>(c - kEscapeBase); // an escaped byte goes back as it was
            continue;
        } else if (QChar::isSurrogate(c)) {
            cp = 0xFFFD; // a lone surrogate no decoding made: not a name any file can have
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

QString absoluteFolderOf(const QString &path) {
    QString absolute = path;
    if (!path.startsWith(QLatin1Char('/'))) {
        char *cwd = ::getcwd(nullptr, 0);
        absolute = (cwd ? decodeLocalPath(cwd) : QString()) + QLatin1Char('/') + path;
        std::free(cwd);
    }
    absolute = QDir::cleanPath(absolute); // text only: escaped bytes survive
    const qsizetype slash = absolute.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : absolute.left(slash);
}

bool pathExists(const QString &path) {
    struct stat info {};
    return !path.isEmpty() && ::stat(encodeLocalPath(path).constData(), &info) == 0;
}

std::string displayPath(const QString &path) {
    return encodeLocalPath(path).toStdString();
}

} // namespace gilscope::core
