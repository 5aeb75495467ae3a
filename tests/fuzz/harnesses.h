#pragma once

// The fuzz harnesses: each feeds one input to a reader of core (and what a user may do next with
// what it read) and checks the promises that hold for every input. Bad input must give a clear
// error; a crash, a sanitizer report, an escaping exception or a broken promise (fail() below)
// is a bug. The libFuzzer targets (fuzzentry.cpp) and the regression driver (inputdriver.cpp)
// share them, so an input that broke a target is replayed exactly by the ordinary tests.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gilscope::fuzz {

using Harness = void (*)(const std::uint8_t *data, std::size_t size);

// Chrome trace JSON: read it, then write it back, compute its metrics, index it for drawing and
// derive its equivalent scenario, as --load-trace, --trace, --metrics and --as-scenario do.
void traceReader(const std::uint8_t *data, std::size_t size);
// Scenario JSON: read it and round-trip it through scenarioToJson.
void scenarioReader(const std::uint8_t *data, std::size_t size);
// --set patches, one per line, applied to a small scenario.
void setPatches(const std::uint8_t *data, std::size_t size);
// Machine profile JSON: read it, round-trip it and apply it.
void machineProfiles(const std::uint8_t *data, std::size_t size);
// A --sweep spec (the first line) over a tiny scenario with a small event cap.
void sweepSpecs(const std::uint8_t *data, std::size_t size);
// Scenario JSON read, then simulated with a small event cap and time limit: the cap must hold.
void simulateSmall(const std::uint8_t *data, std::size_t size);

struct NamedHarness {
    std::string_view name; // the folder name under corpus/ and regressions/
    Harness run;
};
const std::vector<NamedHarness> &harnesses();
// Null when there is no harness of that name.
Harness findHarness(std::string_view name);

// A broken promise: says which and aborts, so that libFuzzer keeps the input and the driver's
// test fails.
[[noreturn]] void fail(const std::string &what);

} // namespace gilscope::fuzz
