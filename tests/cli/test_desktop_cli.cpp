// Desktop integration files against the binary and each other: the shell completion offers every
// option --help lists, the .desktop file and the metainfo claim exactly GIL Scope's own MIME types
// (never application/json), and the validators Debian and AppStream use accept them.
#include "support.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QXmlStreamReader>

namespace {

const QString kDesktopDir = QStringLiteral(GILSCOPE_SOURCE_DIR "/resources/desktop");
const QString kPackagingDir = QStringLiteral(GILSCOPE_PACKAGING_DIR);

QString output(const QStringList &args) {
    const clitest::Output r = clitest::run(args);
    REQUIRE(r.exitCode == 0);
    return r.text();
}

QSet<QString> longOptions(const QString &help) {
    QSet<QString> options;
    const QRegularExpression option(QStringLiteral("^\\s+(?:-\\S, )?(--[a-z-]+)"),
                                    QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();)
        options.insert(it.next().captured(1));
    return options;
}

// Every value of `attribute` on `element` in the XML file, in order.
QStringList xmlValues(const QString &path, const QString &element, const QString &attribute = {}) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList values;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == element)
            values << (attribute.isEmpty() ? xml.readElementText()
                                           : xml.attributes().value(attribute).toString());
    }
    REQUIRE_FALSE(xml.hasError());
    return values;
}

QStringList desktopMimeTypes() {
    const QString desktop = QString::fromUtf8(clitest::readAll(kDesktopDir + "/gilscope.desktop"));
    const auto match =
        QRegularExpression(QStringLiteral("^MimeType=(.*)$"), QRegularExpression::MultilineOption)
            .match(desktop);
    REQUIRE(match.hasMatch());
    return match.captured(1).split(';', Qt::SkipEmptyParts);
}

// The validator's exit status and output; false when the tool is not installed (scripts/test
// installs it).
bool validate(const QString &tool, const QStringList &args, QString *out) {
    if (QStandardPaths::findExecutable(tool).isEmpty()) {
        WARN(tool.toStdString() + " is not installed: not checked");
        return false;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(tool, args);
    REQUIRE(p.waitForFinished(60'000));
    *out = QString::fromUtf8(p.readAll());
    INFO(out->toStdString());
    CHECK(p.exitCode() == 0);
    return true;
}

} // namespace

TEST_CASE("bash completion offers every option of gilscope and of each command") {
    const QString completion =
        QString::fromUtf8(clitest::readAll(kDesktopDir + "/gilscope.bash-completion"));
    REQUIRE_FALSE(completion.isEmpty());
    for (const QStringList &command :
         {QStringList{"--help"}, QStringList{"record", "--help"}, QStringList{"attach", "--help"},
          QStringList{"calibrate", "--help"}}) {
        const QSet<QString> options = longOptions(output(command));
        CHECK(options.size() >= 5);
        for (const QString &option : options) {
            INFO(command.join(' ').toStdString() + ": " + option.toStdString());
            CHECK(completion.contains(option));
        }
    }
}

TEST_CASE("the desktop file opens GIL Scope's own file types and leaves JSON alone") {
    const QStringList claimed = desktopMimeTypes();
    CHECK(claimed ==
          QStringList{"application/x-gilscope-scenario", "application/x-gilscope-trace"});
    CHECK_FALSE(claimed.contains("application/json"));
    const QString mime = kDesktopDir + "/gilscope.xml";
    CHECK(xmlValues(mime, "mime-type", "type") == claimed);
    CHECK(xmlValues(mime, "glob", "pattern") ==
          QStringList{"*.gilscope.json", "*.gilscope-trace.json"});
    CHECK(xmlValues(mime, "sub-class-of", "type") ==
          QStringList{"application/json", "application/json"});
    const QString metainfo = kPackagingDir + "/" GILSCOPE_APP_ID ".metainfo.xml";
    CHECK(xmlValues(metainfo, "mediatype") == claimed);
    CHECK(xmlValues(metainfo, "launchable") == QStringList{GILSCOPE_APP_ID ".desktop"});
    CHECK(xmlValues(metainfo, "id") == QStringList{GILSCOPE_APP_ID});
}

TEST_CASE("the hicolor PNG icons are rendered at every size from the SVG") {
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString path =
            QStringLiteral("%1/icons/%2x%2/apps/gilscope.png").arg(kPackagingDir).arg(size);
        const QByteArray png = clitest::readAll(path);
        INFO(path.toStdString());
        REQUIRE(png.startsWith("\x89PNG"));
        // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        const auto be32 = [&](int at) {
            return (uchar(png[at]) << 24) | (uchar(png[at + 1]) << 16) | (uchar(png[at + 2]) << 8) |
                   uchar(png[at + 3]);
        };
        CHECK(be32(16) == size);
        CHECK(be32(20) == size);
    }
}

TEST_CASE("desktop-file-validate and appstreamcli validate accept the desktop files") {
    QString out;
    if (validate("desktop-file-validate", {kDesktopDir + "/gilscope.desktop"}, &out))
        CHECK(out.trimmed().isEmpty());
    // Offline: the screenshot addresses are checked for form, not fetched.
    if (validate("appstreamcli",
                 {"validate", "--no-net", kPackagingDir + "/" GILSCOPE_APP_ID ".metainfo.xml"},
                 &out))
        CHECK(out.contains("Validation was successful"));
}
