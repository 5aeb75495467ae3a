#include "presets.h"

#include "scenariojson.h"

#include <QDir>
#include <QFile>

// The preset resources live in this static library: make sure the linker keeps them.
static void initPresetResources() { Q_INIT_RESOURCE(presets); }

namespace gilscope::core {

namespace {
const QString kPresetDir = QStringLiteral(":/presets");
}

std::vector<std::string> presetNames() {
    initPresetResources();
    std::vector<std::string> names;
    const auto files = QDir(kPresetDir).entryList({"*.json"}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.push_back(file.chopped(5).toStdString());
    return names;
}

std::optional<Scenario> loadPreset(const std::string &name, std::string *error) {
    initPresetResources();
    QFile file(kPresetDir + "/" + QString::fromStdString(name) + ".json");
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            std::string known;
            for (const auto &n : presetNames())
                known += (known.empty() ? "" : ", ") + n;
            *error = "unknown preset \"" + name + "\" (known: " + known + ")";
        }
        return std::nullopt;
    }
    auto parsed = parseScenarioJson(file.readAll(), "preset " + name);
    if (!parsed.ok() && error)
        *error = parsed.error;
    return parsed.scenario;
}

} // namespace gilscope::core
