#pragma once

#include "pixels/timewindow.h"
#include "trace/trace.h"

#include <QString>

#include <optional>

namespace gilscope::ui {

// A lesson that plays as a story: where in its run the interesting part lies, and how long
// playing it takes. The gallery shows a Play button on these presets.
struct PlayStory {
    QString presetId;
    QString label;      // the button's tooltip: what the story shows
    double seconds = 0; // wall time the range plays in
};

// The story for a preset, if it has one: the legacy battle (r1-legacy-2cpu-4cores) and the
// convoy (r6-convoy-1cpu).
std::optional<PlayStory> playStoryFor(const QString &presetId);

// Where the story lies in a run of its preset: the battle at 20 ms to 21 ms; the convoy around
// one request of its I/O thread (the slowest of its first ten, from the I/O completing to its
// next blocking call, a little either side). Nothing when the run lacks what the story needs.
std::optional<core::TimeWindow> playStoryRange(const PlayStory &story, const core::Trace &trace);

} // namespace gilscope::ui
