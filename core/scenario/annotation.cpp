#include "scenario/annotation.h"

#include "trace/timetext.h"
#include "trace/trace.h"

#include <cmath>
#include <sstream>

namespace gilscope::core {

namespace {

std::string milliseconds(double ns) {
    std::ostringstream os;
    os << ns / static_cast<double>(kNsPerMs) << " ms";
    return os.str();
}

} // namespace

int characterCount(std::string_view utf8) {
    int n = 0;
    for (const char c : utf8)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // not a continuation byte
    return n;
}

Result<Annotation> parseAnnotation(std::string_view spec) {
    std::string shown = "\"";
    shown.append(spec).append("\"");
    const auto at = spec.find('@');
    const auto colon = at == std::string_view::npos ? at : spec.find(':', at + 1);
    if (at == std::string_view::npos || colon == std::string_view::npos)
        return Error{"expected ROW@TIME:TEXT, e.g. cpu-1@20.5ms:failed wake-up, got " + shown};
    Annotation a;
    a.row = std::string(spec.substr(0, at));
    a.text = std::string(spec.substr(colon + 1));
    auto trim = [](std::string &s) {
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
    };
    trim(a.row);
    trim(a.text);
    if (a.row.empty())
        return Error{"no row before '@' in " + shown + ": name a thread row, e.g. cpu-1"};
    if (a.text.empty())
        return Error{"no text after the time in " + shown};
    if (const int n = characterCount(a.text); n > AnnotationLimits::kMaxTextChars)
        return Error{"the text is " + std::to_string(n) + " characters long; at most " +
                     std::to_string(AnnotationLimits::kMaxTextChars)};
    const auto time = parseTime(spec.substr(at + 1, colon - at - 1));
    if (!time)
        return Error{"the time in " + shown + ": " + time.error()};
    if (*time < 0 || *time > static_cast<double>(AnnotationLimits::kMaxAt))
        return Error{"the time in " + shown + " must be between 0 and 86400 s"};
    a.at = std::llround(*time);
    return a;
}

int annotationRow(const Annotation &annotation, const Trace &trace) {
    for (std::size_t r = 0; r < trace.threads.size(); ++r)
        if (trace.threads[r].info.name == annotation.row)
            return static_cast<int>(r);
    return -1;
}

std::string annotationProblem(const Annotation &annotation, const Trace &trace) {
    if (annotationRow(annotation, trace) < 0) {
        std::string rows;
        const std::size_t shown = std::min<std::size_t>(trace.threads.size(), 12);
        for (std::size_t r = 0; r < shown; ++r)
            rows += (r ? ", " : "") + trace.threads[r].info.name;
        if (shown < trace.threads.size())
            rows += ", … (" + std::to_string(trace.threads.size()) + " in all)";
        return "no row \"" + annotation.row + "\" in this run (rows: " + rows + ")";
    }
    if (annotation.at > trace.endNs)
        return "at " + milliseconds(static_cast<double>(annotation.at)) +
               ", after the run ends at " + milliseconds(static_cast<double>(trace.endNs));
    return {};
}

} // namespace gilscope::core
