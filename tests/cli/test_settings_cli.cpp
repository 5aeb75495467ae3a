// Settings under one name without spaces, and the old "GIL Scope/GIL Scope.conf" carried over once.
#include "support.h"

#include "settingsname.h"

#include <QDir>
#include <QTemporaryDir>

namespace {

// Points XDG_CONFIG_HOME at a fresh folder for one test and back afterwards.
struct ConfigHome {
    QTemporaryDir dir;
    QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    bool wasSet = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
    ConfigHome() {
        REQUIRE(dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
    }
    ~ConfigHome() {
        if (wasSet)
            qputenv("XDG_CONFIG_HOME", saved);
        else
            qunsetenv("XDG_CONFIG_HOME");
    }
    QString path(const QString &relative) const { return dir.filePath(relative); }
    void write(const QString &relative, const QByteArray &text) const {
        QDir().mkpath(QFileInfo(path(relative)).absolutePath());
        QFile f(path(relative));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
};

const QByteArray kOldSettings = "[files]\nrecent=/home/ada/talk.json\n";

} // namespace

TEST_CASE("the old settings file is copied to gilscope/gilscope.conf once") {
    ConfigHome home;
    home.write("GIL Scope/GIL Scope.conf", kOldSettings);
    CHECK(gilscope::app::migrateOldSettings() == "settings moved from " +
                                                     home.path("GIL Scope/GIL Scope.conf") +
                                                     " to " + home.path("gilscope/gilscope.conf"));
    CHECK(clitest::readAll(home.path("gilscope/gilscope.conf")) == kOldSettings);
    // The old file stays for an older version; changes made since are not overwritten.
    CHECK(clitest::readAll(home.path("GIL Scope/GIL Scope.conf")) == kOldSettings);
    home.write("gilscope/gilscope.conf", "[files]\nrecent=/home/ada/new.json\n");
    CHECK(gilscope::app::migrateOldSettings().isEmpty());
    CHECK(clitest::readAll(home.path("gilscope/gilscope.conf")) ==
          "[files]\nrecent=/home/ada/new.json\n");
}

TEST_CASE("without old settings nothing is written") {
    ConfigHome home;
    CHECK(gilscope::app::migrateOldSettings().isEmpty());
    CHECK_FALSE(QFileInfo::exists(home.path("gilscope")));
}

TEST_CASE("a failed copy is reported, naming both files") {
    ConfigHome home;
    home.write("GIL Scope/GIL Scope.conf", kOldSettings);
    home.write("gilscope", "a file where the folder should be");
    CHECK(gilscope::app::migrateOldSettings() == "cannot copy the settings " +
                                                     home.path("GIL Scope/GIL Scope.conf") +
                                                     " to " + home.path("gilscope/gilscope.conf"));
}
