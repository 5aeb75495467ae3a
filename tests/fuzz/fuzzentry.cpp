// The libFuzzer entry point of one harness (GILSCOPE_FUZZ_HARNESS names its function); built
// once per harness in a GILSCOPE_FUZZ build. scripts/fuzz runs them.
#include "harnesses.h"

#ifndef GILSCOPE_FUZZ_HARNESS
#error "GILSCOPE_FUZZ_HARNESS must name a harness function of harnesses.h"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    gilscope::fuzz::GILSCOPE_FUZZ_HARNESS(data, size);
    return 0;
}
