// Replays inputs through a fuzz harness without libFuzzer (any compiler, any build):
//     gilscope_fuzz_inputs HARNESS FILE_OR_FOLDER...
// Each file is one input; a folder stands for the files in it. The regression corpus (an input
// per bug found) and the seed corpus run this way as ordinary tests. A bug aborts with the
// harness's message, or the sanitizer's report, after the input's name.
#include "harnesses.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

int usage(const std::string &message) {
    std::fprintf(stderr,
                 "gilscope_fuzz_inputs: %s\nusage: gilscope_fuzz_inputs HARNESS "
                 "FILE_OR_FOLDER...\nharnesses:",
                 message.c_str());
    for (const auto &h : gilscope::fuzz::harnesses())
        std::fprintf(stderr, " %.*s", static_cast<int>(h.name.size()), h.name.data());
    std::fprintf(stderr, "\n");
    return 2;
}

} // namespace

int main(int argc, char **argv) {
    namespace fs = std::filesystem;
    if (argc < 3)
        return usage("expected a harness and at least one input");
    const gilscope::fuzz::Harness harness = gilscope::fuzz::findHarness(argv[1]);
    if (harness == nullptr)
        return usage(std::string("no harness named ") + argv[1]);
    std::vector<fs::path> inputs;
    for (int i = 2; i < argc; ++i) {
        std::error_code error;
        const fs::path path(argv[i]);
        if (fs::is_directory(path, error)) {
            std::vector<fs::path> files;
            for (const auto &entry : fs::directory_iterator(path, error))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            if (files.empty())
                return usage(path.string() + ": no inputs in this folder");
            std::sort(files.begin(), files.end());
            inputs.insert(inputs.end(), files.begin(), files.end());
        } else if (fs::is_regular_file(path, error)) {
            inputs.push_back(path);
        } else {
            return usage(path.string() + ": no such file or folder");
        }
    }
    for (const fs::path &input : inputs) {
        std::ifstream in(input, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>()};
        if (!in.eof() && in.fail()) {
            std::fprintf(stderr, "gilscope_fuzz_inputs: %s: cannot read\n", input.c_str());
            return 2;
        }
        std::fprintf(stderr, "%s: %s (%zu bytes)\n", argv[1], input.c_str(), bytes.size());
        std::fflush(stderr);
        harness(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
    }
    std::fprintf(stderr, "%s: %zu input%s, all passed\n", argv[1], inputs.size(),
                 inputs.size() == 1 ? "" : "s");
    return 0;
}
