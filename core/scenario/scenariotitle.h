#pragma once

#include "scenario/scenario.h"

#include <QString>

// What a scenario is called wherever it is shown or saved: the window and chart titles, Compare's
// labels, export titles and file names. A preset's name stops being true after an edit ("4 CPU
// threads" above 64 threads), so a scenario that no longer matches its preset is titled from what
// it is instead.
namespace gilscope::core {

// "Legacy GIL, threading: 64 CPU threads, 1 I/O thread on 4 cores" (plus a switch or check
// interval other than the default): what the scenario is, whatever its name.
QString describedTitle(const Scenario &scenario);

// The id of the compiled-in preset this scenario still is — same name and same fields, the
// machine's measured costs aside (a machine is where the preset runs, not part of it) — or "".
QString matchingPreset(const Scenario &scenario);

// Named after a preset it no longer matches: an edit, or a bar of the advisor on another executor.
bool isEditedPreset(const Scenario &scenario);

// A name describedTitle() made (saved, then edited further) or no name at all: it is made again.
bool isDescribedName(const std::string &name);

// The scenario's name while it is true (a preset as published, a name the user gave), else
// describedTitle().
QString scenarioTitle(const Scenario &scenario);

// The title above a chart: "NAME   ·   3.2+ GIL, threading, 2 cores", or the described title
// alone when it is the name (it already says all that).
QString scenarioHeadline(const Scenario &scenario);

} // namespace gilscope::core
