#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <string>

namespace gilscope::core {

// File names on Linux are bytes, not text: "caf\xe9.json" is a valid name that is not UTF-8.
// Qt decodes such bytes to U+FFFD, so the name no longer leads back to the file. These two
// functions round-trip every name: valid UTF-8 decodes as usual, and each byte of an invalid
// sequence becomes the lone surrogate U+DC80 + (byte - 0x80) (Python's "surrogateescape"),
// which encoding turns back into that byte.
QString decodeLocalPath(QByteArrayView bytes);
QByteArray encodeLocalPath(const QString &path);

// The absolute folder `path` names its file in, like QFileInfo::absolutePath(), which would turn
// bytes that are not UTF-8 into U+FFFD.
QString absoluteFolderOf(const QString &path);

// Whether `path` names something (following links), whatever bytes its name holds.
bool pathExists(const QString &path);

// The name as it stands on disk, for messages: the same bytes `ls` prints.
std::string displayPath(const QString &path);

} // namespace gilscope::core
