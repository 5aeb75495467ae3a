#include "catalog/machineprofile.h"

#include "files/inputfile.h"
#include "files/localpath.h"
#include "files/outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace gilscope::core {

namespace {

// The parameters a profile may carry, in the order files list them.
const std::vector<std::pair<std::string, double TimingParams::*>> &machineFields() {
    static const std::vector<std::pair<std::string, double TimingParams::*>> fields{
        {"tick_ns", &TimingParams::tick_ns},
        {"contention_ns", &TimingParams::contention_ns},
        {"eval_breaker_ns", &TimingParams::eval_breaker_ns},
        {"signal_cost_us", &TimingParams::signal_cost_us},
        {"failed_wake_us", &TimingParams::failed_wake_us},
        {"wake_latency_min_us", &TimingParams::wake_latency_min_us},
        {"wake_latency_max_us", &TimingParams::wake_latency_max_us},
        {"timer_slack_us", &TimingParams::timer_slack_us},
    };
    return fields;
}

double *field(TimingParams &p, const std::string &key) {
    for (const auto &[name, member] : machineFields())
        if (name == key)
            return &(p.*member);
    return nullptr;
}

struct Invalid {
    std::string message;
};

} // namespace

const std::vector<std::string> &machineParamKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> names;
        for (const auto &[name, _] : machineFields())
            names.push_back(name);
        return names;
    }();
    return keys;
}

double machineParamValue(const TimingParams &params, const std::string &key) {
    TimingParams copy = params;
    const double *value = field(copy, key);
    return value ? *value : std::nan("");
}

MachineProfile modelDefaultCosts() {
    MachineProfile defaults;
    defaults.name = "model defaults";
    TimingParams params;
    for (const auto &[name, member] : machineFields())
        defaults.params[name] = params.*member;
    return defaults;
}

void applyMachineProfile(TimingParams &params, const MachineProfile &profile) {
    for (const auto &[key, value] : profile.params)
        if (double *target = field(params, key))
            *target = value;
}

bool isValidProfileName(const std::string &name) {
    return !name.empty() && name.size() <= 100 && name.front() != '.' &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
                      c == '-';
           });
}

QByteArray machineProfileToJson(const MachineProfile &profile) {
    QJsonObject params;
    for (const auto &[key, value] : profile.params)
        params[QString::fromStdString(key)] = value;
    QJsonArray checks;
    for (const auto &c : profile.checks)
        checks.append(QJsonObject{{"what", QString::fromStdString(c.what)},
                                  {"unit", QString::fromStdString(c.unit)},
                                  {"measured", c.measured},
                                  {"simulated", c.simulated}});
    QJsonObject root{{"gilscope_machine_profile", 1},
                     {"name", QString::fromStdString(profile.name)},
                     {"description", QString::fromStdString(profile.description)},
                     {"params", params},
                     {"checks", checks}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

MachineProfileParse parseMachineProfileJson(const QByteArray &json, const std::string &source) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{source + ": not JSON: " + parseError.errorString().toStdString() +
                     " at offset " + std::to_string(parseError.offset)};
    try {
        if (!doc.isObject() || !doc.object().contains("gilscope_machine_profile"))
            throw Invalid{"not a GIL Scope machine profile (no \"gilscope_machine_profile\" key; "
                          "make one with gilscope calibrate)"};
        const QJsonObject root = doc.object();
        if (root["gilscope_machine_profile"].toInt() != 1)
            throw Invalid{"field gilscope_machine_profile: version 1 expected"};
        MachineProfile p;
        p.name = root["name"].toString().toStdString();
        p.description = root["description"].toString().toStdString();
        const QJsonValue params = root["params"];
        if (!params.isObject())
            throw Invalid{"field params: expected an object of model parameters"};
        TimingParams probe;
        const QJsonObject object = params.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string key = it.key().toStdString();
            double *target = field(probe, key);
            if (!target) {
                std::string allowed;
                for (const auto &k : machineParamKeys())
                    allowed += (allowed.empty() ? "" : ", ") + k;
                throw Invalid{"field params." + key +
                              ": not a machine parameter (allowed: " + allowed + ")"};
            }
            if (!it.value().isDouble() || !std::isfinite(it.value().toDouble()))
                throw Invalid{"field params." + key + ": expected a number"};
            p.params[key] = *target = it.value().toDouble();
        }
        // The same ranges a scenario's params must keep.
        Scenario check;
        check.params = probe;
        check.workers = {WorkerGroup{}};
        if (auto error = validate(check))
            throw Invalid{"field " + error->field + ": " + error->message};
        for (const QJsonValue &c : root["checks"].toArray()) {
            const QJsonObject o = c.toObject();
            p.checks.push_back({o["what"].toString().toStdString(),
                                o["unit"].toString().toStdString(), o["measured"].toDouble(),
                                o["simulated"].toDouble()});
        }
        return p;
    } catch (const Invalid &e) {
        return Error{source + ": " + e.message};
    }
}

MachineProfileStore MachineProfileStore::standard() {
    return MachineProfileStore(
        {QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         "/gilscope/machines"});
}

MachineProfileStore MachineProfileStore::lookingFirstIn(const QString &dir) const {
    QStringList dirs = m_dirs;
    dirs.prepend(dir);
    return MachineProfileStore(dirs);
}

MachineProfileParse MachineProfileStore::find(const std::string &nameOrPath) const {
    const QString text = QString::fromStdString(nameOrPath);
    QStringList candidates;
    const bool isPath = text.contains('/') || text.endsWith(".json");
    if (isPath && QFileInfo(text).isAbsolute()) {
        candidates << text;
    } else if (isPath) {
        for (const QString &dir : m_dirs.mid(0, 1))
            candidates << QDir(dir).filePath(text);
        candidates << QFileInfo(text).absoluteFilePath();
    } else {
        if (!isValidProfileName(nameOrPath))
            return Error{"machine profile name \"" + nameOrPath +
                         "\": use letters, digits, '.', '_' and '-'"};
        for (const QString &dir : m_dirs)
            candidates << QDir(dir).filePath(text + ".json");
    }
    for (const QString &path : candidates) {
        if (!pathExists(path))
            continue;
        const auto json = readInputFile(path, InputLimit::machineProfile());
        if (!json.ok())
            return Error{json.error()};
        return parseMachineProfileJson(*json, displayPath(path));
    }
    return Error{"no machine profile \"" + nameOrPath + "\" (looked at " +
                 candidates.join(", ").toStdString() +
                 "); make one with: gilscope calibrate --name " +
                 (isPath ? std::string("NAME") : nameOrPath)};
}

std::vector<MachineProfile> MachineProfileStore::list() const {
    std::vector<MachineProfile> found;
    for (const QString &dir : m_dirs) {
        for (const QFileInfo &info : QDir(dir).entryInfoList({"*.json"}, QDir::Files, QDir::Name)) {
            const std::string name = info.completeBaseName().toStdString();
            if (std::any_of(found.begin(), found.end(),
                            [&](const MachineProfile &p) { return p.name == name; }))
                continue;
            const auto json = readInputFile(info.filePath(), InputLimit::machineProfile());
            if (!json.ok())
                continue;
            auto parsed = parseMachineProfileJson(*json, info.filePath().toStdString());
            if (parsed.ok()) {
                parsed->name = name; // the file name is what scenarios say
                found.push_back(std::move(*parsed));
            }
        }
    }
    return found;
}

QString MachineProfileStore::pathFor(const std::string &name) const {
    return QDir(m_dirs.isEmpty() ? QString(".") : m_dirs.last())
        .filePath(QString::fromStdString(name) + ".json");
}

Result<void> saveMachineProfile(const MachineProfile &profile, const QString &path) {
    auto failed = [&](const QString &why) {
        return Error{path.toStdString() + ": " + why.toStdString()};
    };
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return failed("cannot create the directory " + info.absolutePath());
    return writeOutputFile(path, machineProfileToJson(profile));
}

} // namespace gilscope::core
