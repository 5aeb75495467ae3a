#pragma once

#include "result.h"
#include "trace/timetypes.h"

#include <string>
#include <string_view>
#include <vector>

namespace gilscope::core {

struct Trace;

// A speaker's note on the timeline: a text callout with an arrow to a moment on one thread row.
// Part of the scenario (saved with it, "annotations" in its file) because it describes what to
// look at in that run; the simulation never reads it.
struct Annotation {
    std::string row;  // the thread row's name as labelled, e.g. "cpu-1"
    TimeNs at = 0;    // from the start of the run
    std::string text; // one line; the drawing wraps it

    bool operator==(const Annotation &) const = default;
};

struct AnnotationLimits {
    static constexpr int kMaxCount = 100;
    static constexpr int kMaxTextChars = 200;
    static constexpr TimeNs kMaxAt = 86'400 * kNsPerS; // the longest run a scenario may ask for
};

// Characters (code points) in UTF-8 text: what the text limit counts.
int characterCount(std::string_view utf8);

// The command line's --annotate "ROW@TIME:TEXT", e.g. "cpu-1@20.5ms:failed wake-up" (TIME with
// a unit: ns, us, ms, s). The text may itself contain ':' and '@'. Errors name the part at fault.
Result<Annotation> parseAnnotation(std::string_view spec);

// What keeps `annotation` off a drawing of `trace`: a row the trace does not have (listing the
// ones it has) or a time after its end. Empty when it can be drawn.
std::string annotationProblem(const Annotation &annotation, const Trace &trace);

// The thread row `annotation` points at: the first with its name; -1 when there is none.
int annotationRow(const Annotation &annotation, const Trace &trace);

} // namespace gilscope::core
