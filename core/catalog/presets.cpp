#include "catalog/presets.h"

#include "scenario/scenariojson.h"

#include <QDir>
#include <QFile>

// The preset resources live in this static library: make sure the linker keeps them.
static void initPresetResources() {
    Q_INIT_RESOURCE(presets);
}

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

Result<Scenario> loadPreset(const std::string &name, const std::vector<std::string> &overrides) {
    initPresetResources();
    QFile file(kPresetDir + "/" + QString::fromStdString(name) + ".json");
    if (!file.open(QIODevice::ReadOnly)) {
        std::string known;
        for (const auto &n : presetNames())
            known += (known.empty() ? "" : ", ") + n;
        return Error{"unknown preset \"" + name + "\" (known: " + known + ")"};
    }
    return parseScenarioJson(file.readAll(), "preset " + name, overrides);
}

} // namespace gilscope::core
