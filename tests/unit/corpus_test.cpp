// authentik's own blueprints load without an error-level finding, together
// and each alone (SPEC 7: no false alarms on real blueprints).
#include <doctest/doctest.h>

#include <filesystem>

#include "blueprint_set.h"
#include "test_support.h"

using namespace flowprint;

namespace {

const std::string kCorpus = std::string(FLOWPRINT_SHARED_DIR) + "/corpus/authentik-2024.12";

std::vector<std::string> corpus_files() {
    std::vector<std::string> files;
    for (const char* dir : {"default", "system"}) {
        for (const auto& entry : std::filesystem::directory_iterator(kCorpus + "/" + dir)) {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string errors_of(const Findings& findings) {
    Findings errors;
    for (const Finding& f : findings.all()) {
        if (f.severity == Severity::error) errors.all().push_back(f);
    }
    return testing::describe(errors);
}

}  // namespace

TEST_CASE("authentik's corpus loads with no error-level finding") {
    if (!std::filesystem::exists(kCorpus)) {
        MESSAGE("SKIPPED LOUDLY: " << kCorpus << " is absent, the corpus tests cannot run");
        return;
    }
    SUBCASE("together") {
        const InputFiles inputs = find_input_files({kCorpus + "/default", kCorpus + "/system"});
        REQUIRE(inputs.error.empty());
        CHECK(inputs.files.size() == 27);
        const BlueprintSet set = load_blueprint_set(inputs, ResolveSettings{});
        CHECK(errors_of(set.findings) == "");
        CHECK(set.store.size() > 100);
    }
    SUBCASE("each alone") {
        const auto files = corpus_files();
        CHECK(files.size() == 27);
        for (const std::string& file : files) {
            const InputFiles inputs = find_input_files({file});
            const BlueprintSet set = load_blueprint_set(inputs, ResolveSettings{});
            INFO(file);
            CHECK(errors_of(set.findings) == "");
        }
    }
}
