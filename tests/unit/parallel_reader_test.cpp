// Loading files in parallel while applying them gives exactly what reading
// every file first, in order, and then applying gives: same objects, same
// findings in the same order, meta-apply by name included.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "parallel_reader.h"
#include "test_support.h"

using namespace flowprint;
namespace fs = std::filesystem;

namespace {

/// Forty files: flows with bindings that find stages of earlier files, some
/// broken files, a meta-apply (by name) of a later file, and from there one
/// of a file applied before.
std::vector<std::string> write_set(const fs::path& root) {
    fs::remove_all(root);
    fs::create_directories(root);
    std::vector<std::string> files;
    for (int i = 0; i < 40; ++i) {
        std::string text;
        if (i % 13 == 5) {
            text = "version: 1\nentries: [unclosed\n";
        } else if (i == 3) {
            text =
                "version: 1\nmetadata: {name: first}\nentries:\n"
                "- model: authentik_blueprints.metaapplyblueprint\n"
                "  attrs: {identifiers: {name: last}}\n";
        } else {
            text = fmt::format(
                "version: 1\nmetadata: {{name: {}}}\nentries:\n"
                "- model: authentik_stages_dummy.dummystage\n  identifiers: {{name: stage-{}}}\n"
                "- model: authentik_flows.flow\n  id: flow\n  identifiers: {{slug: flow-{}}}\n"
                "- model: authentik_flows.flowstagebinding\n"
                "  identifiers:\n    target: !KeyOf flow\n"
                "    stage: !Find [authentik_stages_dummy.dummystage, [name, stage-{}]]\n"
                "    order: {}\n",
                i == 39 ? "last" : fmt::format("file-{}", i), i, i, i > 0 ? i - 1 : 99, i);
        }
        if (i == 39) {
            text +=
                "- model: authentik_blueprints.metaapplyblueprint\n"
                "  attrs: {identifiers: {name: file-1}}\n";
        }
        const fs::path file = root / fmt::format("{:02}.yaml", i);
        std::ofstream(file) << text;
        files.push_back(file.string());
    }
    return files;
}

}  // namespace

TEST_CASE("parallel loading equals reading everything first, then applying") {
    const fs::path root = fs::temp_directory_path() / "flowprint-parallel-reader";
    const std::vector<std::string> files = write_set(root);
    const InputFiles inputs = find_input_files({root.string()});
    REQUIRE(inputs.files == files);

    const BlueprintSet parallel = load_blueprint_set(inputs, ResolveSettings{});

    std::deque<Blueprint> blueprints;
    Findings read_findings;
    for (const std::string& file : files) {
        blueprints.push_back(read_blueprint(file, Limits{}, read_findings));
    }
    const BlueprintSet sequential = apply_blueprints(
        std::move(blueprints), std::move(read_findings), inputs, ResolveSettings{});

    CHECK(testing::describe(parallel.findings) == testing::describe(sequential.findings));
    CHECK(testing::has_finding(parallel.findings, "yaml-syntax"));
    CHECK(testing::has_finding(parallel.findings, "find-external"));
    CHECK_FALSE(testing::has_finding(parallel.findings, "meta-apply-missing"));
    REQUIRE(parallel.store.size() == sequential.store.size());
    for (ObjectId id = 0; id < parallel.store.size(); ++id) {
        const StoredObject& a = parallel.store.get(id);
        const StoredObject& b = sequential.store.get(id);
        CHECK(a.model == b.model);
        CHECK(python_repr(Value{a.fields}) == python_repr(Value{b.fields}));
        CHECK(a.defined_at.file == b.defined_at.file);
        CHECK(a.defined_at.line == b.defined_at.line);
    }
    // Files 00-02 make three objects each; then the meta-apply in file 03
    // applies the last file right there.
    CHECK(parallel.store.get(9).defined_at.file.ends_with("39.yaml"));
    fs::remove_all(root);
}

TEST_CASE("a reader whose blueprints are not all taken finishes cleanly") {
    const fs::path root = fs::temp_directory_path() / "flowprint-parallel-reader-partial";
    const std::vector<std::string> files = write_set(root);
    {
        ParallelReader reader(files, Limits{});
        CHECK(reader.take(2).usable());
        CHECK_FALSE(reader.take(5).usable());
        CHECK(reader.findings(5).has_errors());
    }
    fs::remove_all(root);
}

TEST_CASE("without their trees, blueprints apply to the same store and findings") {
    const fs::path root = fs::temp_directory_path() / "flowprint-parallel-reader-drop";
    write_set(root);
    const InputFiles inputs = find_input_files({root.string()});
    ResolveSettings lean;
    lean.kept_document = KeptDocument::nothing;
    const BlueprintSet kept = load_blueprint_set(inputs, ResolveSettings{});
    const BlueprintSet dropped = load_blueprint_set(inputs, lean);
    CHECK(testing::describe(dropped.findings) == testing::describe(kept.findings));
    REQUIRE(dropped.store.size() == kept.store.size());
    for (ObjectId id = 0; id < kept.store.size(); ++id) {
        CHECK(python_repr(Value{dropped.store.get(id).fields}) ==
              python_repr(Value{kept.store.get(id).fields}));
    }
    for (std::size_t i = 0; i < kept.blueprints.size(); ++i) {
        CHECK(dropped.blueprints[i].usable() == kept.blueprints[i].usable());
        CHECK_FALSE(dropped.blueprints[i].root);
        CHECK(dropped.blueprints[i].entries.empty());
        CHECK(dropped.blueprints[i].name == kept.blueprints[i].name);
    }
    CHECK(kept.blueprints[0].root);
    fs::remove_all(root);
}
