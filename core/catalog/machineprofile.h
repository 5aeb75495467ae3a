#pragma once

#include "result.h"
#include "scenario/scenario.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gilscope::core {

// One figure a calibration measured on the real interpreter beside what the fitted model gives
// for the same workload: how far the profile can be trusted.
struct ProfileCheck {
    std::string what; // "Python 3.12.1: 2-thread countdown, median hold"
    std::string unit; // "ms", "x"
    double measured = 0;
    double simulated = 0;
};

// The machine-dependent parameters of the model as `gilscope calibrate` measured them on one
// machine. A scenario names it ("machine": "NAME"); its values replace the defaults, and the
// scenario's own params still win.
struct MachineProfile {
    std::string name;
    std::string description;              // cores, Pythons measured with, date
    std::map<std::string, double> params; // keys from machineParamKeys()
    std::vector<ProfileCheck> checks;
};

// The TimingParams a profile may set: costs of this CPU and kernel, never the scenario's own
// choices (switch interval, cores, executors) nor a build's (ft_slowdown belongs to a preset).
const std::vector<std::string> &machineParamKeys();

// The value of one machine parameter (a key from machineParamKeys(); NaN for others).
double machineParamValue(const TimingParams &params, const std::string &key);

// The model's own value of every machine parameter: applying it undoes a profile.
MachineProfile modelDefaultCosts();

// Sets the profile's values on `params`.
void applyMachineProfile(TimingParams &params, const MachineProfile &profile);

QByteArray machineProfileToJson(const MachineProfile &profile);

// A profile, or an error naming the source and the field.
using MachineProfileParse = Result<MachineProfile>;
MachineProfileParse parseMachineProfileJson(const QByteArray &json, const std::string &source);

// Where named profiles are kept: NAME.json in each directory, first match wins.
class MachineProfileStore {
public:
    explicit MachineProfileStore(QStringList dirs)
        : m_dirs(std::move(dirs)) {}
    // $XDG_DATA_HOME/gilscope/machines (~/.local/share/gilscope/machines).
    static MachineProfileStore standard();

    const QStringList &dirs() const { return m_dirs; }
    // The same store, looking in `dir` first (a scenario file's own directory).
    MachineProfileStore lookingFirstIn(const QString &dir) const;

    // A name ("lab-box") or a path to a profile file (containing '/' or ending in .json).
    MachineProfileParse find(const std::string &nameOrPath) const;
    // Every readable profile, by name; unreadable files are skipped.
    std::vector<MachineProfile> list() const;
    // Where `name` is saved: NAME.json in the last directory (the standard one by default).
    QString pathFor(const std::string &name) const;

private:
    QStringList m_dirs;
};

// Writes atomically: a failed save leaves any previous file as it was. False with `error` set
// when the directory cannot be made or written.
Result<void> saveMachineProfile(const MachineProfile &profile, const QString &path);

// Profile names become file names: letters, digits, '.', '_' and '-' only.
bool isValidProfileName(const std::string &name);

} // namespace gilscope::core
