// Messages for hostile scenario values stay short and say what is wrong.
#include "scenario/scenariojson.h"
#include "testsupport.h"

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

std::string parseError(const QByteArray &json, const std::vector<std::string> &overrides = {}) {
    return parseScenarioJson(json, "s.json", overrides, MachineProfileStore(QStringList{})).error();
}

const QByteArray kTwoGroups = R"({"workers": [{"kind": "cpu"}, {"kind": "io"}]})";

} // namespace

TEST_CASE("a huge number is printed readably from a file and from --set", "[messages]") {
    CHECK(parseError(R"({"cores": 1e308})") == "s.json: field cores: is out of range: 1e+308");
    CHECK(parseError(kTwoGroups, {"cores=1e308"}) ==
          "s.json: field cores: is out of range: 1e+308");
    CHECK(parseError(kTwoGroups, {"cores=2.5"}) ==
          "s.json: field cores: expected a whole number, got 2.5");
    CHECK(parseError(kTwoGroups, {"workers.0.count=-1e300"}) ==
          "s.json: field workers.0.count: is out of range: -1e+300");
    CHECK(parseError(kTwoGroups, {"params.max_events=1e308"}) ==
          "s.json: field params.max_events: must be between 1000 and 500000000, got 1e+308");
}

TEST_CASE("a --set index past int range is an index out of range and not a key", "[messages]") {
    CHECK(parseError(kTwoGroups, {"workers.2147483648.count=1"}) ==
          "s.json: --set workers.2147483648.count=1: index 2147483648 is out of range (there "
          "are 2)");
    CHECK(parseError(kTwoGroups, {"workers.99999999999999999999.count=1"}) ==
          "s.json: --set workers.99999999999999999999.count=1: index 99999999999999999999 is "
          "out of range (there are 2)");
    CHECK(parseError(kTwoGroups, {"workers.-1.count=1"}) ==
          "s.json: --set workers.-1.count=1: index -1 is out of range (there are 2)");
    CHECK(parseError(kTwoGroups, {"workers.0.kind.7=1"}) ==
          "s.json: --set workers.0.kind.7=1: workers.0.kind is not a list");
    CHECK(parseError(kTwoGroups, {"workers.1.count=3"}).empty());
}
